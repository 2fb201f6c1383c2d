package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues what a bot's update asks of the messenger ({@link Action.AdoptChat}, {@link Action.Reply}), in the
 * transaction that handles the update: the workers carry it out with the bot's credentials, as any operation.
 */
@Component
class AdoptionQueue {

    private static final String ENQUEUE = sql(
            """
            insert into sync.operation (organization_id, community_id, kind, object_key, payload, status,
                                        next_attempt_at, created_at)
            values (:organization, :community, :kind, :key, cast(:payload as jsonb), {OperationStatus.PENDING}, :now,
                    :now)
            on conflict (kind, object_key)
                where status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING}) do nothing
            """);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AdoptionQueue(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void adopt(ChatKey chat, long botUserId, long chatId) {
        var payload = json.createObjectNode()
                .put("v", OperationPayload.VERSION)
                .put("journal", chat.journal().toString())
                .put("year", chat.year().toString())
                .put("chatId", chatId);
        enqueue(chat.organization(), botUserId, OperationKind.ADOPT_CHAT, "adopt:" + chatId, payload.toString());
    }

    /** An answer in the chat; {@code what} (e.g. the update's id) keeps a repeat from queueing it twice. */
    void reply(UUID organization, long botUserId, long chatId, String what, String text) {
        var payload = json.createObjectNode()
                .put("v", OperationPayload.VERSION)
                .put("chatId", chatId)
                .put("what", what)
                .put("text", text);
        enqueue(organization, botUserId, OperationKind.REPLY, "reply:" + what, payload.toString());
    }

    private void enqueue(UUID organization, long community, OperationKind kind, String key, String payload) {
        jdbc.sql(ENQUEUE)
                .param("organization", organization)
                .param("community", community)
                .param("kind", kind.name())
                .param("key", key)
                .param("payload", payload)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }
}
