package ru.paragraf.sferum.linkbase;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The link base's settings and its scheduled housekeeping: re-verification, stalled and expired previews. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(LinkbaseProperties.class)
class LinkbaseConfiguration implements SchedulingConfigurer {

    private final LinkbaseProperties properties;
    private final CredentialRechecks rechecks;
    private final HanddownHousekeeping housekeeping;

    LinkbaseConfiguration(
            LinkbaseProperties properties, CredentialRechecks rechecks, HanddownHousekeeping housekeeping) {
        this.properties = properties;
        this.rechecks = rechecks;
        this.housekeeping = housekeeping;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        var recheck = properties.recheck();
        if (recheck.enabled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(rechecks::runOnce, recheck.interval(), recheck.interval()));
            registrar.addFixedDelayTask(
                    new FixedDelayTask(housekeeping::runOnce, recheck.interval(), recheck.interval()));
        }
    }
}
