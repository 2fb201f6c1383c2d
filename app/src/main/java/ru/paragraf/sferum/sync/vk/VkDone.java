package ru.paragraf.sferum.sync.vk;

import com.fasterxml.jackson.annotation.JsonCreator;

/** VK's plain {@code 1}: the method did what was asked (editChat, removeChatUser, addChatUser, forceFinish). */
public record VkDone(int value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VkDone of(int value) {
        return new VkDone(value);
    }
}
