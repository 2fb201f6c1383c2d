package ru.paragraf.vkemulator;

import org.jspecify.annotations.Nullable;

/** A test VK account that can log in at the VK ID page and act with a user token. */
record VkUser(
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
