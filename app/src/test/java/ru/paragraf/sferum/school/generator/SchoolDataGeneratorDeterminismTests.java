package ru.paragraf.sferum.school.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.TestClock;

/** The same seed gives the same rows, ids included, down to the last byte; another seed gives other data. */
@SpringBootTest
@Import(TestClock.class)
class SchoolDataGeneratorDeterminismTests {

    @Autowired
    SchoolDataGenerator generator;

    @Autowired
    JdbcClient jdbc;

    @Test
    void writesIdenticalRowsForTheSameSeed() {
        var first = generateAndDigest(CityParameters.demo());
        var second = generateAndDigest(CityParameters.demo());

        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(second.city().schools()).isEqualTo(first.city().schools());
        assertThat(second.city().rows()).isEqualTo(first.city().rows());
    }

    @Test
    void writesOtherRowsForAnotherSeed() {
        var first = generateAndDigest(CityParameters.demo());
        var other = generateAndDigest(CityParameters.demo().withSeed(42));

        assertThat(other.digest()).isNotEqualTo(first.digest());
        assertThat(other.city().schools().get(0).organizationId())
                .isNotEqualTo(first.city().schools().get(0).organizationId());
    }

    private Generated generateAndDigest(CityParameters parameters) {
        SchoolTables.clear(jdbc);
        var city = generator.generate(parameters);
        return new Generated(city, SchoolTables.digest(jdbc));
    }

    private record Generated(GeneratedCity city, String digest) {}
}
