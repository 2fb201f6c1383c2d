package ru.paragraf.sferum.school.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.JournalKind;

/** A journal being generated: one subject for a class or a group, its teacher and the slots of its lessons. */
final class PlannedJournal {

    final UUID id;
    final JournalKind kind;
    final String subject;
    final String position;
    final @Nullable PlannedClass schoolClass;
    final @Nullable PlannedGroup group;
    final int hours;
    final List<Integer> slots = new ArrayList<>();
    private @Nullable PlannedTeacher teacher;

    PlannedJournal(
            UUID id,
            JournalKind kind,
            String subject,
            String position,
            @Nullable PlannedClass schoolClass,
            @Nullable PlannedGroup group,
            int hours) {
        this.id = id;
        this.kind = kind;
        this.subject = subject;
        this.position = position;
        this.schoolClass = schoolClass;
        this.group = group;
        this.hours = hours;
    }

    PlannedTeacher teacher() {
        return Objects.requireNonNull(teacher, "journal has no teacher yet");
    }

    /** Who may take the journal over: its position, or for a homeroom teacher's course that teacher's position. */
    String specialty() {
        return position.isEmpty() ? teacher().position.key() : position;
    }

    /** Hands the journal with the lessons placed so far to another teacher. */
    void assignTo(PlannedTeacher next) {
        long placed = slotMask();
        if (teacher != null) {
            teacher.load -= hours;
            teacher.busy &= ~placed;
        }
        next.load += hours;
        next.busy |= placed;
        teacher = next;
    }

    void book(int slot) {
        slots.add(slot);
        teacher().busy |= BellSchedule.bit(slot);
    }

    void unbook(int slot) {
        slots.remove(Integer.valueOf(slot));
        teacher().busy &= ~BellSchedule.bit(slot);
    }

    long slotMask() {
        long mask = 0;
        for (int slot : slots) {
            mask |= BellSchedule.bit(slot);
        }
        return mask;
    }
}
