package ru.paragraf.sferum.sync.vk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reading chats: the caller's conversations, conversations by peer id, and a chat's members. */
public final class VkConversations {

    /** VK's largest page of messages.getConversations. */
    public static final int MAX_CONVERSATIONS_PAGE = 200;

    /** VK's largest page of messages.getConversationMembers. */
    public static final int MAX_MEMBERS_PAGE = 1000;

    private VkConversations() {}

    /** messages.getConversations: one page of the caller's chats, latest activity first. */
    public record GetConversations(int offset, int count, @Nullable Long groupId)
            implements VkRequest<ConversationPage> {

        public static GetConversations firstPage() {
            return new GetConversations(0, MAX_CONVERSATIONS_PAGE, null);
        }

        @Override
        public String method() {
            return "messages.getConversations";
        }

        @Override
        public VkParams params() {
            return VkParams.of().with("offset", offset).with("count", count).with("group_id", groupId);
        }

        @Override
        public Class<ConversationPage> responseType() {
            return ConversationPage.class;
        }
    }

    /** One page: {@code count} is the total over all pages. */
    public record ConversationPage(long count, List<ConversationItem> items) {

        public ConversationPage {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record ConversationItem(Conversation conversation, @Nullable Message lastMessage) {}

    /** messages.getConversationsById: peers the caller cannot see are left out of the answer, not errors. */
    public record GetConversationsById(List<Long> peerIds, @Nullable Long groupId) implements VkRequest<Conversations> {

        public GetConversationsById {
            peerIds = List.copyOf(peerIds);
        }

        public static GetConversationsById of(long... peerIds) {
            return new GetConversationsById(
                    java.util.Arrays.stream(peerIds).boxed().toList(), null);
        }

        @Override
        public String method() {
            return "messages.getConversationsById";
        }

        @Override
        public VkParams params() {
            return VkParams.of().withList("peer_ids", peerIds).with("group_id", groupId);
        }

        @Override
        public Class<Conversations> responseType() {
            return Conversations.class;
        }
    }

    public record Conversations(long count, List<Conversation> items) {

        public Conversations {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** A conversation ({@code messages_conversation}); {@code chatSettings} is present for chats. */
    public record Conversation(
            Peer peer,
            @Nullable Long lastMessageId,
            @Nullable Long lastConversationMessageId,
            @Nullable CanWrite canWrite,
            @Nullable ChatSettings chatSettings) {}

    /** @param type {@code chat}, {@code user}, {@code group} or {@code email}: trust it over id ranges */
    public record Peer(long id, String type, @Nullable Long localId) {

        public boolean isChat() {
            return "chat".equals(type);
        }
    }

    public record CanWrite(boolean allowed, @Nullable Integer reason) {}

    /**
     * @param ownerId the creator's peer id ({@code -group_id} for a community)
     * @param state the caller's membership: {@code in}, {@code kicked}, {@code left} or {@code out}
     */
    public record ChatSettings(long ownerId, String title, String state, int membersCount, @Nullable Acl acl) {}

    /** What the caller may do in the chat. */
    public record Acl(
            @Nullable Boolean canInvite,
            @Nullable Boolean canChangeInfo,
            @Nullable Boolean canSeeInviteLink,
            @Nullable Boolean canChangeInviteLink,
            @Nullable Boolean canCall) {}

    /** A message; a community sees {@code id} 0 in chats and uses {@code conversationMessageId}. */
    public record Message(
            long id,
            long date,
            long peerId,
            long fromId,
            @Nullable String text,
            long conversationMessageId,
            @Nullable Long randomId) {}

    /**
     * messages.getConversationMembers: one page of a chat's members; {@code extended} adds the page's users'
     * {@code profiles} and communities' {@code groups}, for their names.
     */
    public record GetConversationMembers(long peerId, int offset, int count, @Nullable Long groupId, boolean extended)
            implements VkRequest<Members> {

        public static GetConversationMembers of(long peerId) {
            return new GetConversationMembers(peerId, 0, MAX_MEMBERS_PAGE, null, false);
        }

        /** The page at {@code offset} as the community sees it, with names. */
        public static GetConversationMembers withNames(long peerId, int offset, long groupId) {
            return new GetConversationMembers(peerId, offset, MAX_MEMBERS_PAGE, groupId, true);
        }

        @Override
        public String method() {
            return "messages.getConversationMembers";
        }

        @Override
        public VkParams params() {
            return VkParams.of()
                    .with("peer_id", peerId)
                    .with("offset", offset)
                    .with("count", count)
                    .with("group_id", groupId)
                    .withFlag("extended", extended);
        }

        @Override
        public Class<Members> responseType() {
            return Members.class;
        }
    }

    /** A page; {@code profiles} and {@code groups} only when asked for {@code extended}. */
    public record Members(long count, List<Member> items, List<VkUsers.User> profiles, List<VkGroups.Group> groups) {

        public Members {
            items = items == null ? List.of() : List.copyOf(items);
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /** A member; VK sends the flags only when they are true. */
    public record Member(
            long memberId,
            @Nullable Long invitedBy,
            @Nullable Long joinDate,
            @Nullable Boolean isAdmin,
            @Nullable Boolean isOwner,
            @Nullable Boolean canKick) {

        public boolean admin() {
            return Boolean.TRUE.equals(isAdmin);
        }

        public boolean owner() {
            return Boolean.TRUE.equals(isOwner);
        }
    }
}
