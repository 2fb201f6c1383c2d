package ru.paragraf.sferum.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;
import ru.paragraf.sferum.school.CityParameters;
import ru.paragraf.sferum.school.SchoolDataGenerator;
import ru.paragraf.sferum.school.SchoolDirectory;

/** Loads the demo city and its accounts into an empty database, once, even when several nodes start together. */
@Component
@ConditionalOnDemoData
class DemoCity {

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

    /** Key of the PostgreSQL advisory lock that lets one node at a time check and load. */
    private static final long LOAD_LOCK = 0x5FE2_D3E0_0000_0001L;

    private final SchoolDataGenerator generator;
    private final SchoolDirectory directory;
    private final AccountRegistration registration;
    private final DemoLogins logins;
    private final DemoTexts texts;
    private final DemoProperties properties;
    private final JdbcClient jdbc;

    DemoCity(
            SchoolDataGenerator generator,
            SchoolDirectory directory,
            AccountRegistration registration,
            DemoLogins logins,
            DemoTexts texts,
            DemoProperties properties,
            JdbcClient jdbc) {
        this.generator = generator;
        this.directory = directory;
        this.registration = registration;
        this.logins = logins;
        this.texts = texts;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** Loads the demo city if the database has no organizations yet; tells whether it did. */
    @Transactional
    boolean loadIfEmpty() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:key)")
                .param("key", LOAD_LOCK)
                .query(Integer.class)
                .single();
        if (directory.hasOrganizations()) {
            return false;
        }
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
        return true;
    }
}
