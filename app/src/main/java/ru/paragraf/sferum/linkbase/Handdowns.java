package ru.paragraf.sferum.linkbase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Hand-down previews and their rows. */
@Repository
class Handdowns {

    private static final String HANDDOWN_COLUMNS =
            "id, account_id, file_name, created_at, expires_at, status, heartbeat_at, applied_at";
    private static final String ROW_COLUMNS =
            """
            handdown_id, line, organization_code, organization_id, organization_name, community_id_text,
            community_id, token, token_masked, outcome, message, community_name, verified_at, messenger, bot_user_id,
            bot_name, bot_username""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Handdowns(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Transactional
    void insert(Handdown handdown, List<HanddownRow> rows) {
        jdbc.sql("insert into linkbase.handdown (" + HANDDOWN_COLUMNS
                        + ") values (:id, :account, :file, :created, :expires, :status, :heartbeat, null)")
                .param("id", handdown.id())
                .param("account", handdown.accountId())
                .param("file", handdown.fileName())
                .param("created", handdown.createdAt())
                .param("expires", handdown.expiresAt())
                .param("status", handdown.status().name())
                .param("heartbeat", handdown.heartbeatAt())
                .update();
        batch.batchUpdate(
                "insert into linkbase.handdown_row (" + ROW_COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
                500,
                (statement, row) -> {
                    statement.setObject(1, row.handdownId());
                    statement.setInt(2, row.line());
                    statement.setString(3, row.organizationCode());
                    statement.setObject(4, row.organizationId());
                    statement.setString(5, row.organizationName());
                    statement.setString(6, row.communityIdText());
                    statement.setObject(7, row.communityId());
                    statement.setString(8, row.token());
                    statement.setString(9, row.tokenMasked());
                    statement.setString(10, row.outcome().name());
                    statement.setString(11, row.message());
                    statement.setString(12, row.communityName());
                    statement.setObject(13, row.verifiedAt());
                    statement.setString(14, row.messenger());
                    statement.setObject(15, row.botUserId());
                    statement.setString(16, row.botName());
                    statement.setString(17, row.botUsername());
                });
    }

    /** The preview if {@code account} uploaded it: nobody else's previews exist for anyone. */
    Optional<Handdown> find(UUID id, UUID account) {
        return jdbc.sql("select " + HANDDOWN_COLUMNS
                        + " from linkbase.handdown where id = :id and account_id = :account")
                .param("id", id)
                .param("account", account)
                .query(Handdown.class)
                .optional();
    }

    /** Like {@link #find}, holding the preview's row lock until the transaction ends: one «Применить» at a time. */
    Optional<Handdown> lock(UUID id, UUID account) {
        return jdbc.sql("select " + HANDDOWN_COLUMNS
                        + " from linkbase.handdown where id = :id and account_id = :account for update")
                .param("id", id)
                .param("account", account)
                .query(Handdown.class)
                .optional();
    }

    List<HanddownRow> rows(UUID handdown) {
        return jdbc.sql("select " + ROW_COLUMNS + " from linkbase.handdown_row where handdown_id = :id order by line")
                .param("id", handdown)
                .query(HanddownRow.class)
                .list();
    }

    List<HanddownRow> pendingRows(UUID handdown) {
        return jdbc.sql("select " + ROW_COLUMNS
                        + " from linkbase.handdown_row where handdown_id = :id and outcome = 'PENDING' order by line")
                .param("id", handdown)
                .query(HanddownRow.class)
                .list();
    }

    /** Records a row's verdict unless another node recorded one first. */
    void recordRow(
            HanddownRow row,
            RowOutcome outcome,
            @Nullable String message,
            @Nullable String communityName,
            OffsetDateTime now) {
        recordRow(row, outcome, message, communityName, null, now);
    }

    /** Records a row's verdict, with the bot MAX named for a MAX row's token, unless another node recorded one first. */
    void recordRow(
            HanddownRow row,
            RowOutcome outcome,
            @Nullable String message,
            @Nullable String communityName,
            BotVerdict.@Nullable Verified bot,
            OffsetDateTime now) {
        jdbc.sql(
                        """
                        update linkbase.handdown_row
                        set outcome = :outcome, message = :message, community_name = :name,
                            bot_user_id = :botUserId, bot_name = :botName, bot_username = :botUsername,
                            verified_at = :now, token = case when :outcome = 'ERROR' then null else token end
                        where handdown_id = :id and line = :line and outcome = 'PENDING'
                        """)
                .param("outcome", outcome.name())
                .param("message", message)
                .param("name", communityName)
                .param("botUserId", bot == null ? null : bot.userId())
                .param("botName", bot == null ? null : bot.name())
                .param("botUsername", bot == null ? null : bot.username())
                .param("now", now)
                .param("id", row.handdownId())
                .param("line", row.line())
                .update();
        finishIfDone(row.handdownId(), now);
    }

    /** Notes progress, and marks the preview ready once no row is pending. */
    void finishIfDone(UUID handdown, OffsetDateTime now) {
        jdbc.sql(
                        """
                        update linkbase.handdown set heartbeat_at = :now,
                            status = case when exists (select 1 from linkbase.handdown_row r
                                                       where r.handdown_id = :id and r.outcome = 'PENDING')
                                          then status else 'READY' end
                        where id = :id and status = 'VERIFYING'
                        """)
                .param("now", now)
                .param("id", handdown)
                .update();
    }

    /** Takes over verifications whose node stopped making progress; returns their ids. */
    List<UUID> claimStalled(OffsetDateTime now, OffsetDateTime stalledBefore) {
        return jdbc.sql(
                        """
                        update linkbase.handdown set heartbeat_at = :now
                        where status = 'VERIFYING' and heartbeat_at < :stalledBefore and expires_at > :now
                        returning id
                        """)
                .param("now", now)
                .param("stalledBefore", stalledBefore)
                .query(UUID.class)
                .list();
    }

    /** Marks the preview applied, erases its sealed tokens and keeps its report until {@code keepUntil}. */
    void markApplied(UUID id, OffsetDateTime now, OffsetDateTime keepUntil) {
        jdbc.sql(
                        "update linkbase.handdown set status = 'APPLIED', applied_at = :now, expires_at = :keep where id = :id")
                .param("now", now)
                .param("keep", keepUntil)
                .param("id", id)
                .update();
        jdbc.sql("update linkbase.handdown_row set token = null where handdown_id = :id")
                .param("id", id)
                .update();
    }

    int deleteExpired(OffsetDateTime now) {
        return jdbc.sql("delete from linkbase.handdown where expires_at <= :now")
                .param("now", now)
                .update();
    }
}
