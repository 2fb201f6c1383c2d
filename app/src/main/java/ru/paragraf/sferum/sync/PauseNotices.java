package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;

/**
 * Tells people once that an organization's synchronization stopped because its community credentials failed:
 * an audit entry the school admin sees, a warning in the log, {@link SynchronizationPaused} for the notices; the journal and readiness pages show the pause.
 */
@Component
class PauseNotices {

    private static final Logger log = LoggerFactory.getLogger(PauseNotices.class);

    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    PauseNotices(AuditTrail audit, ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
    }

    void paused(UUID organization, String reason) {
        log.warn(
                "Synchronization of organization {} paused: its community credentials failed ({})",
                organization,
                reason);
        audit.record(new AuditEntry(
                null, organization, "SYNC_PAUSED", "organization:" + organization, java.util.Map.of("reason", reason)));
        events.publishEvent(new SynchronizationPaused(organization));
    }
}
