package ru.paragraf.vkemulator;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * messages.send to chats. {@code random_id} is required (error 100) and makes the call idempotent per sender:
 * a repeat returns the first call's response and stores nothing.
 */
final class SendMethod {

    private static final int MAX_LENGTH = 9000;

    record PeerResult(
            long peerId, @Nullable Long messageId, @Nullable Long conversationMessageId, @Nullable PeerError error) {}

    record PeerError(int code, String description) {}

    private final EmulatorState state;

    SendMethod(EmulatorState state) {
        this.state = state;
    }

    Object send(ApiRequest request) {
        var params = request.params();
        if (!params.has("random_id")) {
            throw ApiError.param("random_id is a required parameter");
        }
        long randomId = params.requireLong("random_id");
        var text = params.get("message");
        if (text == null && params.get("attachment") == null) {
            throw ApiError.param("message is empty or invalid");
        }
        if (text != null && text.length() > MAX_LENGTH) {
            throw ApiError.of(914);
        }
        var body = text == null ? "" : text;
        if (params.has("peer_ids")) {
            var peers = params.longList("peer_ids");
            if (peers.size() > 100) {
                throw ApiError.param("peer_ids is too long");
            }
            return state.chats.sendOnce(request.caller(), randomId, () -> sendEach(request, peers, body, randomId));
        }
        long peer = singlePeer(params);
        return state.chats.sendOnce(request.caller(), randomId, () -> sendOne(request, peer, body, randomId));
    }

    /** An integer: the message id, or 0 for a community writing in a chat (it should use peer_ids). */
    private Object sendOne(ApiRequest request, long peer, String text, long randomId) {
        var message = deliver(request, peer, text, randomId);
        return Conversations.messageId(message, request.caller());
    }

    private Object sendEach(ApiRequest request, List<Long> peers, String text, long randomId) {
        var results = new ArrayList<PeerResult>();
        for (long peer : peers) {
            try {
                var message = deliver(request, peer, text, randomId);
                results.add(new PeerResult(
                        peer,
                        Conversations.messageId(message, request.caller()),
                        message.conversationMessageId(),
                        null));
            } catch (ApiError error) {
                results.add(new PeerResult(peer, null, null, new PeerError(error.code(), error.getMessage())));
            }
        }
        return results;
    }

    private ChatMessage deliver(ApiRequest request, long peer, String text, long randomId) {
        if (!Chats.isChatPeer(peer)) {
            // direct messages are out of scope: a community is refused as if the user never allowed it
            throw ApiError.of(request.byCommunity() ? 901 : 902);
        }
        var chat = state.chats.byPeerId(request.caller(), peer);
        if (chat == null) {
            throw ApiError.of(917);
        }
        return chat.send(request.caller(), text, randomId, request.now(), state.chats);
    }

    private static long singlePeer(Params params) {
        if (params.has("peer_id")) {
            return params.requireLong("peer_id");
        }
        if (params.has("chat_id")) {
            return Chat.PEER_BASE + params.requireLong("chat_id");
        }
        if (params.has("user_id")) {
            return params.requireLong("user_id");
        }
        throw ApiError.param("peer_id is undefined");
    }
}
