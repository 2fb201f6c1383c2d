package ru.paragraf.sferum.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;
import ru.paragraf.sferum.school.SchoolDirectory;
import ru.paragraf.sferum.school.generator.CityParameters;
import ru.paragraf.sferum.school.generator.LessonCalendar;
import ru.paragraf.sferum.school.generator.SchoolDataGenerator;

/**
 * Loads the demo city and its accounts into an empty database, once, and keeps its calendar ahead of today: at every
 * start the lessons of the timetable reach to the end of the third week after the current one, so that a lesson of
 * the coming days waits as a draft on any day the demo is tried. Safe when several nodes start together.
 */
@Component
@ConditionalOnDemoData
class DemoCity {

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

    /** Key of the PostgreSQL advisory lock that lets one node at a time check and load. */
    private static final long LOAD_LOCK = 0x5FE2_D3E0_0000_0001L;

    /** Weeks of lessons after the current one. */
    static final int WEEKS_AHEAD = 3;

    private final SchoolDataGenerator generator;
    private final LessonCalendar calendar;
    private final SchoolDirectory directory;
    private final AccountRegistration registration;
    private final DemoLogins logins;
    private final DemoTexts texts;
    private final DemoProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoCity(
            SchoolDataGenerator generator,
            LessonCalendar calendar,
            SchoolDirectory directory,
            AccountRegistration registration,
            DemoLogins logins,
            DemoTexts texts,
            DemoProperties properties,
            JdbcClient jdbc,
            Clock clock) {
        this.generator = generator;
        this.calendar = calendar;
        this.directory = directory;
        this.registration = registration;
        this.logins = logins;
        this.texts = texts;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Loads the demo city if the database has no organizations yet, then writes the lessons missing up to
     * {@link #WEEKS_AHEAD} weeks after the current one; all in one transaction under one lock.
     */
    @Transactional
    Prepared prepare() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:key)")
                .param("key", LOAD_LOCK)
                .query(Integer.class)
                .single();
        var today = LocalDate.now(clock);
        boolean empty = !directory.hasOrganizations();
        if (empty) {
            load();
        }
        var lastDay = lastDayAhead(today);
        int lessons = calendar.extendThrough(lastDay);
        if (lessons > 0) {
            log.info("Wrote the demo city's lessons up to {}: {} new lessons", lastDay, lessons);
        }
        return new Prepared(empty, lessons);
    }

    /** The Sunday that ends the {@link #WEEKS_AHEAD}th week after the current one. */
    static LocalDate lastDayAhead(LocalDate today) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .plusWeeks(WEEKS_AHEAD)
                .plusDays(6);
    }

    private void load() {
        long started = System.nanoTime();
        var city = generator.generate(CityParameters.demo());
        var plan = DemoAccounts.of(city, directory, texts);
        registration.registerAll(plan.accounts, properties.password());
        logins.saveAll(plan.logins);
        log.info(
                "Loaded the demo city: {} schools, {} rows of school data, {} accounts in {} ms",
                city.schools().size(),
                city.totalRows(),
                plan.accounts.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * What a start did.
     *
     * @param loaded whether the city was loaded now, into an empty database
     * @param lessons how many lessons were written to keep the calendar ahead
     */
    record Prepared(boolean loaded, int lessons) {}
}
