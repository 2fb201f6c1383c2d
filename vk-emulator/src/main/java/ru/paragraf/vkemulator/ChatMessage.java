package ru.paragraf.vkemulator;

import org.jspecify.annotations.Nullable;

/**
 * A message in a chat; service messages (chat created, user invited, …) carry an {@code action}.
 *
 * @param id emulator-wide message id (VK numbers messages per account; the emulator does not)
 * @param conversationMessageId the per-chat id, 1 for the "chat created" service message
 */
record ChatMessage(
        long id,
        long conversationMessageId,
        long fromId,
        String text,
        long randomId,
        long date,
        @Nullable String action,
        @Nullable Long actionMemberId) {}
