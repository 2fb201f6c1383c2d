package ru.paragraf.sferum.audit;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.accounts.LoginLockLifted;

/**
 * Records each login lock an administrator lifted, in the transaction that lifts it, in the account's school's log
 * (an operator's account: with no organization).
 */
@Component
class LoginLockAudit {

    private final AuditTrail trail;

    LoginLockAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(LoginLockLifted lifted) {
        trail.record(new AuditEntry(
                        lifted.by(),
                        lifted.organization(),
                        "LOGIN_LOCK_LIFTED",
                        "account:" + lifted.account(),
                        Map.of())
                .with("username", lifted.username())
                .with("hadFailures", lifted.hadFailures()));
    }
}
