package ru.paragraf.sferum.sync.vk;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** groups.getById and groups.getTokenPermissions: what a community token belongs to and may do. */
public final class VkGroups {

    private VkGroups() {}

    /** groups.getById; with no ids and a community token, VK answers the token's own community. */
    public record GetById(List<String> groupIds) implements VkRequest<Groups> {

        public GetById {
            groupIds = List.copyOf(groupIds);
        }

        /** The community of the calling community token. */
        public static GetById own() {
            return new GetById(List.of());
        }

        public static GetById of(long groupId) {
            return new GetById(List.of(String.valueOf(groupId)));
        }

        @Override
        public String method() {
            return "groups.getById";
        }

        @Override
        public VkParams params() {
            return VkParams.of().withList("group_ids", groupIds);
        }

        @Override
        public Class<Groups> responseType() {
            return Groups.class;
        }
    }

    /** The 5.199 answer of groups.getById. */
    public record Groups(List<Group> groups) {

        public Groups {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /**
     * A community.
     *
     * @param isClosed 0 open, 1 closed, 2 private
     * @param type {@code group}, {@code page} or {@code event}
     */
    public record Group(
            long id,
            String name,
            @Nullable String screenName,
            int isClosed,
            @Nullable String type,
            @Nullable String deactivated,
            @JsonProperty("photo_100") @Nullable String photo100) {}

    /** groups.getTokenPermissions: community tokens only. */
    public record GetTokenPermissions() implements VkRequest<TokenPermissions> {

        @Override
        public String method() {
            return "groups.getTokenPermissions";
        }

        @Override
        public VkParams params() {
            return VkParams.of();
        }

        @Override
        public Class<TokenPermissions> responseType() {
            return TokenPermissions.class;
        }
    }

    /** The scopes of a community token: a bit mask and the named permissions. */
    public record TokenPermissions(long mask, List<Permission> permissions) {

        public TokenPermissions {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }

        /** Whether the token has the permission, e.g. {@code messages}. */
        public boolean allows(String name) {
            return permissions.stream().anyMatch(p -> p.name().equals(name));
        }
    }

    /** One named permission and its bit. */
    public record Permission(String name, long setting) {}
}
