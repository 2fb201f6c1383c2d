package ru.paragraf.sferum.audit;

import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.accounts.SsoLoginRefused;

/**
 * Records each person refused at single sign-on: who the identity provider said they were and why they were refused.
 * A disabled account's refusal is entered as that account's, in its school's log; an unknown person's as the
 * system's, with no organization. Never a token or a secret: only the name the provider gave.
 */
@Component
class SsoRefusals {

    private final AuditTrail trail;

    SsoRefusals(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(SsoLoginRefused refusal) {
        var account = refusal.account();
        trail.record(new AuditEntry(
                        account,
                        account == null ? null : account.organizationId(),
                        "SSO_LOGIN_REFUSED",
                        "sso:" + refusal.identifier(),
                        Map.of())
                .with("reason", refusal.reason())
                .with("claim", refusal.claim()));
    }
}
