package ru.paragraf.sferum.school;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Timetables of pupils and teachers for the diary; callers pass the ids of the logged-in person only. */
@Service
@Transactional(readOnly = true)
public class Timetables {

    private static final String SELECT =
            """
            select l.id as lesson_id, l.journal_id, l.lesson_date, l.starts_at, l.duration_minutes,
                   s.name as subject, coalesce(c.grade || c.letter, g.title) as group_title, l.topic, l.video_link, l.format,
                   l.publication,
                   sub.last_name || ' ' || sub.first_name || coalesce(' ' || sub.middle_name, '') as substitute
            from school.lesson l
            join school.journal j on j.id = l.journal_id
            left join school.employee sub on sub.id = l.substitute_employee_id
            join school.subject s on s.id = j.subject_id
            left join school.class_unit c on c.id = j.class_unit_id
            left join school.study_group g on g.id = j.study_group_id
            """;

    /** Maps a lesson by its columns' names: a record class made the driver throw for each camel-case name first. */
    private static final RowMapper<TimetableLesson> LESSON = (rs, row) -> new TimetableLesson(
            rs.getObject("lesson_id", UUID.class),
            rs.getObject("journal_id", UUID.class),
            rs.getObject("lesson_date", LocalDate.class),
            rs.getObject("starts_at", LocalTime.class),
            rs.getInt("duration_minutes"),
            rs.getString("subject"),
            rs.getString("group_title"),
            rs.getString("topic"),
            rs.getString("video_link"),
            LessonFormat.valueOf(rs.getString("format")),
            Publication.valueOf(rs.getString("publication")),
            rs.getString("substitute"));

    private final JdbcClient jdbc;

    Timetables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Published lessons of the pupil's class and study groups between the two dates, inclusive. The pupil's journals
     * are found first (a union, each part by its index), then their lessons by journal and date: one condition with
     * {@code or} over both made PostgreSQL scan the whole city's lessons of the week (61 ms a page at 60 schools,
     * docs/benchmarks.md).
     */
    public List<TimetableLesson> ofPupil(UUID pupil, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        SELECT
                                + """
                        where l.journal_id in (select k.id from school.journal k
                                               where k.class_unit_id = (select p.class_unit_id from school.pupil p
                                                                        where p.id = :pupil)
                                               union all
                                               select k.id from school.journal k
                                               join school.study_group_member m on m.study_group_id = k.study_group_id
                                               where m.pupil_id = :pupil)
                          and l.lesson_date between :from and :to and l.publication = 'PUBLISHED'
                        order by l.lesson_date, l.starts_at
                        """)
                .param("pupil", pupil)
                .param("from", from)
                .param("to", to)
                .query(LESSON)
                .list();
    }

    /**
     * All lessons of the journals the teacher teaches, and the lessons they substitute at, between the two dates,
     * inclusive.
     */
    public List<TimetableLesson> ofTeacher(UUID employee, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        SELECT
                                + """
                        where l.lesson_date between :from and :to
                          and (exists (select 1 from school.journal_teacher jt
                                       where jt.journal_id = j.id and jt.employee_id = :employee)
                               or l.substitute_employee_id = :employee)
                        order by l.lesson_date, l.starts_at
                        """)
                .param("employee", employee)
                .param("from", from)
                .param("to", to)
                .query(LESSON)
                .list();
    }

    /** The parent's children. */
    public List<PupilSummary> childrenOf(UUID parent) {
        return jdbc.sql(
                        """
                        select p.id, p.last_name || ' ' || p.first_name as full_name, c.grade || c.letter as class_title
                        from school.pupil_parent pp
                        join school.pupil p on p.id = pp.pupil_id
                        left join school.class_unit c on c.id = p.class_unit_id
                        where pp.parent_id = :parent
                        order by p.last_name, p.first_name
                        """)
                .param("parent", parent)
                .query(PupilSummary.class)
                .list();
    }
}
