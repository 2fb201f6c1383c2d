package ru.paragraf.vkemulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's state at one moment, as the inspection API ({@code GET /_emulator/state}) returns it.
 * Tokens appear masked with an internal id, never with their value.
 */
public record EmulatorSnapshot(
        List<Community> communities,
        List<User> users,
        List<Client> clients,
        List<Chat> chats,
        List<Call> calls,
        Stats stats) {

    public record Community(long id, String name, String screenName, List<TokenInfo> tokens) {}

    /** A token by internal id and masked value. */
    public record TokenInfo(String id, String token, int mask, List<String> permissions, boolean revoked) {}

    public record User(long id, String firstName, String lastName, String login) {}

    public record Client(String clientId, List<String> redirectUris) {}

    /**
     * A chat.
     *
     * @param ownerId the creator's peer id ({@code -group_id} for a community)
     * @param localIds each member's peer id → that member's own chat_id (peer_id = 2000000000 + chat_id)
     * @param history every membership change in order (emulator-only: VK shows them only as service messages)
     * @param pinned the conversation_message_id of the pinned message, null if none
     */
    public record Chat(
            long id,
            long ownerId,
            String title,
            long createdAt,
            @Nullable String inviteLink,
            Map<Long, Long> localIds,
            List<Member> members,
            List<Message> messages,
            List<MembershipChange> history,
            @Nullable Long pinned) {

        /** Members whose state is {@code in}. */
        public List<Member> activeMembers() {
            return members.stream().filter(m -> m.state().equals("in")).toList();
        }

        /**
         * Who was in the chat right after the change numbered {@code seq} (replaying the history; 0: before any),
         * in joining order.
         */
        public Set<Long> membersAfter(long seq) {
            var in = new LinkedHashSet<Long>();
            for (var change : history) {
                if (change.seq() > seq) {
                    break;
                }
                if (change.bringsIn()) {
                    in.add(change.memberId());
                } else {
                    in.remove(change.memberId());
                }
            }
            return in;
        }

        /** The pinned message, if any. */
        public java.util.Optional<Message> pinnedMessage() {
            return messages.stream()
                    .filter(m -> pinned != null && m.action() == null && m.conversationMessageId() == pinned)
                    .findFirst();
        }

        /** Messages that are not service messages (chat created, user invited, …). */
        public List<Message> textMessages() {
            return messages.stream().filter(m -> m.action() == null).toList();
        }
    }

    /**
     * One change of a chat's membership.
     *
     * @param seq its number in one sequence shared by all chats: a smaller number happened earlier
     * @param change {@code created} (the owner), {@code added} (by another member, at creation or with addChatUser),
     *     {@code joined} (by an invite link), {@code removed} (by an admin: kicked) or {@code left} (on their own)
     * @param memberId who came in or went out ({@code -group_id} for a community)
     * @param actorId who did it: the member themselves for joined and left
     * @param date Unix time in seconds
     */
    public record MembershipChange(long seq, String change, long memberId, long actorId, long date) {

        /** Whether the member came in (created, added, joined) rather than went out (removed, left). */
        public boolean bringsIn() {
            return change.equals("created") || change.equals("added") || change.equals("joined");
        }
    }

    /** A chat member; {@code state} is {@code in}, {@code kicked} or {@code left}. */
    public record Member(
            long memberId, String state, long invitedBy, long joinDate, boolean isOwner, boolean isAdmin) {}

    public record Message(
            long id,
            long conversationMessageId,
            long fromId,
            String text,
            long randomId,
            long date,
            @Nullable String action,
            @Nullable Long actionMemberId) {}

    /** A call; {@code state} is {@code active} or {@code finished}. */
    public record Call(
            String callId,
            long startedBy,
            @Nullable Long groupId,
            String joinLink,
            long startedAt,
            @Nullable Long finishedAt,
            @Nullable Long finishedBy,
            String state) {}

    /**
     * Counters since start or the last reset.
     *
     * @param methodCalls VK API calls per method name, whatever their outcome
     * @param methodErrors error answers per method name and error code
     * @param tokenRequests requests per token that its rate limit let through, whatever their answer
     */
    public record Stats(
            Map<String, Long> methodCalls,
            Map<String, Map<Integer, Long>> methodErrors,
            List<TokenRequests> tokenRequests,
            List<RateLimitViolations> rateLimitViolations) {

        public long callsOf(String method) {
            return methodCalls.getOrDefault(method, 0L);
        }

        public long errorsOf(String method, int code) {
            return methodErrors.getOrDefault(method, Map.of()).getOrDefault(code, 0L);
        }

        public long totalRateLimitViolations() {
            return rateLimitViolations.stream()
                    .mapToLong(RateLimitViolations::count)
                    .sum();
        }
    }

    /**
     * Requests of one token within its rate limit, identified by internal id and masked value; {@code kind} is
     * {@code community} or {@code user}, {@code ownerId} the community's or the user's id.
     */
    public record TokenRequests(String tokenId, String token, String kind, long ownerId, long count) {}

    /** Error-6 answers of one token, identified by internal id and masked value. */
    public record RateLimitViolations(String tokenId, String token, String kind, long ownerId, long count) {}

    public @Nullable Chat chat(long id) {
        return chats.stream().filter(c -> c.id() == id).findFirst().orElse(null);
    }

    /**
     * The chat that {@code peer} (a user id, or {@code -group_id}) knows as {@code chatId} in its own numbering, e.g.
     * the {@code chat_id} messages.createChat answered a community; null when there is none.
     */
    public @Nullable Chat chatOf(long peer, long chatId) {
        return chats.stream()
                .filter(c -> Long.valueOf(chatId).equals(c.localIds().get(peer)))
                .findFirst()
                .orElse(null);
    }
}
