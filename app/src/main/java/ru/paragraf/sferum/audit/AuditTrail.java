package ru.paragraf.sferum.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Records and reads audit entries. Recording joins the caller's transaction: the change and its entry commit together. */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        var actor = entry.actor();
        jdbc.sql(
                        """
                        insert into audit.entry (occurred_at, actor_account_id, actor_name, actor_role, organization_id,
                                                 action, subject, details)
                        values (:at, :accountId, :name, :role, :organization, :action, :subject, cast(:details as jsonb))
                        """)
                .param("at", OffsetDateTime.now(clock))
                .param("accountId", actor == null ? null : actor.accountId())
                .param("name", actor == null ? "system" : actor.displayName() + " (" + actor.username() + ")")
                .param("role", actor == null ? null : actor.role().name())
                .param("organization", entry.organization())
                .param("action", entry.action())
                .param("subject", entry.subject())
                .param("details", json.writeValueAsString(entry.details()))
                .update();
    }

    /** The newest entries of an organization; the caller checks that the organization is visible. */
    @Transactional(readOnly = true)
    public List<AuditRecord> ofOrganization(UUID organization, int limit) {
        return jdbc.sql(
                        """
                        select occurred_at, actor_name, actor_role, action, subject, details::text as details
                        from audit.entry where organization_id = :organization
                        order by occurred_at desc, id desc limit :limit
                        """)
                .param("organization", organization)
                .param("limit", limit)
                .query(AuditRecord.class)
                .list();
    }
}
