package ru.paragraf.sferum.audit;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * One change to record.
 *
 * @param actor who did it; {@code null} for the system itself (a scheduled run)
 * @param organization the school concerned, if any
 * @param action what happened, a stable code such as {@code CREDENTIALS_SAVED}; shown via message {@code audit.action.<code>}
 * @param subject what was changed, e.g. {@code "journal:<id>"}
 * @param details further facts, never secrets
 */
public record AuditEntry(
        @Nullable CurrentUser actor,
        @Nullable UUID organization,
        String action,
        String subject,
        Map<String, String> details) {

    public static AuditEntry by(CurrentUser actor, @Nullable UUID organization, String action, String subject) {
        return new AuditEntry(actor, organization, action, subject, Map.of());
    }

    public AuditEntry with(String key, @Nullable Object value) {
        var more = new java.util.LinkedHashMap<>(details);
        more.put(key, value == null ? "" : value.toString());
        return new AuditEntry(actor, organization, action, subject, Map.copyOf(more));
    }
}
