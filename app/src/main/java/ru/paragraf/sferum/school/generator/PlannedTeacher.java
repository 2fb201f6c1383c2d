package ru.paragraf.sferum.school.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A staff member being generated, with the weekly lessons taken so far and the slots they fill. */
final class PlannedTeacher {

    final UUID id;
    final PersonName name;
    final GeneratorCatalog.Position position;
    final LocalDate birthDate;
    final LocalDate hiredOn;
    final String phone;
    final String email;
    final List<PlannedGroup> halves = new ArrayList<>();

    @Nullable
    PlannedClass homeroomOf;

    int load;
    long busy;

    PlannedTeacher(
            UUID id,
            PersonName name,
            GeneratorCatalog.Position position,
            LocalDate birthDate,
            LocalDate hiredOn,
            String phone,
            String email) {
        this.id = id;
        this.name = name;
        this.position = position;
        this.birthDate = birthDate;
        this.hiredOn = hiredOn;
        this.phone = phone;
        this.email = email;
    }

    boolean holds(String positionKey) {
        return position.key().equals(positionKey);
    }

    boolean isFree(long slots) {
        return (busy & slots) == 0;
    }
}
