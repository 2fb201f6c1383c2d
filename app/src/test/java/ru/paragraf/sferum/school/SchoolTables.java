package ru.paragraf.sferum.school;

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
            "lesson");

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
