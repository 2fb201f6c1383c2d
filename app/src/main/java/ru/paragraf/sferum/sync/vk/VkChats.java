package ru.paragraf.sferum.sync.vk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Chat management: create, rename, invite link, join, add and remove members. */
public final class VkChats {

    private VkChats() {}

    /**
     * messages.createChat. Not idempotent: a repeat creates a second chat, so an ambiguous failure is reported,
     * never retried; the engine then looks the chat up by its title.
     *
     * @param groupId the community creating the chat; null for the token's own
     * @param userIds members added at creation; VK leaves out those it cannot add
     */
    public record CreateChat(@Nullable Long groupId, List<Long> userIds, String title)
            implements VkRequest<ChatCreated> {

        public CreateChat {
            userIds = List.copyOf(userIds);
        }

        @Override
        public String method() {
            return "messages.createChat";
        }

        @Override
        public VkParams params() {
            return VkParams.of()
                    .with("group_id", groupId)
                    .withList("user_ids", userIds)
                    .with("title", title);
        }

        @Override
        public Class<ChatCreated> responseType() {
            return ChatCreated.class;
        }

        @Override
        public boolean idempotent() {
            return false;
        }
    }

    /** The new chat in the creator's numbering, and the peers actually added. */
    public record ChatCreated(long chatId, List<Long> peerIds) {

        public ChatCreated {
            peerIds = peerIds == null ? List.of() : List.copyOf(peerIds);
        }

        public long peerId() {
            return VkPeers.ofChat(chatId);
        }
    }

    /** messages.editChat: renames a chat. */
    public record EditChat(long chatId, String title) implements VkRequest<VkDone> {

        @Override
        public String method() {
            return "messages.editChat";
        }

        @Override
        public VkParams params() {
            return VkParams.of().with("chat_id", chatId).with("title", title);
        }

        @Override
        public Class<VkDone> responseType() {
            return VkDone.class;
        }
    }

    /**
     * messages.getInviteLink. With {@code reset} the old link stops working and a new one is made, so that form
     * is not idempotent (a repeat would revoke the link the first call handed out).
     */
    public record GetInviteLink(long peerId, boolean reset, @Nullable Long groupId) implements VkRequest<InviteLink> {

        public static GetInviteLink of(long peerId) {
            return new GetInviteLink(peerId, false, null);
        }

        @Override
        public String method() {
            return "messages.getInviteLink";
        }

        @Override
        public VkParams params() {
            return VkParams.of()
                    .with("peer_id", peerId)
                    .withFlag("reset", reset)
                    .with("group_id", groupId);
        }

        @Override
        public Class<InviteLink> responseType() {
            return InviteLink.class;
        }

        @Override
        public boolean idempotent() {
            return !reset;
        }
    }

    /** A chat's invite link ({@code https://vk.me/join/…}); whoever holds it can join. */
    public record InviteLink(String link) {

        @Override
        public String toString() {
            return "InviteLink[" + Secrets.mask(link) + "]";
        }
    }

    /**
     * messages.joinChatByInviteLink (user tokens). Not idempotent: a repeat after the user was removed in between
     * would bring them back into the chat.
     */
    public record JoinChatByInviteLink(String link) implements VkRequest<JoinedChat> {

        @Override
        public String method() {
            return "messages.joinChatByInviteLink";
        }

        @Override
        public VkParams params() {
            return VkParams.of().with("link", link);
        }

        @Override
        public Class<JoinedChat> responseType() {
            return JoinedChat.class;
        }

        @Override
        public boolean idempotent() {
            return false;
        }

        @Override
        public String toString() {
            return "JoinChatByInviteLink[" + Secrets.mask(link) + "]";
        }
    }

    /** The joined chat in the joining user's own numbering. */
    public record JoinedChat(long chatId) {}

    /**
     * messages.addChatUser (user tokens). Adding a member who is already in answers {@code 1} again.
     *
     * @param visibleMessagesCount how much history the new member sees (0..1000); null for VK's default
     */
    public record AddChatUser(long chatId, long userId, @Nullable Integer visibleMessagesCount)
            implements VkRequest<VkDone> {

        @Override
        public String method() {
            return "messages.addChatUser";
        }

        @Override
        public VkParams params() {
            return VkParams.of()
                    .with("chat_id", chatId)
                    .with("user_id", userId)
                    .with("visible_messages_count", visibleMessagesCount);
        }

        @Override
        public Class<VkDone> responseType() {
            return VkDone.class;
        }
    }

    /**
     * messages.removeChatUser. A repeat cannot remove anyone else; it answers 935 (not in the chat), which the
     * caller reads as done.
     *
     * @param memberId a user id, or {@code -group_id} for a community
     */
    public record RemoveChatUser(long chatId, long memberId) implements VkRequest<VkDone> {

        @Override
        public String method() {
            return "messages.removeChatUser";
        }

        @Override
        public VkParams params() {
            return VkParams.of().with("chat_id", chatId).with("member_id", memberId);
        }

        @Override
        public Class<VkDone> responseType() {
            return VkDone.class;
        }
    }
}
