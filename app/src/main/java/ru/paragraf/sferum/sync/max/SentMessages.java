package ru.paragraf.sferum.sync.max;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The messages the engine asked MAX to post ({@code sync.sent_message}), for a post that MAX cannot deduplicate: the
 * attempt is written, and committed, before the message is sent, and its {@code mid} once MAX answered. An attempt
 * without {@code mid} is one whose answer was lost.
 */
@Repository
class SentMessages {

    private final JdbcClient jdbc;
    private final Clock clock;

    SentMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What is known of the post with this key: nothing, an attempt without answer, or its message. */
    sealed interface Attempt {

        record None() implements Attempt {}

        record Unanswered() implements Attempt {}

        record Sent(String mid) implements Attempt {}
    }

    Attempt find(long botUserId, long chatId, long dedupeKey) {
        Optional<Optional<String>> row = jdbc.sql(
                        """
                        select mid from sync.sent_message
                        where community_id = :bot and chat_id = :chat and dedupe_key = :key
                        """)
                .param("bot", botUserId)
                .param("chat", chatId)
                .param("key", dedupeKey)
                .query((rs, n) -> Optional.ofNullable(rs.getString("mid")))
                .optional();
        if (row.isEmpty()) {
            return new Attempt.None();
        }
        return row.get().<Attempt>map(Attempt.Sent::new).orElseGet(Attempt.Unanswered::new);
    }

    /** Writes the attempt before the message is sent; a repeated attempt keeps its row. */
    void attempting(long botUserId, long chatId, long dedupeKey) {
        jdbc.sql(
                        """
                        insert into sync.sent_message (community_id, chat_id, dedupe_key, attempted_at)
                        values (:bot, :chat, :key, :now)
                        on conflict (community_id, chat_id, dedupe_key) do update set attempted_at = excluded.attempted_at
                        """)
                .param("bot", botUserId)
                .param("chat", chatId)
                .param("key", dedupeKey)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** MAX posted it: this is its message. */
    void sent(long botUserId, long chatId, long dedupeKey, String mid) {
        jdbc.sql(
                        """
                        update sync.sent_message set mid = :mid, sent_at = :now
                        where community_id = :bot and chat_id = :chat and dedupe_key = :key
                        """)
                .param("bot", botUserId)
                .param("chat", chatId)
                .param("key", dedupeKey)
                .param("mid", mid)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** MAX said it did not post it: nothing to look for next time. */
    void notSent(long botUserId, long chatId, long dedupeKey) {
        jdbc.sql(
                        """
                        delete from sync.sent_message
                        where community_id = :bot and chat_id = :chat and dedupe_key = :key and mid is null
                        """)
                .param("bot", botUserId)
                .param("chat", chatId)
                .param("key", dedupeKey)
                .update();
    }

    /** Of these messages of the chat, the ones already known as another post's. */
    Set<String> known(long chatId, Set<String> mids) {
        if (mids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select mid from sync.sent_message where chat_id = :chat and mid in (:mids)")
                .param("chat", chatId)
                .param("mids", mids)
                .query(String.class)
                .list());
    }
}
