package ru.paragraf.sferum.school;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;

/**
 * Changes that school staff make to journals and lessons: the «Чат по предмету» selector, video-call mode,
 * publication, time and topic. Each change is published as an event in its transaction, for the
 * synchronization to act on after commit; what the person may not see does not exist for them.
 */
@Service
class JournalEditing {

    private final JdbcClient jdbc;
    private final Lessons lessons;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    JournalEditing(JdbcClient jdbc, Lessons lessons, ApplicationEventPublisher events, AuditTrail audit) {
        this.jdbc = jdbc;
        this.lessons = lessons;
        this.events = events;
        this.audit = audit;
    }

    static boolean isEditor(CurrentUser user) {
        return user.is(Role.SCHOOL_ADMIN) || user.is(Role.TEACHER);
    }

    /** Switches the «Чат по предмету» selector; only general-education journals may have it on. */
    @Transactional
    void requestSubjectChat(CurrentUser user, UUID journal, boolean requested) {
        if (!isEditor(user)) {
            throw new NotAnEditorException();
        }
        var scope = SchoolScope.of(user);
        var current = scope.bind(jdbc.sql(
                        """
                        select j.kind, j.subject_chat_requested, j.organization_id, j.academic_year_id
                        from school.journal j join school.organization o on o.id = j.organization_id
                        where j.id = :id and %s and %s
                        for update of j
                        """
                                .formatted(SchoolScope.organizations("o"), SchoolScope.journals("j"))))
                .param("id", journal)
                .query((rs, row) -> new SelectorState(
                        JournalKind.valueOf(rs.getString("kind")),
                        rs.getBoolean("subject_chat_requested"),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("academic_year_id", UUID.class)))
                .optional()
                .orElseThrow(SchoolPages::notFound);
        if (requested && !current.kind().allowsSubjectChat()) {
            throw new SubjectChatNotAllowedException(current.kind());
        }
        if (current.requested() == requested) {
            return;
        }
        jdbc.sql("update school.journal set subject_chat_requested = :requested, version = version + 1 where id = :id")
                .param("requested", requested)
                .param("id", journal)
                .update();
        audit.record(AuditEntry.by(
                user,
                current.organization(),
                requested ? "SUBJECT_CHAT_REQUESTED" : "SUBJECT_CHAT_CANCELLED",
                "journal:" + journal));
        events.publishEvent(
                requested
                        ? new SubjectChatRequested(journal, current.organization(), current.academicYear())
                        : new SubjectChatCancelled(journal, current.organization(), current.academicYear()));
    }

    /** Applies a change to a lesson of a journal the person may edit. */
    @Transactional
    void edit(CurrentUser user, UUID lessonId, LessonEdit edit) {
        if (!isEditor(user)) {
            throw new NotAnEditorException();
        }
        var lesson = lessons.lockVisible(SchoolScope.of(user), lessonId).orElseThrow(SchoolPages::notFound);
        java.util.List<Object> caused;
        if (edit instanceof LessonEdit.HoldAs holdAs) {
            caused = lesson.holdAs(holdAs.format());
        } else if (edit instanceof LessonEdit.Publish) {
            caused = lesson.publish();
        } else if (edit instanceof LessonEdit.Withdraw) {
            caused = lesson.withdraw();
        } else {
            var reschedule = (LessonEdit.Reschedule) edit;
            caused = lesson.edit(
                    reschedule.date(),
                    reschedule.startsAt(),
                    reschedule.durationMinutes(),
                    reschedule.topic(),
                    reschedule.videoLink());
        }
        if (caused.isEmpty()) {
            return;
        }
        lessons.save(lesson);
        caused.forEach(events::publishEvent);
    }

    /**
     * Gives the lesson to another teacher of its school for this lesson, or back to the journal's teachers
     * ({@code employee} null): the substitute starts its call and is in the journal's chat for the lesson's day.
     */
    @Transactional
    void substitute(CurrentUser user, UUID lessonId, @Nullable UUID employee) {
        if (!isEditor(user)) {
            throw new NotAnEditorException();
        }
        var lesson = lessons.lockVisible(SchoolScope.of(user), lessonId).orElseThrow(SchoolPages::notFound);
        if (employee != null
                && !jdbc.sql("select exists (select 1 from school.employee where id = :id and organization_id = :org)")
                        .param("id", employee)
                        .param("org", lesson.organization())
                        .query(Boolean.class)
                        .single()) {
            throw new SubstituteNotAllowedException();
        }
        var changed = jdbc.sql(
                        """
                        update school.lesson set substitute_employee_id = :employee, version = version + 1
                        where id = :id and substitute_employee_id is distinct from :employee
                        """)
                .param("employee", employee)
                .param("id", lessonId)
                .update();
        if (changed == 0) {
            return;
        }
        audit.record(AuditEntry.by(
                user,
                lesson.organization(),
                employee == null ? "LESSON_SUBSTITUTE_CLEARED" : "LESSON_SUBSTITUTE_SET",
                "lesson:" + lessonId));
        events.publishEvent(new LessonSubstituteChanged(lessonId, lesson.journal(), lesson.organization(), employee));
    }

    private record SelectorState(JournalKind kind, boolean requested, UUID organization, UUID academicYear) {}
}
