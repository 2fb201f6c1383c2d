package ru.paragraf.sferum.diary;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.school.PersonKind;

/**
 * The person behind a diary account, who owns a VK ID link: a teacher's employee record, a pupil, or a parent
 * (the parent's own, never a child's). Staff who work outside the diary have none.
 */
record DiaryPerson(PersonKind kind, UUID id, UUID organization) {

    static Optional<DiaryPerson> of(CurrentUser user) {
        var organization = user.organizationId();
        if (organization == null) {
            return Optional.empty();
        }
        if (user.is(Role.TEACHER) && user.employeeId() != null) {
            return Optional.of(new DiaryPerson(PersonKind.EMPLOYEE, user.employeeId(), organization));
        }
        if (user.is(Role.PUPIL) && user.pupilId() != null) {
            return Optional.of(new DiaryPerson(PersonKind.PUPIL, user.pupilId(), organization));
        }
        if (user.is(Role.PARENT) && user.parentId() != null) {
            return Optional.of(new DiaryPerson(PersonKind.PARENT, user.parentId(), organization));
        }
        return Optional.empty();
    }

    /** The subject of the person's audit entries: {@code employee:<id>}, {@code pupil:<id>}, {@code parent:<id>}. */
    String auditSubject() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
}
