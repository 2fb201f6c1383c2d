package ru.paragraf.sferum.school.generator;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the generator at city scale; not a test, skipped unless asked for:
 * {@code ./mvnw -pl app test -Dtest=CityGenerationBenchmark -Dbenchmark=city} (or {@code =demo}).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "city|demo")
@SpringBootTest
class CityGenerationBenchmark {

    @Autowired
    SchoolDataGenerator generator;

    @Autowired
    JdbcClient jdbc;

    @Test
    void generatesTheCity() {
        var parameters = "city".equals(System.getProperty("benchmark")) ? CityParameters.city() : CityParameters.demo();
        SchoolTables.clear(jdbc);
        var memoryBefore = usedMemory();
        var city = generator.generate(parameters);
        var out = System.out;
        out.printf("%n=== generator benchmark: %s ===%n", System.getProperty("benchmark"));
        out.printf(
                "schools %d, districts %d, rows %,d in %.1f s (%,.0f rows/s), heap growth ~%d MB%n",
                city.schools().size(),
                city.districts().size(),
                city.totalRows(),
                city.elapsed().toMillis() / 1000.0,
                city.totalRows() / (city.elapsed().toMillis() / 1000.0),
                (usedMemory() - memoryBefore) >> 20);
        city.rows().forEach((table, rows) -> out.printf("  %-20s %,12d%n", table, rows));
        print("journals by kind", "select kind || ' ' || count(*) from school.journal group by kind order by kind");
        print(
                "employees by position",
                """
                select position || ' ' || count(*) from school.employee group by position order by count(*) desc""");
        print(
                "weekly lessons per teacher (min avg max)",
                """
                select min(n) || ' ' || round(avg(n), 1) || ' ' || max(n) from (
                  select jt.employee_id, count(*) n from school.lesson l
                  join school.journal_teacher jt on jt.journal_id = l.journal_id group by 1) t""");
        print(
                "curriculum lessons per class and day: lessons -> days",
                """
                select n || ' -> ' || count(*) from (
                  select c.id, l.lesson_date, count(distinct l.starts_at) n from school.lesson l
                  join school.journal j on j.id = l.journal_id
                  left join school.study_group g on g.id = j.study_group_id
                  join school.class_unit c on c.id = coalesce(j.class_unit_id, g.class_unit_id)
                  where j.kind = 'GENERAL_EDUCATION' group by 1, 2) d group by n order by n""");
        print(
                "class days with a gap between lessons",
                """
                select count(*) from (
                  select c.id, l.lesson_date, count(distinct l.starts_at) n, max(l.starts_at) last
                  from school.lesson l join school.journal j on j.id = l.journal_id
                  left join school.study_group g on g.id = j.study_group_id
                  join school.class_unit c on c.id = coalesce(j.class_unit_id, g.class_unit_id)
                  where j.kind in ('GENERAL_EDUCATION', 'EXTRACURRICULAR') group by 1, 2) d
                where last > (array['08:30','09:25','10:25','11:30','12:35','13:30','14:25','15:20'])[n]::time""");
        print(
                "examples of class days",
                """
                select c.grade || c.letter || ' ' || l.lesson_date || ' '
                       || string_agg(to_char(l.starts_at, 'HH24:MI') || substr(j.kind, 1, 2), ' ' order by l.starts_at)
                from school.lesson l join school.journal j on j.id = l.journal_id
                left join school.study_group g on g.id = j.study_group_id
                join school.class_unit c on c.id = coalesce(j.class_unit_id, g.class_unit_id)
                where j.kind in ('GENERAL_EDUCATION', 'EXTRACURRICULAR')
                  and (j.study_group_id is null or g.title like '%1')
                group by c.id, c.grade, c.letter, l.lesson_date order by random() limit 15""");
        print(
                "teachers per school (min avg max)",
                """
                select min(n) || ' ' || round(avg(n), 1) || ' ' || max(n) from (
                  select organization_id, count(*) n from school.employee e
                  where exists (select 1 from school.journal_teacher jt where jt.employee_id = e.id) group by 1) t""");
    }

    private void print(String title, String sql) {
        System.out.println(title + ":");
        jdbc.sql(sql).query(String.class).list().forEach(line -> System.out.println("  " + line));
    }

    private static long usedMemory() {
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
