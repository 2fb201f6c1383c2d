package ru.paragraf.sferum;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A fixed "now" for tests: Wednesday 25 November 2026, 10:00 in St Petersburg. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    public static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant(), ZONE);
    }
}
