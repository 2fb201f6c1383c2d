package ru.paragraf.vkemulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The VK user and group objects as methods return them. */
final class Profiles {

    private Profiles() {}

    record UserObject(
            long id,
            String firstName,
            String lastName,
            boolean canAccessClosed,
            boolean isClosed,
            @Nullable Integer sex,
            @Nullable String screenName,
            @Nullable String bdate,
            @JsonProperty("photo_50") @Nullable String photo50,
            @JsonProperty("photo_100") @Nullable String photo100,
            @JsonProperty("photo_200") @Nullable String photo200) {}

    record GroupObject(
            long id,
            String name,
            String screenName,
            int isClosed,
            String type,
            int isAdmin,
            int isMember,
            int isAdvertiser,
            @JsonProperty("photo_50") String photo50,
            @JsonProperty("photo_100") String photo100,
            @JsonProperty("photo_200") String photo200) {}

    /** The base fields plus those of {@code sex, screen_name, bdate, photo_50, photo_100, photo_200} asked for. */
    static UserObject user(VkUser user, Set<String> fields) {
        return new UserObject(
                user.id(),
                user.firstName(),
                user.lastName(),
                true,
                false,
                fields.contains("sex") ? user.sex() : null,
                fields.contains("screen_name") ? "id" + user.id() : null,
                fields.contains("bdate") ? user.birthday() : null,
                fields.contains("photo_50") ? "https://vk.com/images/camera_50.png" : null,
                fields.contains("photo_100") ? "https://vk.com/images/camera_100.png" : null,
                fields.contains("photo_200") ? user.avatar() : null);
    }

    static GroupObject group(Community community) {
        return new GroupObject(
                community.id(),
                community.name(),
                community.screenName(),
                0,
                "group",
                0,
                0,
                0,
                "https://vk.com/images/community_50.png",
                "https://vk.com/images/community_100.png",
                "https://vk.com/images/community_200.png");
    }
}
