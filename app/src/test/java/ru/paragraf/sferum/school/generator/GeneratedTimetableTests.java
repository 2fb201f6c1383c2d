package ru.paragraf.sferum.school.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.school.generator.SchoolTables.count;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.TestClock;

/** The timetable holds for any seed, not only the demo's: no clashes, and every journal gets its lessons. */
@SpringBootTest
@Import(TestClock.class)
class GeneratedTimetableTests {

    @Autowired
    SchoolDataGenerator generator;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 1703})
    void placesEveryLessonWithoutClashes(long seed) {
        SchoolTables.clear(jdbc);
        var parameters = CityParameters.city().withSeed(seed).withSchools(2, 4);

        generator.generate(parameters);

        assertThat(count(jdbc, SchoolTables.JOURNALS_WITHOUT_TEACHER_OR_LESSONS))
                .isZero();
        assertThat(count(jdbc, SchoolTables.TEACHER_CLASHES)).isZero();
        assertThat(count(jdbc, SchoolTables.CLASS_CLASHES)).isZero();
        assertThat(count(jdbc, SchoolTables.PUPIL_CLASHES)).isZero();
    }
}
