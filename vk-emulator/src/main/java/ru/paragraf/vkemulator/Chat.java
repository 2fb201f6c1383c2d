package ru.paragraf.vkemulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One multi-user chat, shared by all its members, each of whom knows it under a local chat id of their own.
 * Guards its membership rules; every mutation holds the chat's lock.
 */
final class Chat {

    static final long PEER_BASE = 2_000_000_000L;
    static final long MAX_CHAT_ID = 100_000_000L;

    enum MemberState {
        IN,
        KICKED,
        LEFT;

        String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A member as seen at one moment. */
    record Member(long id, long invitedBy, long joinDate, boolean owner, MemberState state) {}

    /** What one viewer sees of the chat at one moment. */
    record View(
            Chat chat,
            long localId,
            String title,
            MemberState viewerState,
            boolean viewerIsAdmin,
            List<Member> activeMembers,
            @Nullable ChatMessage lastMessage) {}

    private final long id;
    private final long ownerId;
    private final long createdAt;
    private final Map<Long, Long> localIds = new ConcurrentHashMap<>();
    private final LinkedHashMap<Long, Member> members = new LinkedHashMap<>();
    private final ArrayList<ChatMessage> messages = new ArrayList<>();
    private final MembershipHistory history = new MembershipHistory();
    private String title;
    private @Nullable String inviteToken;
    /** The conversation_message_id of the pinned message; null while none is pinned. */
    private @Nullable Long pinned;

    private long activity;

    Chat(long id, long ownerId, String title, long now) {
        this.id = id;
        this.ownerId = ownerId;
        this.title = title;
        this.createdAt = now;
        members.put(ownerId, new Member(ownerId, ownerId, now, true, MemberState.IN));
    }

    long id() {
        return id;
    }

    long ownerId() {
        return ownerId;
    }

    /** member peer id → that member's local chat id. */
    Map<Long, Long> localIds() {
        return localIds;
    }

    synchronized long activity() {
        return activity;
    }

    synchronized String title() {
        return title;
    }

    synchronized @Nullable String inviteToken() {
        return inviteToken;
    }

    synchronized void inviteToken(String value) {
        inviteToken = value;
    }

    synchronized boolean isIn(long peer) {
        var member = members.get(peer);
        return member != null && member.state() == MemberState.IN;
    }

    /** Only the owner is an admin: the emulator does not implement role changes. */
    synchronized boolean isAdmin(long peer) {
        return peer == ownerId && isIn(peer);
    }

    /** Throws 917 (never a member, or kicked) or 922 (left) unless {@code peer} is in the chat. */
    synchronized void requireIn(long peer) {
        var member = members.get(peer);
        if (member == null || member.state() == MemberState.KICKED) {
            throw ApiError.of(917);
        }
        if (member.state() == MemberState.LEFT) {
            throw ApiError.of(922);
        }
    }

    synchronized void requireAdmin(long peer) {
        requireIn(peer);
        if (!isAdmin(peer)) {
            throw ApiError.of(925);
        }
    }

    synchronized int membersCount() {
        return (int) members.values().stream()
                .filter(m -> m.state() == MemberState.IN)
                .count();
    }

    /** Adds a member at creation time (no checks, no service message). */
    synchronized void addInitial(long peer, long now) {
        members.put(peer, new Member(peer, ownerId, now, false, MemberState.IN));
    }

    /** messages.addChatUser: returns false when the user is already in. */
    synchronized boolean invite(long caller, long user, long now, int maxMembers, Chats chats) {
        requireIn(caller);
        var existing = members.get(user);
        if (existing != null && existing.state() == MemberState.IN) {
            return false;
        }
        if (existing != null && existing.state() == MemberState.KICKED && !isAdmin(caller)) {
            throw ApiError.of(925);
        }
        if (membersCount() >= maxMembers) {
            throw ApiError.of(103);
        }
        enter(user, caller, now);
        append(chats, caller, "", 0, now, "chat_invite_user", user);
        history.record(chats.nextMembershipChange(), MembershipHistory.Change.ADDED, user, caller, now);
        return true;
    }

    /**
     * messages.joinChatByInviteLink: a member who is in stays in (nothing changes); a kicked user comes back only
     * when {@code kickedMayRejoin} (the emulator's choice where VK's rule is not known).
     */
    synchronized void join(long user, long now, int maxMembers, boolean kickedMayRejoin, Chats chats) {
        var existing = members.get(user);
        if (existing != null && existing.state() == MemberState.IN) {
            return;
        }
        if (existing != null && existing.state() == MemberState.KICKED && !kickedMayRejoin) {
            throw ApiError.of(917);
        }
        if (membersCount() >= maxMembers) {
            throw ApiError.of(103);
        }
        enter(user, user, now);
        append(chats, user, "", 0, now, "chat_invite_user_by_link", user);
        history.record(chats.nextMembershipChange(), MembershipHistory.Change.JOINED, user, user, now);
    }

    /** messages.removeChatUser: an admin kicks a member, or a member leaves. */
    synchronized void remove(long caller, long target, long now, Chats chats) {
        requireIn(caller);
        var member = members.get(target);
        if (member == null || member.state() != MemberState.IN) {
            throw ApiError.of(935);
        }
        if (member.owner()) {
            throw new ApiError(15, "Access denied: can't remove the chat owner");
        }
        if (caller != target && !isAdmin(caller)) {
            throw ApiError.of(925);
        }
        boolean leaving = caller == target;
        var state = leaving ? MemberState.LEFT : MemberState.KICKED;
        members.put(target, new Member(target, member.invitedBy(), member.joinDate(), false, state));
        append(chats, caller, "", 0, now, "chat_kick_user", target);
        history.record(
                chats.nextMembershipChange(),
                leaving ? MembershipHistory.Change.LEFT : MembershipHistory.Change.REMOVED,
                target,
                caller,
                now);
    }

    /**
     * messages.pin: an admin pins a message of the chat by its conversation_message_id; pinning the pinned message
     * again changes nothing. Answers the pinned message.
     */
    synchronized ChatMessage pin(long caller, long conversationMessageId, long now, Chats chats) {
        requireAdmin(caller);
        var message = messages.stream()
                .filter(m -> m.conversationMessageId() == conversationMessageId && m.action() == null)
                .findFirst()
                .orElseThrow(() -> ApiError.param("conversation_message_id is invalid"));
        if (pinned == null || pinned != conversationMessageId) {
            pinned = conversationMessageId;
            append(chats, caller, message.text(), 0, now, "chat_pin_message", null);
        }
        return message;
    }

    synchronized @Nullable Long pinned() {
        return pinned;
    }

    synchronized void rename(long caller, String newTitle, long now, Chats chats) {
        requireAdmin(caller);
        title = newTitle;
        append(chats, caller, newTitle, 0, now, "chat_title_update", null);
    }

    /** Appends a message from a member who is in the chat; returns it. */
    synchronized ChatMessage send(long from, String text, long randomId, long now, Chats chats) {
        requireIn(from);
        return append(chats, from, text, randomId, now, null, null);
    }

    /** The {@code chat_create} service message, and the owner and first members in the membership history. */
    synchronized ChatMessage announceCreation(long now, Chats chats) {
        for (var member : members.values()) {
            history.record(
                    chats.nextMembershipChange(),
                    member.owner() ? MembershipHistory.Change.CREATED : MembershipHistory.Change.ADDED,
                    member.id(),
                    ownerId,
                    now);
        }
        return append(chats, ownerId, title, 0, now, "chat_create", null);
    }

    synchronized View view(long viewer) {
        var member = members.get(viewer);
        var active = members.values().stream()
                .filter(m -> m.state() == MemberState.IN)
                .toList();
        return new View(
                this,
                localIds.getOrDefault(viewer, 0L),
                title,
                member == null ? MemberState.LEFT : member.state(),
                isAdmin(viewer),
                active,
                messages.isEmpty() ? null : messages.get(messages.size() - 1));
    }

    synchronized EmulatorSnapshot.Chat snapshot() {
        var memberViews = members.values().stream()
                .map(m -> new EmulatorSnapshot.Member(
                        m.id(), m.state().apiName(), m.invitedBy(), m.joinDate(), m.owner(), m.owner()))
                .toList();
        var messageViews = messages.stream()
                .map(m -> new EmulatorSnapshot.Message(
                        m.id(),
                        m.conversationMessageId(),
                        m.fromId(),
                        m.text(),
                        m.randomId(),
                        m.date(),
                        m.action(),
                        m.actionMemberId()))
                .toList();
        return new EmulatorSnapshot.Chat(
                id,
                ownerId,
                title,
                createdAt,
                inviteToken == null ? null : Chats.INVITE_PREFIX + inviteToken,
                Map.copyOf(localIds),
                memberViews,
                messageViews,
                history.snapshot(),
                pinned);
    }

    synchronized SavedState.SavedChat saved() {
        return new SavedState.SavedChat(
                id,
                ownerId,
                title,
                createdAt,
                inviteToken,
                activity,
                Map.copyOf(localIds),
                members.values().stream()
                        .map(m -> new SavedState.SavedMember(m.id(), m.invitedBy(), m.joinDate(), m.owner(), m.state()))
                        .toList(),
                messages.stream()
                        .map(m -> new SavedState.SavedMessage(
                                m.id(),
                                m.conversationMessageId(),
                                m.fromId(),
                                m.text(),
                                m.randomId(),
                                m.date(),
                                m.action(),
                                m.actionMemberId()))
                        .toList(),
                history.saved(),
                pinned);
    }

    /** The chat as it was saved: members in joining order, messages, links and local ids. */
    static Chat restore(SavedState.SavedChat saved) {
        var chat = new Chat(saved.id(), saved.ownerId(), saved.title(), saved.createdAt());
        synchronized (chat) {
            chat.members.clear();
            for (var m : saved.members()) {
                chat.members.put(m.id(), new Member(m.id(), m.invitedBy(), m.joinDate(), m.owner(), m.state()));
            }
            for (var m : saved.messages()) {
                chat.messages.add(new ChatMessage(
                        m.id(),
                        m.conversationMessageId(),
                        m.fromId(),
                        m.text(),
                        m.randomId(),
                        m.date(),
                        m.action(),
                        m.actionMemberId()));
            }
            chat.localIds.putAll(saved.localIds());
            chat.inviteToken = saved.inviteToken();
            chat.activity = saved.activity();
            chat.pinned = saved.pinned();
            chat.history.restore(saved.history());
        }
        return chat;
    }

    /** Puts a member in (again), last in joining order, as a new member. */
    private void enter(long user, long invitedBy, long now) {
        members.remove(user);
        members.put(user, new Member(user, invitedBy, now, false, MemberState.IN));
    }

    private ChatMessage append(
            Chats chats,
            long from,
            String text,
            long randomId,
            long now,
            @Nullable String action,
            @Nullable Long actionMember) {
        var message = new ChatMessage(
                chats.nextMessageId(), messages.size() + 1L, from, text, randomId, now, action, actionMember);
        messages.add(message);
        activity = chats.nextActivity();
        return message;
    }
}
