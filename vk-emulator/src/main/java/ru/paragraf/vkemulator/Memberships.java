package ru.paragraf.vkemulator;

/**
 * Who may come into a chat, and joining by an invite link: shared by the VK API (messages.joinChatByInviteLink,
 * addChatUser) and by the inspection API's control of test users ({@code POST /_emulator/chats/join}), so both
 * follow the same rules.
 */
final class Memberships {

    /** A user is in {@code chat}, which they know as {@code localId}. */
    record Joined(Chat chat, long localId) {}

    private final EmulatorState state;

    Memberships(EmulatorState state) {
        this.state = state;
    }

    /**
     * {@code user} joins the chat of {@code link}: an unknown or revoked link gives 917, a user outside an
     * organization-only community 1019, a full chat 103; a member who is in stays in.
     */
    Joined joinByLink(long user, String link, long now) {
        var chat = state.chats.byInviteLink(link);
        if (chat == null) {
            throw ApiError.of(917);
        }
        if (!admits(chat, user)) {
            throw ApiError.of(1019);
        }
        chat.join(user, now, state.config.maxChatMembers(), state.config.kickedMayRejoinByLink(), state.chats);
        return new Joined(chat, state.chats.localId(user, chat));
    }

    /** Chats of a community with an organization member list admit only those members. */
    boolean admits(Chat chat, long user) {
        var community = chat.ownerId() < 0 ? state.directory.community(-chat.ownerId()) : null;
        return community == null || community.admits(user);
    }
}
