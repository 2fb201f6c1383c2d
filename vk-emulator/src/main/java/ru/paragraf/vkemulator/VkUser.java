package ru.paragraf.vkemulator;

/** A test VK account that can log in at the VK ID page and act with a user token. */
record VkUser(
        long id,
        String firstName,
        String lastName,
        String login,
        String password,
        String email,
        String phone,
        int sex,
        String birthday,
        String avatar) {}
