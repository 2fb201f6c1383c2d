package ru.paragraf.sferum.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;

/** At every start in demo mode, after the schema is migrated: load the demo city if needed, then print the logins. */
@Component
@ConditionalOnDemoData
class DemoStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoCity city;
    private final DemoLoginsLog logins;

    DemoStartup(DemoCity city, DemoLoginsLog logins) {
        this.city = city;
        this.logins = logins;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        city.loadIfEmpty();
        log.info("\n\n{}\n", logins.render());
    }
}
