package ru.paragraf.sferum;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a listener could not do is tried again without waiting for a restart. A listener of the event publication
 * registry that fails (a lock timeout, a deadlock, a lost connection) leaves its publication FAILED, and Modulith
 * republishes incomplete publications only when the application starts. Every {@code sferum.events.resubmit-every}
 * (1 minute) the failed ones are resubmitted; Modulith marks each RESUBMITTED before it runs it again, so one node
 * takes it. The listeners act on the current state, not on the event's payload, so a second run of one changes
 * nothing that the first did (docs/architecture.md).
 */
@Component
class FailedEvents {

    private static final Logger log = LoggerFactory.getLogger(FailedEvents.class);

    private final FailedEventPublications publications;
    private final JdbcClient jdbc;

    FailedEvents(FailedEventPublications publications, JdbcClient jdbc) {
        this.publications = publications;
        this.jdbc = jdbc;
    }

    @Scheduled(
            fixedDelayString = "${sferum.events.resubmit-every:1m}",
            initialDelayString = "${sferum.events.resubmit-every:1m}")
    void resubmit() {
        var failed = jdbc.sql("select count(*) from event_publication where status = 'FAILED'")
                .query(Integer.class)
                .single();
        if (failed > 0) {
            log.warn("{} event publications failed in their listeners: resubmitted", failed);
            publications.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ZERO));
        }
    }
}
