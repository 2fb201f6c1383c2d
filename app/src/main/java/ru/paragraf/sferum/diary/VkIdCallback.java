package ru.paragraf.sferum.diary;

import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.secrets.SecretMask;

/**
 * The query of VK ID's redirect back to {@code /diary/vkid/callback}, success or error. VK's
 * {@code error_description} is not kept: the page explains in Russian, and nothing else reads it.
 */
record VkIdCallback(@Nullable String state, @Nullable String code, @Nullable String deviceId, @Nullable String error) {

    @Override
    public String toString() {
        return "VkIdCallback[code=%s, error=%s]".formatted(SecretMask.mask(code), error);
    }
}
