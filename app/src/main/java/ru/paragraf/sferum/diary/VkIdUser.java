package ru.paragraf.sferum.diary;

import org.jspecify.annotations.Nullable;

/**
 * VK ID's answer to {@code POST /oauth2/user_info}: {@code {"user":{"user_id":"…",…}}}, where the id is a string.
 */
record VkIdUser(Profile user) {

    VkIdUser {
        if (user == null) {
            throw new IllegalArgumentException("user_info without user");
        }
    }

    record Profile(String userId, @Nullable String firstName, @Nullable String lastName) {

        Profile {
            if (userId == null || !userId.matches("[1-9][0-9]{0,18}")) {
                throw new IllegalArgumentException("user_info without a numeric user_id");
            }
        }
    }

    long userId() {
        return Long.parseLong(user.userId());
    }
}
