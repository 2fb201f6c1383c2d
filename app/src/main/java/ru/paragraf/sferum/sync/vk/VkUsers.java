package ru.paragraf.sferum.sync.vk;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** users.get: who a VK account is. */
public final class VkUsers {

    private VkUsers() {}

    /** users.get; with no ids and a user token, VK answers the token's own user. */
    public record Get(List<Long> userIds, List<String> fields) implements VkRequest<Users> {

        public Get {
            userIds = List.copyOf(userIds);
            fields = List.copyOf(fields);
        }

        public static Get of(Long... userIds) {
            return new Get(List.of(userIds), List.of());
        }

        @Override
        public String method() {
            return "users.get";
        }

        @Override
        public VkParams params() {
            return VkParams.of().withList("user_ids", userIds).withList("fields", fields);
        }

        @Override
        public Class<Users> responseType() {
            return Users.class;
        }
    }

    /** The users found; unknown ids are left out. */
    public record Users(List<User> users) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public Users {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    /** A VK user; {@code deactivated} is {@code deleted} or {@code banned} for accounts that are gone. */
    public record User(
            long id,
            String firstName,
            String lastName,
            @Nullable String deactivated,
            @Nullable Boolean isClosed,
            @Nullable String screenName) {}
}
