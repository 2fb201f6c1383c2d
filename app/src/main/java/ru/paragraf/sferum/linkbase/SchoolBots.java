package ru.paragraf.sferum.linkbase;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.secrets.SecretBox;

/**
 * The organizations' MAX bots: the {@code MAX} rows of {@code linkbase.sferum_community} (one row per organization,
 * VK or MAX). The token is sealed with the same context as a VK token, so a key rotation re-seals both alike.
 */
@Repository
class SchoolBots {

    private static final String COLUMNS =
            """
            organization_id, bot_user_id, bot_name, bot_username, token, token_masked, state, failure, verdict_at,
            attempted_at, failed_attempts, next_check_at, saved_at, saved_by, version""";

    private final JdbcClient jdbc;
    private final SecretBox box;

    SchoolBots(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    Optional<StoredBot> find(UUID organization) {
        return jdbc.sql("select " + COLUMNS + " from linkbase.sferum_community"
                        + " where organization_id = :organization and messenger = 'MAX'")
                .param("organization", organization)
                .query(StoredBot.class)
                .optional();
    }

    /** The organization's messenger ({@code VK} or {@code MAX}) and its row locked, if it has credentials. */
    Optional<String> lockMessenger(UUID organization) {
        return jdbc.sql("select messenger from linkbase.sferum_community where organization_id = :organization"
                        + " for update")
                .param("organization", organization)
                .query(String.class)
                .optional();
    }

    BotToken opened(StoredBot stored) {
        return new BotToken(box.open(stored.token(), StoredCommunity.tokenContext(stored.organizationId())));
    }

    String seal(UUID organization, BotToken token) {
        return box.seal(token.value(), StoredCommunity.tokenContext(organization));
    }

    /** Inserts or replaces the organization's credentials, VK ones included, with this bot. */
    void save(StoredBot bot) {
        jdbc.sql(
                        """
                        insert into linkbase.sferum_community (messenger, community_id, %s)
                        values ('MAX', null, :organization, :botUserId, :botName, :botUsername, :token, :masked,
                                :state, :failure, :verdictAt, :attemptedAt, :failedAttempts, :nextCheckAt, :savedAt,
                                :savedBy, 0)
                        on conflict (organization_id) do update set
                            messenger = 'MAX', community_id = null, community_name = null,
                            bot_user_id = excluded.bot_user_id, bot_name = excluded.bot_name,
                            bot_username = excluded.bot_username, token = excluded.token,
                            token_masked = excluded.token_masked, state = excluded.state, failure = excluded.failure,
                            verdict_at = excluded.verdict_at, attempted_at = excluded.attempted_at,
                            failed_attempts = excluded.failed_attempts, next_check_at = excluded.next_check_at,
                            saved_at = excluded.saved_at, saved_by = excluded.saved_by,
                            version = sferum_community.version + 1
                        """
                                .formatted(COLUMNS))
                .param("organization", bot.organizationId())
                .param("botUserId", bot.botUserId())
                .param("botName", bot.botName())
                .param("botUsername", bot.botUsername())
                .param("token", bot.token())
                .param("masked", bot.tokenMasked())
                .param("state", bot.state().name())
                .param("failure", bot.failure() == null ? null : bot.failure().name())
                .param("verdictAt", bot.verdictAt())
                .param("attemptedAt", bot.attemptedAt())
                .param("failedAttempts", bot.failedAttempts())
                .param("nextCheckAt", bot.nextCheckAt())
                .param("savedAt", bot.savedAt())
                .param("savedBy", bot.savedBy())
                .update();
    }

    /** The organization other than {@code organization} that holds the bot, if any. */
    Optional<UUID> otherHolderOf(long botUserId, UUID organization) {
        return jdbc.sql("select organization_id from linkbase.sferum_community"
                        + " where bot_user_id = :bot and organization_id <> :organization")
                .param("bot", botUserId)
                .param("organization", organization)
                .query(UUID.class)
                .optional();
    }

    /** Writes a verdict unless the token changed since {@code version}; tells whether it was written. */
    boolean recordVerdict(StoredBot updated) {
        return jdbc.sql(
                                """
                        update linkbase.sferum_community
                        set bot_user_id = :botUserId, bot_name = :botName, bot_username = :botUsername,
                            state = :state, failure = :failure, verdict_at = :verdictAt,
                            attempted_at = :attemptedAt, failed_attempts = :failedAttempts,
                            next_check_at = :nextCheckAt, version = version + 1
                        where organization_id = :organization and version = :version and messenger = 'MAX'
                        """)
                        .param("botUserId", updated.botUserId())
                        .param("botName", updated.botName())
                        .param("botUsername", updated.botUsername())
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

    Optional<StoredBot> delete(UUID organization) {
        return jdbc.sql("delete from linkbase.sferum_community where organization_id = :organization"
                        + " and messenger = 'MAX' returning " + COLUMNS)
                .param("organization", organization)
                .query(StoredBot.class)
                .optional();
    }

    /** Like {@link SferumCommunities#claimDue}, for MAX bots left «не проверены». */
    @Transactional
    List<StoredBot> claimDue(OffsetDateTime now, Duration lease, int limit) {
        return DueChecks.claim(jdbc, "MAX", COLUMNS, StoredBot.class, now, lease, limit);
    }
}
