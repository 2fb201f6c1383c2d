package ru.paragraf.sferum;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's clock: St Petersburg time, replaceable in tests. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId SAINT_PETERSBURG = ZoneId.of("Europe/Moscow");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(SAINT_PETERSBURG);
    }
}
