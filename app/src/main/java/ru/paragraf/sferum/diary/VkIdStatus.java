package ru.paragraf.sferum.diary;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.PersonKind;

/**
 * The person's own VK ID link as the «Чаты» tab shows it to them; never carries a token. {@code kind} picks the
 * texts: what linking does differs for a teacher, a pupil and a parent.
 */
record VkIdStatus(
        PersonKind kind,
        boolean configured,
        boolean linked,
        boolean relinkRequired,
        @Nullable Long vkUserId,
        @Nullable ZonedDateTime linkedAt) {

    static VkIdStatus of(PersonKind kind, boolean configured, Optional<VkLink> link, ZoneId zone) {
        return link.map(it -> new VkIdStatus(
                        kind,
                        configured,
                        true,
                        it.relinkRequired(),
                        it.vkUserId(),
                        it.linkedAt().atZoneSameInstant(zone)))
                .orElseGet(() -> new VkIdStatus(kind, configured, false, false, null, null));
    }
}
