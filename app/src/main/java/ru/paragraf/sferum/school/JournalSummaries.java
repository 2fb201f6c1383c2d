package ru.paragraf.sferum.school;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journals a pupil learns in and a teacher teaches, for the diary's «Чаты» tab; callers pass the ids of the
 * logged-in person (or of a parent's own child) only. One query per person, however many journals.
 */
@Service
@Transactional(readOnly = true)
public class JournalSummaries {

    private static final String SELECT =
            """
            select j.id as journal_id, s.name as subject, coalesce(c.grade || c.letter, g.title) as group_title,
                   j.kind, j.subject_chat_requested
            from school.journal j
            join school.subject s on s.id = j.subject_id
            left join school.class_unit c on c.id = j.class_unit_id
            left join school.study_group g on g.id = j.study_group_id
            """;

    private final JdbcClient jdbc;

    JournalSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The journals of the pupil's class and of the study groups the pupil belongs to. */
    public List<JournalSummary> ofPupil(UUID pupil) {
        return jdbc.sql(
                        SELECT
                                + """
                        where j.class_unit_id = (select p.class_unit_id from school.pupil p where p.id = :pupil)
                           or j.study_group_id in (select m.study_group_id from school.study_group_member m
                                                   where m.pupil_id = :pupil)
                        order by s.name, group_title
                        """)
                .param("pupil", pupil)
                .query(JournalSummary.class)
                .list();
    }

    /** The journals the teacher teaches in the current academic year. */
    public List<JournalSummary> ofTeacher(UUID employee) {
        return jdbc.sql(SELECT
                        + """
                        where j.academic_year_id = (%s)
                          and exists (select 1 from school.journal_teacher jt
                                      where jt.journal_id = j.id and jt.employee_id = :employee)
                        order by s.name, group_title
                        """
                                .formatted(AcademicYears.CURRENT))
                .param("employee", employee)
                .query(JournalSummary.class)
                .list();
    }
}
