package ru.paragraf.vkemulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** messages.getConversations, getConversationsById and getConversationMembers. */
final class ConversationMethods {

    record ConversationsResponse(
            int count,
            List<Conversations.Item> items,
            @Nullable List<Profiles.UserObject> profiles,
            @Nullable List<Profiles.GroupObject> groups) {}

    record ByIdResponse(
            int count,
            List<Conversations.Conversation> items,
            @Nullable List<Profiles.UserObject> profiles,
            @Nullable List<Profiles.GroupObject> groups) {}

    record MemberItem(
            long memberId,
            long invitedBy,
            long joinDate,
            @Nullable Boolean isAdmin,
            @Nullable Boolean isOwner,
            @Nullable Boolean canKick) {}

    record ChatRestrictions(
            boolean onlyAdminsInvite,
            boolean onlyAdminsEditPin,
            boolean onlyAdminsEditInfo,
            boolean onlyAdminsKick,
            boolean adminsPromoteUsers) {}

    record MembersResponse(
            int count,
            List<MemberItem> items,
            ChatRestrictions chatRestrictions,
            List<Profiles.UserObject> profiles,
            List<Profiles.GroupObject> groups) {}

    private static final ChatRestrictions RESTRICTIONS = new ChatRestrictions(false, true, true, true, false);

    private final EmulatorState state;

    ConversationMethods(EmulatorState state) {
        this.state = state;
    }

    /** The caller's chats, most recently active first, with their last messages. */
    Object getConversations(ApiRequest request) {
        var params = request.params();
        int offset = params.getInt("offset", 0, 0, Integer.MAX_VALUE);
        int count = params.getInt("count", 20, 0, 200);
        long viewer = request.caller();
        var chats = state.chats.of(viewer);
        var items = new ArrayList<Conversations.Item>();
        var authors = new ArrayList<Long>();
        for (var chat : chats.subList(Math.min(offset, chats.size()), Math.min(offset + count, chats.size()))) {
            var view = chat.view(viewer);
            var last = view.lastMessage() == null
                    ? null
                    : Conversations.message(view.lastMessage(), view.localId(), viewer);
            items.add(new Conversations.Item(Conversations.conversation(view, viewer), last));
            if (last != null) {
                authors.add(last.fromId());
            }
        }
        boolean extended = params.flag("extended");
        return new ConversationsResponse(
                chats.size(),
                items,
                extended ? profiles(authors, fields(request)) : null,
                extended ? groups(authors) : null);
    }

    /** Peers the caller does not know are left out, as VK does for a community that is not in a chat. */
    Object getConversationsById(ApiRequest request) {
        var peerIds = request.params().longList("peer_ids");
        if (peerIds.isEmpty()) {
            throw ApiError.param("peer_ids is undefined");
        }
        if (peerIds.size() > 100) {
            throw ApiError.param("peer_ids is too long");
        }
        long viewer = request.caller();
        var items = new ArrayList<Conversations.Conversation>();
        for (long peerId : peerIds) {
            var chat = state.chats.byPeerId(viewer, peerId);
            if (chat != null) {
                items.add(Conversations.conversation(chat.view(viewer), viewer));
            }
        }
        boolean extended = request.params().flag("extended");
        return new ByIdResponse(items.size(), items, extended ? List.of() : null, extended ? List.of() : null);
    }

    /**
     * Members in the chat (state {@code in}), in joining order; default page 20, at most 1000 (more: 100), as in VK.
     * The community that owns the chat is a member ({@code -group_id}). With {@code extended=1}, {@code profiles}
     * (with the {@code fields} asked for) and {@code groups} of the page's members.
     */
    Object getConversationMembers(ApiRequest request) {
        var params = request.params();
        long peerId = params.requireLong("peer_id");
        if (!Chats.isChatPeer(peerId)) {
            throw ApiError.param("peer_id is invalid");
        }
        long viewer = request.caller();
        var chat = state.chats.byPeerId(viewer, peerId);
        if (chat == null) {
            throw ApiError.of(917);
        }
        int offset = params.getInt("offset", 0, 0, Integer.MAX_VALUE);
        int count = params.getInt("count", 20, 0, 1000);
        var view = chat.view(viewer);
        if (view.viewerState() != Chat.MemberState.IN) {
            throw ApiError.of(917);
        }
        var members = view.activeMembers();
        var page = members.subList(Math.min(offset, members.size()), Math.min(offset + count, members.size()));
        var items = page.stream()
                .map(m -> new MemberItem(
                        m.id(),
                        m.invitedBy(),
                        m.joinDate(),
                        m.owner() ? true : null,
                        m.owner() ? true : null,
                        view.viewerIsAdmin() && !m.owner() ? true : null))
                .toList();
        boolean extended = params.flag("extended");
        var ids = page.stream().map(Chat.Member::id).toList();
        return new MembersResponse(
                members.size(),
                items,
                RESTRICTIONS,
                extended ? profiles(ids, fields(request)) : List.of(),
                extended ? groups(ids) : List.of());
    }

    private static Set<String> fields(ApiRequest request) {
        return new HashSet<>(request.params().list("fields"));
    }

    private List<Profiles.UserObject> profiles(List<Long> peers, Set<String> fields) {
        var users = new LinkedHashMap<Long, Profiles.UserObject>();
        for (long peer : peers) {
            var user = peer > 0 ? state.directory.user(peer) : null;
            if (user != null) {
                users.putIfAbsent(peer, Profiles.user(user, fields));
            }
        }
        return List.copyOf(users.values());
    }

    private List<Profiles.GroupObject> groups(List<Long> peers) {
        var groups = new LinkedHashMap<Long, Profiles.GroupObject>();
        for (long peer : peers) {
            var community = peer < 0 ? state.directory.community(-peer) : null;
            if (community != null) {
                groups.putIfAbsent(peer, Profiles.group(community));
            }
        }
        return List.copyOf(groups.values());
    }
}
