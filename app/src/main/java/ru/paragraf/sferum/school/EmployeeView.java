package ru.paragraf.sferum.school;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An employee's personal file, tab «Общая». {@code sferumUserId} is empty until the teacher links a VK ID;
 * {@code sferumRelinkRequired} says VK no longer accepts that link and the teacher has to link it again.
 */
record EmployeeView(
        UUID id,
        UUID organizationId,
        String organizationName,
        String lastName,
        String firstName,
        @Nullable String middleName,
        String position,
        @Nullable LocalDate birthDate,
        @Nullable String email,
        @Nullable String phone,
        @Nullable LocalDate hiredOn,
        @Nullable Long sferumUserId,
        @Nullable OffsetDateTime sferumLinkedAt,
        boolean sferumRelinkRequired) {

    /** The same file with the link time in the given zone: the database answers in UTC. */
    EmployeeView inZone(ZoneId zone) {
        if (sferumLinkedAt == null) {
            return this;
        }
        return new EmployeeView(
                id,
                organizationId,
                organizationName,
                lastName,
                firstName,
                middleName,
                position,
                birthDate,
                email,
                phone,
                hiredOn,
                sferumUserId,
                sferumLinkedAt.atZoneSameInstant(zone).toOffsetDateTime(),
                sferumRelinkRequired);
    }

    public String fullName() {
        return middleName == null ? lastName + " " + firstName : lastName + " " + firstName + " " + middleName;
    }
}
