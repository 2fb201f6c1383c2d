package ru.paragraf.sferum.school.generator;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Districts, the academic year and subjects: rows that other data may already hold (they are unique by name), so
 * they are inserted only when missing and looked up otherwise.
 */
final class ReferenceRows {

    private final JdbcClient jdbc;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    ReferenceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
        counts.put("district", 0L);
        counts.put("academic_year", 0L);
        counts.put("subject", 0L);
    }

    List<GeneratedDistrict> districts(List<GeneratorCatalog.District> districts, SplittableRandom random) {
        return districts.stream()
                .map(district -> {
                    int inserted = jdbc.sql(
                                    """
                                    insert into school.district (id, code, name) values (:id, :code, :name)
                                    on conflict do nothing
                                    """)
                            .param("id", Randoms.uuid(random))
                            .param("code", district.code())
                            .param("name", district.name())
                            .update();
                    counts.merge("district", (long) inserted, Long::sum);
                    var id = jdbc.sql("select id from school.district where name = :name")
                            .param("name", district.name())
                            .query(UUID.class)
                            .single();
                    return new GeneratedDistrict(id, district.code(), district.name());
                })
                .toList();
    }

    UUID academicYear(UUID id, LocalDate startsOn) {
        var title = "%d/%d".formatted(startsOn.getYear(), startsOn.getYear() + 1);
        int inserted = jdbc.sql(
                        """
                        insert into school.academic_year (id, title, starts_on, ends_on)
                        values (:id, :title, :startsOn, :endsOn)
                        on conflict do nothing
                        """)
                .param("id", id)
                .param("title", title)
                .param("startsOn", startsOn)
                .param("endsOn", startsOn.plusYears(1).minusDays(1))
                .update();
        counts.put("academic_year", (long) inserted);
        return jdbc.sql("select id from school.academic_year where title = :title")
                .param("title", title)
                .query(UUID.class)
                .single();
    }

    Map<String, UUID> subjects(List<String> names, SplittableRandom random) {
        var ids = new LinkedHashMap<String, UUID>();
        for (var name : names) {
            int inserted = jdbc.sql("insert into school.subject (id, name) values (:id, :name) on conflict do nothing")
                    .param("id", Randoms.uuid(random))
                    .param("name", name)
                    .update();
            counts.merge("subject", (long) inserted, Long::sum);
            ids.put(
                    name,
                    jdbc.sql("select id from school.subject where name = :name")
                            .param("name", name)
                            .query(UUID.class)
                            .single());
        }
        return ids;
    }

    Map<String, Long> counts() {
        return counts;
    }
}
