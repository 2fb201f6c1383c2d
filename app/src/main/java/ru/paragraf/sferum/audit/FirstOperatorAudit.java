package ru.paragraf.sferum.audit;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.accounts.FirstOperatorCreated;

/**
 * Records the creation of the first city operator. Synchronous, in the transaction that creates the account: the
 * account and its entry commit together. The actor is the system (a start, not a person); who started it is a detail.
 */
@Component
class FirstOperatorAudit {

    private final AuditTrail trail;

    FirstOperatorAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(FirstOperatorCreated created) {
        trail.record(new AuditEntry(
                null,
                null,
                "FIRST_OPERATOR_CREATED",
                "account:" + created.account(),
                Map.of(
                        "username", created.username(),
                        "source", "sferum.bootstrap.operator",
                        "startedBy", created.startedBy())));
    }
}
