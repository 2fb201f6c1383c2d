package ru.paragraf.vkemulator;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The state file's content, format {@value #FORMAT}: everything VK would remember (communities, users, VK ID
 * clients, tokens, chats, calls, VK ID grants), not the counters, the fault plan or the rate-limit windows. Plain
 * records, so the format is what is written here and nothing else; token values are in it, since the tokens must
 * keep working after a restart.
 */
record SavedState(
        int format,
        long savedAt,
        List<SavedCommunity> communities,
        List<SavedUser> users,
        List<SavedClient> clients,
        SavedTokens tokens,
        SavedChats chats,
        List<SavedCall> calls,
        SavedVkId vkId) {

    static final int FORMAT = 1;

    record SavedCommunity(long id, String name, String screenName, @Nullable List<Long> organizationMembers) {}

    record SavedUser(
            long id,
            String firstName,
            String lastName,
            String login,
            @Nullable String password,
            @Nullable String email,
            @Nullable String phone,
            int sex,
            @Nullable String birthday,
            String avatar) {}

    record SavedClient(String clientId, List<String> redirectUris) {}

    /** @param sequence the last number used in token ids, so new ids never repeat old ones */
    record SavedTokens(long sequence, List<SavedToken> items) {}

    record SavedToken(
            String value,
            String id,
            Token.Kind kind,
            long ownerId,
            int permissionMask,
            long expiresAt,
            @Nullable String clientId,
            @Nullable String grantId,
            @Nullable String scope,
            boolean revoked) {}

    /**
     * @param lastChatId the last chat id given, so ids of deleted chats are never given again
     * @param numberings each account's last local chat id, for the same reason
     * @param lastMembershipChange the last number of the membership changes' sequence (null in files written
     *     before the emulator kept chats' membership histories: the sequence then starts again)
     * @param sent the first answer to each (sender, random_id) of messages.send
     */
    record SavedChats(
            long lastChatId,
            long lastMessageId,
            long lastActivity,
            @Nullable Long lastMembershipChange,
            List<SavedNumbering> numberings,
            List<SavedChat> items,
            List<SavedSend> sent) {}

    record SavedNumbering(long peer, long last) {}

    /**
     * @param localIds member peer id → that member's local chat id
     * @param history membership changes in order; null in files written before the emulator kept them
     */
    record SavedChat(
            long id,
            long ownerId,
            String title,
            long createdAt,
            @Nullable String inviteToken,
            long activity,
            Map<Long, Long> localIds,
            List<SavedMember> members,
            List<SavedMessage> messages,
            @Nullable List<SavedChange> history,
            @Nullable Long pinned) {}

    record SavedMember(long id, long invitedBy, long joinDate, boolean owner, Chat.MemberState state) {}

    record SavedChange(long seq, MembershipHistory.Change change, long member, long actor, long date) {}

    record SavedMessage(
            long id,
            long conversationMessageId,
            long fromId,
            String text,
            long randomId,
            long date,
            @Nullable String action,
            @Nullable Long actionMemberId) {}

    /** @param response the answer as first sent, repeated verbatim to a retry */
    record SavedSend(long sender, long randomId, Object response) {}

    record SavedCall(
            String id,
            long startedBy,
            @Nullable Long groupId,
            String joinLink,
            String okJoinLink,
            String shortId,
            String password,
            long startedAt,
            @Nullable Long finishedAt,
            @Nullable Long finishedBy) {}

    /** @param signingKey the key of {@code id_token} signatures, kept so tokens signed before a restart verify */
    record SavedVkId(
            String signingKey,
            List<SavedCode> codes,
            List<SavedCode> usedCodes,
            List<SavedRefreshToken> refreshTokens,
            List<String> revokedGrants) {}

    record SavedCode(
            String code,
            String grantId,
            String clientId,
            String redirectUri,
            String codeChallenge,
            long userId,
            String deviceId,
            String scope,
            long expiresAt) {}

    record SavedRefreshToken(
            String value,
            String grantId,
            String clientId,
            String deviceId,
            long userId,
            String scope,
            long expiresAt) {}
}
