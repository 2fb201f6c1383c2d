package ru.paragraf.sferum.school;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Journals and their lessons, scoped to what the current person may see. */
@Repository
class Journals {

    /**
     * Maps a lesson by its columns' names. {@code query(LessonRow.class)} looked each camel-case component up as a
     * column first ({@code lessonDate}), and the driver's «column not found» exception for each cost a year's journal
     * page 0.6 ms (docs/benchmarks.md, «Page cost»).
     */
    private static final RowMapper<LessonRow> LESSON = (rs, row) -> new LessonRow(
            rs.getObject("id", UUID.class),
            rs.getObject("lesson_date", LocalDate.class),
            rs.getObject("starts_at", LocalTime.class),
            rs.getInt("duration_minutes"),
            rs.getString("topic"),
            rs.getString("video_link"),
            LessonFormat.valueOf(rs.getString("format")),
            Publication.valueOf(rs.getString("publication")),
            rs.getString("substitute"));

    /** The full name of the lesson's substitute teacher, null if the journal's teachers hold it. */
    private static final String SUBSTITUTE =
            """
            (select e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') from school.employee e
             where e.id = substitute_employee_id) as substitute""";

    private static final UUID ANY = new UUID(0, 0);

    private static final String GROUP_TITLE = "coalesce(c.grade || c.letter, g.title)";

    private static final String TEACHERS =
            """
            coalesce((select string_agg(e.last_name || ' ' || left(e.first_name, 1) || '.'
                                        || coalesce(left(e.middle_name, 1) || '.', ''), ', ' order by e.last_name)
                      from school.journal_teacher jt join school.employee e on e.id = jt.employee_id
                      where jt.journal_id = j.id), '')""";

    private final JdbcClient jdbc;

    Journals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<JournalRow> list(SchoolScope scope, UUID organization, @Nullable JournalKind kind, @Nullable UUID classUnit) {
        var sql =
                """
                select j.id, j.kind, s.name as subject, %s as group_title, %s as teachers, j.subject_chat_requested
                from school.journal j
                join school.organization o on o.id = j.organization_id
                join school.subject s on s.id = j.subject_id
                left join school.class_unit c on c.id = j.class_unit_id
                left join school.study_group g on g.id = j.study_group_id
                left join school.class_unit gc on gc.id = g.class_unit_id
                where j.organization_id = :organization
                  and j.academic_year_id = (%s)
                  and %s and %s
                  and (:kind = '' or j.kind = :kind)
                  and (:classUnit = :any or j.class_unit_id = :classUnit or g.class_unit_id = :classUnit)
                order by coalesce(c.grade, gc.grade, 99), coalesce(c.letter, gc.letter, ''), s.name, group_title
                """
                        .formatted(
                                GROUP_TITLE,
                                TEACHERS,
                                AcademicYears.CURRENT,
                                SchoolScope.organizations("o"),
                                SchoolScope.journals("j"));
        return scope.bind(jdbc.sql(sql))
                .param("organization", organization)
                .param("kind", kind == null ? "" : kind.name())
                .param("classUnit", classUnit == null ? ANY : classUnit)
                .param("any", ANY)
                .query(JournalRow.class)
                .list();
    }

    /** The journal with every lesson of its year, as the API returns it. */
    Optional<JournalView> find(SchoolScope scope, UUID id) {
        return header(scope, id).map(journal -> JournalView.of(journal, lessons(id)));
    }

    /** The journal with its teachers and its year's bounds, without its lessons. */
    Optional<JournalHeader> header(SchoolScope scope, UUID id) {
        var sql =
                """
                select j.id, j.organization_id, o.short_name as organization_name, y.title as academic_year,
                       y.starts_on, y.ends_on, j.kind, s.name as subject, %s as group_title, j.subject_chat_requested
                from school.journal j
                join school.organization o on o.id = j.organization_id
                join school.academic_year y on y.id = j.academic_year_id
                join school.subject s on s.id = j.subject_id
                left join school.class_unit c on c.id = j.class_unit_id
                left join school.study_group g on g.id = j.study_group_id
                where j.id = :id and %s and %s
                """
                        .formatted(GROUP_TITLE, SchoolScope.organizations("o"), SchoolScope.journals("j"));
        return scope.bind(jdbc.sql(sql))
                .param("id", id)
                .query((rs, row) -> new JournalHeader(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("organization_name"),
                        rs.getString("academic_year"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class),
                        JournalKind.valueOf(rs.getString("kind")),
                        rs.getString("subject"),
                        rs.getString("group_title"),
                        rs.getBoolean("subject_chat_requested"),
                        teachers(id)))
                .optional();
    }

    /** How many lessons the journal has in each month that has any; the caller has found it in the person's scope. */
    Map<YearMonth, Integer> lessonsPerMonth(UUID journal) {
        var months = new HashMap<YearMonth, Integer>();
        jdbc.sql(
                        """
                        select cast(date_trunc('month', lesson_date) as date) as month, count(*) as lessons
                        from school.lesson where journal_id = :journal
                        group by 1
                        """)
                .param("journal", journal)
                .query((RowCallbackHandler)
                        rs -> months.put(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getInt("lessons")));
        return months;
    }

    /** The journal's lessons from one day to another, inclusive, in order; the caller has found it in scope. */
    List<LessonRow> lessons(UUID journal, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                        select id, lesson_date, starts_at, duration_minutes, topic, video_link, format, publication, %s
                        from school.lesson where journal_id = :journal and lesson_date between :from and :to
                        order by lesson_date, starts_at
                        """
                                .formatted(SUBSTITUTE))
                .param("journal", journal)
                .param("from", from)
                .param("to", to)
                .query(LESSON)
                .list();
    }

    /** The journal of a lesson the person may see, with its academic year's bounds. */
    Optional<LessonJournal> journalOfLesson(SchoolScope scope, UUID lesson) {
        return scope.bind(jdbc.sql(
                        """
                        select j.id as journal, y.starts_on as year_starts, y.ends_on as year_ends
                        from school.lesson l
                        join school.journal j on j.id = l.journal_id
                        join school.academic_year y on y.id = j.academic_year_id
                        join school.organization o on o.id = j.organization_id
                        where l.id = :lesson and %s and %s
                        """
                                .formatted(SchoolScope.organizations("o"), SchoolScope.journals("j"))))
                .param("lesson", lesson)
                .query(LessonJournal.class)
                .optional();
    }

    /** A lesson's journal and the dates its lessons may take. */
    record LessonJournal(UUID journal, java.time.LocalDate yearStarts, java.time.LocalDate yearEnds) {}

    List<ClassOption> classes(UUID organization) {
        return jdbc.sql(
                        """
                        select c.id, c.grade || c.letter as title
                        from school.class_unit c
                        where c.organization_id = :organization and c.academic_year_id = (%s)
                        order by c.grade, c.letter
                        """
                                .formatted(AcademicYears.CURRENT))
                .param("organization", organization)
                .query(ClassOption.class)
                .list();
    }

    private List<JournalView.TeacherRef> teachers(UUID journal) {
        return jdbc.sql(
                        """
                        select e.id, e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') as full_name
                        from school.journal_teacher jt join school.employee e on e.id = jt.employee_id
                        where jt.journal_id = :journal
                        order by e.last_name, e.first_name
                        """)
                .param("journal", journal)
                .query(JournalView.TeacherRef.class)
                .list();
    }

    /** One lesson, for its row; the caller has found its journal in the person's scope. */
    Optional<LessonRow> lesson(UUID id) {
        return jdbc.sql(
                        """
                        select id, lesson_date, starts_at, duration_minutes, topic, video_link, format, publication, %s
                        from school.lesson where id = :id
                        """
                                .formatted(SUBSTITUTE))
                .param("id", id)
                .query(LESSON)
                .optional();
    }

    private List<LessonRow> lessons(UUID journal) {
        return jdbc.sql(
                        """
                        select id, lesson_date, starts_at, duration_minutes, topic, video_link, format, publication, %s
                        from school.lesson where journal_id = :journal
                        order by lesson_date, starts_at
                        """
                                .formatted(SUBSTITUTE))
                .param("journal", journal)
                .query(LESSON)
                .list();
    }
}
