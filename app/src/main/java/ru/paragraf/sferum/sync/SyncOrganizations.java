package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per organization: its community (or MAX bot) and messenger, whether the engine may act for it, and whether it is paused. */
@Repository
class SyncOrganizations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PausedOrganizations paused;

    SyncOrganizations(JdbcClient jdbc, Clock clock, PausedOrganizations paused) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.paused = paused;
    }

    /**
     * The state of an organization as other modules report it: its messenger and its account there (the VK
     * community, or the MAX bot's user id). A pause is not lifted here: see {@link #resume}. */
    void update(UUID organization, @Nullable Long community, Messenger messenger, boolean ready) {
        jdbc.sql(
                        """
                        insert into sync.organization (organization_id, community_id, messenger, ready, updated_at)
                        values (:organization, :community, :messenger, :ready, :now)
                        on conflict (organization_id) do update
                            set community_id = excluded.community_id, messenger = excluded.messenger,
                                ready = excluded.ready, updated_at = excluded.updated_at
                        """)
                .param("organization", organization)
                .param("community", community)
                .param("messenger", messenger.name())
                .param("ready", ready)
                .param("now", OffsetDateTime.now(clock))
                .update();
        if (community != null) {
            // the school registered another community: its waiting operations go there (they are carried out with
            // the organization's current credentials in any case), and communities are leased by organization
            jdbc.sql(
                            sql(
                                    """
                            update sync.operation set community_id = :community
                            where organization_id = :organization and status = {OperationStatus.PENDING}
                              and community_id <> :community
                            """))
                    .param("organization", organization)
                    .param("community", community)
                    .update();
        }
    }

    /** As {@link #update(UUID, Long, Messenger, boolean)}, for a VK community. */
    void update(UUID organization, @Nullable Long community, boolean ready) {
        update(organization, community, Messenger.VK, ready);
    }

    /** Lifts a pause: the credentials were verified anew. True if the organization was paused. */
    boolean resume(UUID organization) {
        return jdbc.sql(
                                """
                                update sync.organization set paused_reason = null, paused_at = null, updated_at = :now
                                where organization_id = :organization and paused_reason is not null
                                """)
                        .param("organization", organization)
                        .param("now", OffsetDateTime.now(clock))
                        .update()
                > 0;
    }

    /** Pauses the organization; true only for the call that paused it, so the admin is told once. */
    boolean pause(UUID organization, String reason) {
        paused.paused(organization);
        return jdbc.sql(
                                """
                                update sync.organization set paused_reason = :reason, paused_at = :now, updated_at = :now
                                where organization_id = :organization and paused_reason is null
                                """)
                        .param("organization", organization)
                        .param("reason", reason)
                        .param("now", OffsetDateTime.now(clock))
                        .update()
                > 0;
    }

    Optional<State> find(UUID organization) {
        return jdbc.sql(
                        """
                        select community_id, ready, paused_reason from sync.organization
                        where organization_id = :organization
                        """)
                .param("organization", organization)
                .query((rs, row) -> new State(
                        (Long) rs.getObject("community_id"), rs.getBoolean("ready"), rs.getString("paused_reason")))
                .optional();
    }

    /** What the engine knows of an organization. */
    record State(@Nullable Long communityId, boolean ready, @Nullable String pausedReason) {}
}
