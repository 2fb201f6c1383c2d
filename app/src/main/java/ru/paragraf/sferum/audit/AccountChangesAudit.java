package ru.paragraf.sferum.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.accounts.AccountChanged;

/**
 * Records every change of account administration ({@code ACCOUNT_CREATED}, {@code ACCOUNT_DISABLED},
 * {@code ACCOUNT_ENABLED}, {@code ACCOUNT_PASSWORD_RESET}). Synchronous, in the transaction of the change: the change
 * and its entry commit together. A school's account is entered in that school's log; never a password.
 */
@Component
class AccountChangesAudit {

    private final AuditTrail trail;

    AccountChangesAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AccountChanged changed) {
        var entry = AuditEntry.by(
                        changed.actor(),
                        changed.organization(),
                        "ACCOUNT_" + changed.change().name(),
                        "account:" + changed.account())
                .with("username", changed.username())
                .with("role", changed.role().name());
        if (changed.district() != null) {
            entry = entry.with("district", changed.district());
        }
        if (changed.change() == AccountChanged.Change.CREATED) {
            entry = entry.with("localPassword", !changed.passwordless());
        }
        trail.record(entry);
    }
}
