package ru.paragraf.sferum.school.generator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tables of the school schema, for tests that start from nothing or compare whole contents. */
final class SchoolTables {

    static final List<String> ALL = List.of(
            "district",
            "academic_year",
            "subject",
            "organization",
            "employee",
            "class_unit",
            "pupil",
            "parent",
            "pupil_parent",
            "study_group",
            "study_group_member",
            "journal",
            "journal_teacher",
            "lesson",
            "timetable_slot",
            "timetable");

    /** Times at which one teacher has two lessons. */
    static final String TEACHER_CLASHES =
            """
            select count(*) from (
              select jt.employee_id, l.lesson_date, l.starts_at
              from school.lesson l join school.journal_teacher jt on jt.journal_id = l.journal_id
              group by 1, 2, 3 having count(*) > 1) clash""";

    /** Times at which one class has two lessons of whole-class journals. */
    static final String CLASS_CLASHES =
            """
            select count(*) from (
              select j.class_unit_id, l.lesson_date, l.starts_at
              from school.lesson l join school.journal j on j.id = l.journal_id
              where j.class_unit_id is not null
              group by 1, 2, 3 having count(*) > 1) clash""";

    /** Times at which one pupil has two lessons, through the class or through study groups. */
    static final String PUPIL_CLASHES =
            """
            with attendance as (
              select p.id as pupil, l.lesson_date, l.starts_at
              from school.lesson l join school.journal j on j.id = l.journal_id
              join school.pupil p on p.class_unit_id = j.class_unit_id
              union all
              select m.pupil_id, l.lesson_date, l.starts_at
              from school.lesson l join school.journal j on j.id = l.journal_id
              join school.study_group_member m on m.study_group_id = j.study_group_id)
            select count(*) from (select pupil, lesson_date, starts_at from attendance
                                  group by 1, 2, 3 having count(*) > 1) clash""";

    /** Journals without a teacher or without a lesson in the week. */
    static final String JOURNALS_WITHOUT_TEACHER_OR_LESSONS =
            """
            select count(*) from school.journal j
            where not exists (select 1 from school.journal_teacher jt where jt.journal_id = j.id)
               or not exists (select 1 from school.lesson l where l.journal_id = j.id)""";

    private SchoolTables() {}

    static void clear(JdbcClient jdbc) {
        jdbc.sql("truncate "
                        + String.join(", ", ALL.stream().map(t -> "school." + t).toList()) + " cascade")
                .update();
    }

    /** SHA-256 over every row of every table, rows in a fixed order. */
    static String digest(JdbcClient jdbc) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var table : ALL) {
                digest.update(table.getBytes(StandardCharsets.UTF_8));
                jdbc.sql("select t::text from school.%s t order by 1".formatted(table))
                        .query(String.class)
                        .list()
                        .forEach(row -> digest.update(row.getBytes(StandardCharsets.UTF_8)));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
