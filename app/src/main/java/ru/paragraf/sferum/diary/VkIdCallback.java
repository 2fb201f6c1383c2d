package ru.paragraf.sferum.diary;

import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.secrets.SecretMask;

/** The query of VK ID's redirect back to {@code /diary/vkid/callback}, success or error. */
record VkIdCallback(
        @Nullable String state,
        @Nullable String code,
        @Nullable String deviceId,
        @Nullable String error,
        @Nullable String errorDescription) {

    @Override
    public String toString() {
        return "VkIdCallback[code=%s, error=%s]".formatted(SecretMask.mask(code), error);
    }
}
