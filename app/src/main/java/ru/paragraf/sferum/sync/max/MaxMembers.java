package ru.paragraf.sferum.sync.max;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The members and admins of a group chat ([SCH] 0.0.33 {@code /chats/{chatId}/members…}). */
public final class MaxMembers {

    /** MAX adds at most this many users per call. */
    public static final int MAX_ADD = 100;

    /** The largest page of {@code GET /chats/{chatId}/members}. */
    public static final int MAX_PAGE = 100;

    private MaxMembers() {}

    /** {@code GET /chats/{chatId}/members?count=&marker=}: one page; the answer's marker asks for the next. */
    public record Get(long chatId, int count, @Nullable Long marker) implements MaxRequest<Page> {

        public Get {
            if (count < 1 || count > MAX_PAGE) {
                throw new IllegalArgumentException("count must be 1 to " + MAX_PAGE);
            }
        }

        public static Get first(long chatId) {
            return new Get(chatId, MAX_PAGE, null);
        }

        @Override
        public String verb() {
            return "GET";
        }

        @Override
        public String template() {
            return "/chats/{chatId}/members";
        }

        @Override
        public String path() {
            return "/chats/" + chatId + "/members";
        }

        @Override
        public Map<String, String> query() {
            var query = new LinkedHashMap<String, String>();
            query.put("count", Integer.toString(count));
            if (marker != null) {
                query.put("marker", marker.toString());
            }
            return query;
        }

        @Override
        public Class<Page> responseType() {
            return Page.class;
        }
    }

    /** {@code GET /chats/{chatId}/members/me}: the bot's own membership of the chat, whether it is an admin. */
    public record Me(long chatId) implements MaxRequest<Member> {

        @Override
        public String verb() {
            return "GET";
        }

        @Override
        public String template() {
            return "/chats/{chatId}/members/me";
        }

        @Override
        public String path() {
            return "/chats/" + chatId + "/members/me";
        }

        @Override
        public Class<Member> responseType() {
            return Member.class;
        }
    }

    /** {@code GET /chats/{chatId}/members/admins}: the bot must be an admin itself. */
    public record Admins(long chatId) implements MaxRequest<Page> {

        @Override
        public String verb() {
            return "GET";
        }

        @Override
        public String template() {
            return "/chats/{chatId}/members/admins";
        }

        @Override
        public String path() {
            return "/chats/" + chatId + "/members/admins";
        }

        @Override
        public Class<Page> responseType() {
            return Page.class;
        }
    }

    /**
     * {@code POST /chats/{chatId}/members}: at most {@link #MAX_ADD} users. Adding a member again changes nothing, so
     * the call is safe to repeat. Users MAX would not add come back per user in {@link Added#refusals()}.
     */
    public record Add(long chatId, List<Long> userIds) implements MaxRequest<Added> {

        record Body(List<Long> userIds) {}

        public Add {
            userIds = List.copyOf(userIds);
            if (userIds.isEmpty() || userIds.size() > MAX_ADD) {
                throw new IllegalArgumentException("1 to " + MAX_ADD + " users per call");
            }
        }

        @Override
        public String verb() {
            return "POST";
        }

        @Override
        public String template() {
            return "/chats/{chatId}/members";
        }

        @Override
        public String path() {
            return "/chats/" + chatId + "/members";
        }

        @Override
        public Object body() {
            return new Body(userIds);
        }

        @Override
        public Class<Added> responseType() {
            return Added.class;
        }
    }

    /** {@code DELETE /chats/{chatId}/members?user_id=&block=}; removing a non-member is 404. */
    public record Remove(long chatId, long userId, boolean block) implements MaxRequest<MaxResult> {

        @Override
        public String verb() {
            return "DELETE";
        }

        @Override
        public String template() {
            return "/chats/{chatId}/members";
        }

        @Override
        public String path() {
            return "/chats/" + chatId + "/members";
        }

        @Override
        public Map<String, String> query() {
            return Map.of("user_id", Long.toString(userId), "block", Boolean.toString(block));
        }

        @Override
        public Class<MaxResult> responseType() {
            return MaxResult.class;
        }
    }

    /** [SCH] {@code ChatMember}; {@code permissions} only for admins. */
    public record Member(
            long userId,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String username,
            boolean isBot,
            boolean isOwner,
            boolean isAdmin,
            @Nullable List<String> permissions) {

        public List<String> permissionsOrNone() {
            return permissions == null ? List.of() : permissions;
        }
    }

    /** A page of members; {@code marker} is null on the last page. */
    public record Page(List<Member> members, @Nullable Long marker) {

        public Page {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /** Users MAX would not add, by its reason ({@code add.participant.privacy}, {@code add.participant.not.found}). */
    public record FailedUsers(String errorCode, List<Long> userIds) {

        public FailedUsers {
            userIds = userIds == null ? List.of() : List.copyOf(userIds);
        }
    }

    /** The answer of an add: success, and per refused user the reason. */
    public record Added(
            boolean success, @Nullable List<Long> failedUserIds, @Nullable List<FailedUsers> failedUserDetails) {

        /** Each refused user with MAX's reason; a refused user without a detail gets {@code unknown}. */
        public Map<Long, String> refusals() {
            var result = new LinkedHashMap<Long, String>();
            if (failedUserDetails != null) {
                failedUserDetails.forEach(detail -> detail.userIds().forEach(id -> result.put(id, detail.errorCode())));
            }
            if (failedUserIds != null) {
                failedUserIds.forEach(id -> result.putIfAbsent(id, "unknown"));
            }
            return result;
        }
    }
}
