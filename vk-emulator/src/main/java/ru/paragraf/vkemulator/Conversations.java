package ru.paragraf.vkemulator;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The conversation and message objects (VK API schema {@code messages_conversation}, {@code messages_message}). */
final class Conversations {

    private Conversations() {}

    record Peer(long id, String type, long localId) {}

    record CanWrite(boolean allowed, @Nullable Integer reason) {}

    record Acl(
            boolean canInvite,
            boolean canChangeInfo,
            boolean canChangePin,
            boolean canPromoteUsers,
            boolean canSeeInviteLink,
            boolean canChangeInviteLink,
            boolean canModerate,
            boolean canCopyChat,
            boolean canCall,
            boolean canUseMassMentions) {}

    record Permissions(
            String invite,
            String changeInfo,
            String changePin,
            String useMassMentions,
            String seeInviteLink,
            String call,
            String changeAdmins) {}

    record ChatSettings(
            long ownerId,
            String title,
            String state,
            int membersCount,
            List<Long> adminIds,
            @Nullable List<Long> activeIds,
            Acl acl,
            Permissions permissions,
            boolean isGroupChannel) {}

    record Conversation(
            Peer peer,
            long lastMessageId,
            long lastConversationMessageId,
            long inRead,
            long outRead,
            CanWrite canWrite,
            ChatSettings chatSettings) {}

    record Action(String type, @Nullable Long memberId, @Nullable String text) {}

    record Message(
            long id,
            long date,
            long peerId,
            long fromId,
            int out,
            String text,
            long conversationMessageId,
            long randomId,
            List<Object> attachments,
            List<Object> fwdMessages,
            boolean important,
            boolean isHidden,
            @Nullable Action action) {}

    record Item(Conversation conversation, @Nullable Message lastMessage) {}

    private static final Permissions PERMISSIONS = new Permissions(
            "all", "owner_and_admins", "owner_and_admins", "owner_and_admins", "owner_and_admins", "all", "owner");

    static Conversation conversation(Chat.View view, long viewer) {
        boolean in = view.viewerState() == Chat.MemberState.IN;
        boolean admin = view.viewerIsAdmin();
        long lastMessageId = view.lastMessage() == null ? 0 : messageId(view.lastMessage(), viewer);
        long lastCmid = view.lastMessage() == null ? 0 : view.lastMessage().conversationMessageId();
        var acl = new Acl(in, admin, admin, admin, admin, admin, admin, in, in, admin);
        var settings = new ChatSettings(
                view.chat().ownerId(),
                view.title(),
                view.viewerState().apiName(),
                view.activeMembers().size(),
                List.of(),
                null,
                acl,
                PERMISSIONS,
                false);
        var canWrite = in
                ? new CanWrite(true, null)
                : new CanWrite(false, view.viewerState() == Chat.MemberState.LEFT ? 922 : 917);
        var peer = new Peer(Chat.PEER_BASE + view.localId(), "chat", view.localId());
        return new Conversation(peer, lastMessageId, lastCmid, lastMessageId, lastMessageId, canWrite, settings);
    }

    static Message message(ChatMessage message, long localId, long viewer) {
        var action = message.action() == null
                ? null
                : new Action(
                        message.action(),
                        message.actionMemberId(),
                        message.actionMemberId() == null ? message.text() : null);
        return new Message(
                messageId(message, viewer),
                message.date(),
                Chat.PEER_BASE + localId,
                message.fromId(),
                message.fromId() == viewer ? 1 : 0,
                message.action() == null ? message.text() : "",
                message.conversationMessageId(),
                message.randomId(),
                List.of(),
                List.of(),
                false,
                false,
                action);
    }

    /** Communities see message id 0 in chats (they use conversation_message_id); users see the message id. */
    static long messageId(ChatMessage message, long viewer) {
        return viewer < 0 ? 0 : message.id();
    }
}
