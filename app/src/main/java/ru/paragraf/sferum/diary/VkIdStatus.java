package ru.paragraf.sferum.diary;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The teacher's VK ID link as the «Чаты» tab shows it; never carries a token. */
record VkIdStatus(
        boolean configured,
        boolean linked,
        boolean relinkRequired,
        @Nullable Long vkUserId,
        @Nullable ZonedDateTime linkedAt) {

    static VkIdStatus of(boolean configured, Optional<VkLink> link, ZoneId zone) {
        return link.map(it -> new VkIdStatus(
                        configured,
                        true,
                        it.relinkRequired(),
                        it.vkUserId(),
                        it.linkedAt().atZoneSameInstant(zone)))
                .orElseGet(() -> new VkIdStatus(configured, false, false, null, null));
    }
}
