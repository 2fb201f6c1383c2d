package ru.paragraf.vkemulator;

import org.jspecify.annotations.Nullable;

/**
 * What became of a test's "this VK user joins / leaves a chat" ({@link VkEmulator#joinByLink},
 * {@link VkEmulator#leaveChat}, {@code POST /_emulator/chats/…}): done, or refused with the VK error the user's own
 * API call would have got.
 *
 * @param id the emulator's chat id ({@link EmulatorSnapshot.Chat#id()}); null when refused
 * @param chatId the chat's id in the user's own numbering; null when refused
 * @param errorCode VK's error code when refused, e.g. 917 for a revoked link; null when done
 * @param errorMsg VK's error message when refused
 */
public record MembershipOutcome(
        @Nullable Long id, @Nullable Long chatId, @Nullable Integer errorCode, @Nullable String errorMsg) {

    static MembershipOutcome of(long id, long chatId) {
        return new MembershipOutcome(id, chatId, null, null);
    }

    static MembershipOutcome refused(ApiError error) {
        return new MembershipOutcome(null, null, error.code(), error.getMessage());
    }

    /** Whether VK let it happen. */
    public boolean done() {
        return errorCode == null;
    }
}
