package ru.paragraf.vkemulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Chat lifecycle: messages.createChat, editChat, pin, getInviteLink, joinChatByInviteLink, addChatUser,
 * removeChatUser. Chat ids in parameters and answers are always in the caller's own numbering.
 */
final class ChatMethods {

    record ChatCreated(long chatId, List<Long> peerIds) {}

    record InviteLink(String link) {}

    record Joined(long chatId) {}

    private final EmulatorState state;

    ChatMethods(EmulatorState state) {
        this.state = state;
    }

    /** Unknown users, and users outside an organization-only community, are left out of {@code peer_ids}. */
    Object createChat(ApiRequest request) {
        var params = request.params();
        if (request.byCommunity()
                && params.has("group_id")
                && params.requireLong("group_id") != request.token().ownerId()) {
            throw new ApiError(15, "Access denied: group_id does not match the access token");
        }
        var title = params.get("title") == null ? "" : params.get("title");
        var community = request.byCommunity()
                ? state.directory.community(request.token().ownerId())
                : null;
        var added = new ArrayList<Long>();
        for (long userId : new LinkedHashSet<>(params.longList("user_ids"))) {
            boolean known = userId != request.caller() && state.directory.user(userId) != null;
            if (known
                    && (community == null || community.admits(userId))
                    && added.size() + 1 < state.config.maxChatMembers()) {
                added.add(userId);
            }
        }
        var chat = state.chats.create(request.caller(), title, added, request.now());
        return new ChatCreated(state.chats.localId(request.caller(), chat), added);
    }

    Object editChat(ApiRequest request) {
        var chat = ownChat(request);
        chat.rename(request.caller(), request.params().require("title"), request.now(), state.chats);
        return 1;
    }

    /**
     * messages.pin ({@code peer_id}, {@code conversation_message_id}): not in docs/reference/vk-protocol.md, so its
     * rules here are UNCONFIRMED. The answer's shape follows vk-io's {@code MessagesPinnedMessage} (id, date, from_id,
     * text, peer_id, conversation_message_id); that only an admin may pin (925 otherwise, as editChat) is the
     * emulator's choice.
     */
    Object pin(ApiRequest request) {
        long peerId = request.params().requireLong("peer_id");
        if (!Chats.isChatPeer(peerId)) {
            throw ApiError.param("peer_id is invalid");
        }
        var chat = state.chats.byPeerId(request.caller(), peerId);
        if (chat == null) {
            throw ApiError.of(917);
        }
        var message = chat.pin(
                request.caller(), request.params().requireLong("conversation_message_id"), request.now(), state.chats);
        return new PinnedMessage(
                Conversations.messageId(message, request.caller()),
                message.date(),
                message.fromId(),
                message.text(),
                peerId,
                message.conversationMessageId());
    }

    record PinnedMessage(long id, long date, long fromId, String text, long peerId, long conversationMessageId) {}

    /** Only an admin may see the link; {@code reset=1} revokes the old link. */
    Object getInviteLink(ApiRequest request) {
        long peerId = request.params().requireLong("peer_id");
        if (!Chats.isChatPeer(peerId)) {
            throw ApiError.param("peer_id is invalid");
        }
        var chat = state.chats.byPeerId(request.caller(), peerId);
        if (chat == null) {
            throw ApiError.of(917);
        }
        chat.requireIn(request.caller());
        if (!chat.isAdmin(request.caller())) {
            throw ApiError.of(919);
        }
        return new InviteLink(state.chats.inviteLink(chat, request.params().flag("reset")));
    }

    /** Unknown or reset links give 917; joining again while in answers the same chat_id. */
    Object joinChatByInviteLink(ApiRequest request) {
        var joined =
                state.memberships.joinByLink(request.caller(), request.params().require("link"), request.now());
        return new Joined(joined.localId());
    }

    /** The caller must be in the chat; adding a member who is already in answers 1. */
    Object addChatUser(ApiRequest request) {
        var chat = ownChat(request);
        long user = request.params().requireLong("user_id");
        if (state.directory.user(user) == null) {
            throw ApiError.of(936);
        }
        if (!state.memberships.admits(chat, user)) {
            throw ApiError.of(947);
        }
        chat.invite(request.caller(), user, request.now(), state.config.maxChatMembers(), state.chats);
        state.chats.localId(user, chat);
        return 1;
    }

    /**
     * {@code member_id} (or {@code user_id}); an admin kicks, a member may remove only themselves (leaving). Someone
     * VK does not know at all gives 936, someone not in the chat 935.
     */
    Object removeChatUser(ApiRequest request) {
        var chat = ownChat(request);
        var params = request.params();
        long target = params.has("member_id") ? params.requireLong("member_id") : params.requireLong("user_id");
        if (target > 0 ? state.directory.user(target) == null : state.directory.community(-target) == null) {
            throw ApiError.of(936);
        }
        chat.remove(request.caller(), target, request.now(), state.chats);
        return 1;
    }

    private Chat ownChat(ApiRequest request) {
        long chatId = request.params().requireLong("chat_id");
        var chat = state.chats.byLocalId(request.caller(), chatId);
        if (chat == null) {
            throw ApiError.of(927);
        }
        return chat;
    }
}
