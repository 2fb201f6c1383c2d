package ru.paragraf.sferum.school.generator;

import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates realistic St Petersburg school data, from three demo schools to the whole city, always the same for
 * the same seed. Rows go in with PostgreSQL COPY in one transaction, so a city takes minutes rather than hours.
 */
@Service
public class SchoolDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(SchoolDataGenerator.class);
    private static final int SCHOOL_NUMBERS = 700;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final GeneratorCatalog catalog = GeneratorCatalog.load();

    SchoolDataGenerator(DataSource dataSource, JdbcClient jdbc, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final String ANALYZE =
            """
            analyze school.organization, school.employee, school.class_unit, school.pupil, school.parent,
                    school.pupil_parent, school.study_group, school.study_group_member, school.journal,
                    school.journal_teacher, school.lesson, school.timetable_slot, school.timetable""";

    /**
     * Writes districts, schools with staff, classes, pupils, parents, journals, their weekly timetable and the
     * lessons of one week. Lessons before today (by the clock) are published, today's and later ones are drafts.
     * {@link LessonCalendar} writes the timetable's later weeks. The database must not hold schools with the same
     * codes yet.
     */
    @Transactional
    public GeneratedCity generate(CityParameters parameters) {
        long started = System.nanoTime();
        var today = LocalDate.now(clock);
        var weekStart = Objects.requireNonNullElse(parameters.weekStart(), today)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var yearStart = academicYearStart(weekStart);
        var city = new SplittableRandom(parameters.seed());
        var reference = new ReferenceRows(jdbc);
        var chosen = chooseDistricts(parameters.districts(), city);
        var districts = reference.districts(chosen, city);
        var academicYear = reference.academicYear(Randoms.uuid(city), yearStart);
        var subjects = reference.subjects(catalog.subjects(), city);
        var numbers = schoolNumbers(parameters.schools(), city);
        var planner = new SchoolPlanner(catalog, parameters, yearStart);
        var schools = new ArrayList<GeneratedSchool>(parameters.schools());
        var connection = DataSourceUtils.getConnection(dataSource);
        SchoolRows rows;
        try {
            rows = new SchoolRows(CopyTable.copyManager(connection), catalog, academicYear, subjects, weekStart, today);
            for (int i = 0; i < parameters.schools(); i++) {
                var random = Randoms.forSchool(parameters.seed(), i);
                var district = chosen.get(i % chosen.size());
                var school = planner.plan(
                        random,
                        districts.get(i % chosen.size()).id(),
                        district,
                        numbers.get(i),
                        catalog.schoolType(city));
                rows.write(school, random);
                rows.flushIfLarge();
                schools.add(school.summary());
            }
            rows.flush();
            // PostgreSQL's statistics would otherwise describe the tables before the load until autovacuum comes
            // round, and plans chosen for empty tables would read the whole city (docs/benchmarks.md)
            try (var statement = connection.createStatement()) {
                statement.execute(ANALYZE);
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("Bulk load of generated school data", null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        var counts = new LinkedHashMap<>(reference.counts());
        counts.putAll(rows.counts());
        var result = new GeneratedCity(
                parameters.seed(),
                academicYear,
                weekStart,
                districts,
                List.copyOf(schools),
                counts,
                Duration.ofNanos(System.nanoTime() - started));
        var copyMillis = rows.copyMillis();
        log.info(
                "Generated {} schools in {} districts: {} rows in {} ms, of which {} ms in COPY; rows {}",
                schools.size(),
                districts.size(),
                result.totalRows(),
                result.elapsed().toMillis(),
                copyMillis.values().stream().mapToLong(Long::longValue).sum(),
                counts);
        log.debug("COPY milliseconds per table: {}", copyMillis);
        return result;
    }

    /** 1 September of the academic year that contains the day. */
    static LocalDate academicYearStart(LocalDate day) {
        int year = day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
        return LocalDate.of(year, Month.SEPTEMBER, 1);
    }

    private List<GeneratorCatalog.District> chooseDistricts(int count, SplittableRandom random) {
        var districts = new ArrayList<>(catalog.districts);
        Randoms.shuffle(districts, random);
        var chosen = new ArrayList<>(districts.subList(0, count));
        chosen.sort(Comparator.comparingInt(catalog.districts::indexOf));
        return chosen;
    }

    /** Distinct school numbers across the city, as in St Petersburg where numbers run to about 700. */
    private static List<Integer> schoolNumbers(int count, SplittableRandom random) {
        var numbers = new ArrayList<>(IntStream.rangeClosed(1, Math.max(SCHOOL_NUMBERS, count + count / 5))
                .boxed()
                .toList());
        Randoms.shuffle(numbers, random);
        return numbers.subList(0, count);
    }
}
