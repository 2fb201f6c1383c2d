package ru.paragraf.sferum.linkbase;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.secrets.OpenedSecrets;
import ru.paragraf.sferum.secrets.SecretBox;

/**
 * The organizations' Sferum communities. Other modules look credentials up with {@link #of}; everything else here is
 * the link base's own storage.
 */
@Repository
public class SferumCommunities {

    private static final String COLUMNS =
            """
            organization_id, community_id, community_name, token, token_masked, state, failure, verdict_at,
            attempted_at, failed_attempts, next_check_at, saved_at, saved_by, version""";

    /**
     * How long an opened community is kept for {@link #remembered}: another node's change of the credentials is seen
     * after this at the latest (this node's at once).
     */
    static final Duration REMEMBERED_FOR = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final OpenedSecrets<UUID, SferumCommunity> remembered = new OpenedSecrets<>(REMEMBERED_FOR, 100_000);
    private final OpenedSecrets<UUID, MessengerAccount> accounts = new OpenedSecrets<>(REMEMBERED_FOR, 100_000);

    SferumCommunities(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** The organization's community with its token opened; for use inside the server only (the sync engine). */
    @Transactional(readOnly = true)
    public Optional<SferumCommunity> of(UUID organization) {
        return find(organization).map(this::opened);
    }

    /**
     * Like {@link #of}, kept in memory for the sync engine's operations: this node's changes are seen at once,
     * another node's within {@link #REMEMBERED_FOR}. An organization without credentials is not kept.
     */
    public Optional<SferumCommunity> remembered(UUID organization) {
        return remembered.get(organization, key -> find(key).map(this::opened));
    }

    /**
     * The organization's account in its messenger, VK or MAX, token opened; for the sync engine, which routes the
     * organization's work to that messenger.
     */
    @Transactional(readOnly = true)
    public Optional<MessengerAccount> accountOf(UUID organization) {
        return findAccount(organization);
    }

    /** Like {@link #accountOf}, kept in memory as {@link #remembered} keeps a community. */
    public Optional<MessengerAccount> rememberedAccount(UUID organization) {
        return accounts.get(organization, this::findAccount);
    }

    private Optional<MessengerAccount> findAccount(UUID organization) {
        return jdbc.sql(
                        """
                        select messenger, community_id, bot_user_id, token, state from linkbase.sferum_community
                        where organization_id = :organization
                        """)
                .param("organization", organization)
                .query((rs, row) -> {
                    var messenger = rs.getString("messenger");
                    var id = (Long)
                            rs.getObject(MessengerAccount.MAX.equals(messenger) ? "bot_user_id" : "community_id");
                    var token = box.open(rs.getString("token"), StoredCommunity.tokenContext(organization));
                    return new MessengerAccount(
                            organization, messenger, id, token, VerificationState.valueOf(rs.getString("state")));
                })
                .optional();
    }

    /** The organization's credentials changed, or may have: {@link #remembered} reads them anew. */
    void forget(UUID organization) {
        remembered.forget(organization);
        accounts.forget(organization);
    }

    /** All credentials were re-sealed. */
    void forgetAll() {
        remembered.forgetAll();
        accounts.forgetAll();
    }

    SferumCommunity opened(StoredCommunity stored) {
        var token = box.open(stored.token(), StoredCommunity.tokenContext(stored.organizationId()));
        return new SferumCommunity(
                stored.organizationId(),
                stored.communityId(),
                new SferumToken(token),
                stored.state(),
                stored.verdictAt());
    }

    Optional<StoredCommunity> find(UUID organization) {
        return jdbc.sql("select " + COLUMNS + " from linkbase.sferum_community where organization_id = :organization"
                        + " and messenger = 'VK'")
                .param("organization", organization)
                .query(StoredCommunity.class)
                .optional();
    }

    Optional<StoredCommunity> findForUpdate(UUID organization) {
        return jdbc.sql("select " + COLUMNS
                        + " from linkbase.sferum_community where organization_id = :organization and messenger = 'VK'"
                        + " for update")
                .param("organization", organization)
                .query(StoredCommunity.class)
                .optional();
    }

    List<StoredCommunity> findAll(Collection<UUID> organizations) {
        if (organizations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from linkbase.sferum_community where organization_id in (:ids)"
                        + " and messenger = 'VK'")
                .param("ids", List.copyOf(organizations))
                .query(StoredCommunity.class)
                .list();
    }

    /** The organization that holds this community, if any. */
    Optional<UUID> holderOf(long communityId) {
        return jdbc.sql("select organization_id from linkbase.sferum_community where community_id = :community")
                .param("community", communityId)
                .query(UUID.class)
                .optional();
    }

    /** The organizations that hold these communities, by community id. */
    java.util.Map<Long, UUID> holdersOf(Collection<Long> communityIds) {
        if (communityIds.isEmpty()) {
            return java.util.Map.of();
        }
        var holders = new java.util.HashMap<Long, UUID>();
        jdbc.sql("select community_id, organization_id from linkbase.sferum_community where community_id in (:ids)")
                .param("ids", List.copyOf(communityIds))
                .query(rs -> {
                    holders.put(rs.getLong("community_id"), rs.getObject("organization_id", UUID.class));
                });
        return holders;
    }

    /** Inserts or replaces; a community held by another organization fails on the unique index. */
    void save(StoredCommunity community) {
        forget(community.organizationId());
        jdbc.sql(
                        """
                        insert into linkbase.sferum_community (%s)
                        values (:organization, :community, :name, :token, :masked, :state, :failure, :verdictAt,
                                :attemptedAt, :failedAttempts, :nextCheckAt, :savedAt, :savedBy, 0)
                        on conflict (organization_id) do update set
                            community_id = excluded.community_id, community_name = excluded.community_name,
                            token = excluded.token, token_masked = excluded.token_masked, state = excluded.state,
                            failure = excluded.failure, verdict_at = excluded.verdict_at,
                            attempted_at = excluded.attempted_at, failed_attempts = excluded.failed_attempts,
                            next_check_at = excluded.next_check_at, saved_at = excluded.saved_at,
                            saved_by = excluded.saved_by, version = sferum_community.version + 1,
                            messenger = 'VK', bot_user_id = null, bot_name = null, bot_username = null
                        """
                                .formatted(COLUMNS))
                .param("organization", community.organizationId())
                .param("community", community.communityId())
                .param("name", community.communityName())
                .param("token", community.token())
                .param("masked", community.tokenMasked())
                .param("state", community.state().name())
                .param(
                        "failure",
                        community.failure() == null ? null : community.failure().name())
                .param("verdictAt", community.verdictAt())
                .param("attemptedAt", community.attemptedAt())
                .param("failedAttempts", community.failedAttempts())
                .param("nextCheckAt", community.nextCheckAt())
                .param("savedAt", community.savedAt())
                .param("savedBy", community.savedBy())
                .update();
    }

    /** Writes a verdict unless the credentials changed since {@code version}; tells whether it was written. */
    boolean recordVerdict(StoredCommunity updated) {
        forget(updated.organizationId());
        return jdbc.sql(
                                """
                        update linkbase.sferum_community
                        set community_name = :name, state = :state, failure = :failure, verdict_at = :verdictAt,
                            attempted_at = :attemptedAt, failed_attempts = :failedAttempts,
                            next_check_at = :nextCheckAt, version = version + 1
                        where organization_id = :organization and version = :version and messenger = 'VK'
                        """)
                        .param("name", updated.communityName())
                        .param("state", updated.state().name())
                        .param(
                                "failure",
                                updated.failure() == null
                                        ? null
                                        : updated.failure().name())
                        .param("verdictAt", updated.verdictAt())
                        .param("attemptedAt", updated.attemptedAt())
                        .param("failedAttempts", updated.failedAttempts())
                        .param("nextCheckAt", updated.nextCheckAt())
                        .param("organization", updated.organizationId())
                        .param("version", updated.version())
                        .update()
                == 1;
    }

    Optional<StoredCommunity> delete(UUID organization) {
        forget(organization);
        return jdbc.sql("delete from linkbase.sferum_community where organization_id = :organization"
                        + " and messenger = 'VK' returning "
                        + COLUMNS)
                .param("organization", organization)
                .query(StoredCommunity.class)
                .optional();
    }

    /**
     * Takes up to {@code limit} «не проверены» credentials that are due, skipping those another node holds, and
     * holds them for {@code lease} by moving their next check; the version stays, so a verdict still lands.
     */
    @Transactional
    List<StoredCommunity> claimDue(OffsetDateTime now, Duration lease, int limit) {
        return DueChecks.claim(jdbc, "VK", COLUMNS, StoredCommunity.class, now, lease, limit);
    }
}
