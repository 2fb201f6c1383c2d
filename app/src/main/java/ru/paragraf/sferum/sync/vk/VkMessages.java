package ru.paragraf.sferum.sync.vk;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * messages.send. {@code random_id} is required and must come from the caller (derived from the operation key):
 * VK stores it with the message and answers a repeat with the first message, which makes sending idempotent.
 */
public final class VkMessages {

    private VkMessages() {}

    /** To one peer; answers the message id (0 for a community writing in a chat). */
    public record Send(long peerId, long randomId, String message, @Nullable Long groupId)
            implements VkRequest<MessageId> {

        public Send {
            requireRandomId(randomId);
        }

        public static Send of(long peerId, long randomId, String message) {
            return new Send(peerId, randomId, message, null);
        }

        @Override
        public String method() {
            return "messages.send";
        }

        @Override
        public VkParams params() {
            return VkParams.of()
                    .with("peer_id", peerId)
                    .with("random_id", randomId)
                    .with("message", message)
                    .with("group_id", groupId);
        }

        @Override
        public Class<MessageId> responseType() {
            return MessageId.class;
        }
    }

    public record MessageId(long value) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static MessageId of(long value) {
            return new MessageId(value);
        }
    }

    /** To up to 100 peers; answers per peer, with {@code conversation_message_id} for a community in a chat. */
    public record SendToPeers(List<Long> peerIds, long randomId, String message, @Nullable Long groupId)
            implements VkRequest<Sent> {

        public SendToPeers {
            peerIds = List.copyOf(peerIds);
            requireRandomId(randomId);
        }

        public static SendToPeers of(long peerId, long randomId, String message) {
            return new SendToPeers(List.of(peerId), randomId, message, null);
        }

        @Override
        public String method() {
            return "messages.send";
        }

        @Override
        public VkParams params() {
            return VkParams.of()
                    .withList("peer_ids", peerIds)
                    .with("random_id", randomId)
                    .with("message", message)
                    .with("group_id", groupId);
        }

        @Override
        public Class<Sent> responseType() {
            return Sent.class;
        }
    }

    public record Sent(List<SentTo> results) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public Sent {
            results = results == null ? List.of() : List.copyOf(results);
        }
    }

    /** The result for one peer: ids on success, or VK's error for that peer alone. */
    public record SentTo(
            long peerId, @Nullable Long messageId, @Nullable Long conversationMessageId, @Nullable PeerError error) {}

    public record PeerError(int code, @Nullable String description) {}

    /**
     * messages.pin: pins a message of the chat by its {@code conversation_message_id}. Not in
     * docs/reference/vk-protocol.md (UNCONFIRMED): the answer, the pinned message, is read as vk-io's
     * {@code MessagesPinnedMessage}; pinning the pinned message again is harmless.
     */
    public record Pin(long peerId, long conversationMessageId, @Nullable Long groupId) implements VkRequest<Pinned> {

        @Override
        public String method() {
            return "messages.pin";
        }

        @Override
        public VkParams params() {
            return VkParams.of()
                    .with("peer_id", peerId)
                    .with("conversation_message_id", conversationMessageId)
                    .with("group_id", groupId);
        }

        @Override
        public Class<Pinned> responseType() {
            return Pinned.class;
        }
    }

    /** The pinned message, of which only its place in the chat is read. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record Pinned(@Nullable Long conversationMessageId) {}

    private static void requireRandomId(long randomId) {
        // 0 switches VK's dedupe off, and with it the idempotency the retries rely on
        if (randomId == 0) {
            throw new IllegalArgumentException("random_id must not be 0: it makes messages.send idempotent");
        }
    }
}
