package ru.paragraf.sferum.diary;

import java.util.Optional;

/**
 * What {@link PersonVkAccess} can offer for a person (teacher, pupil, parent): a valid user token ({@link VkUserAccess}), or why not.
 * Callers tell the cases apart with {@code instanceof}.
 */
public sealed interface VkAccess
        permits VkUserAccess, VkAccess.NotLinked, VkAccess.RelinkRequired, VkAccess.Unavailable {

    /** The granted access, if this is one. */
    default Optional<VkUserAccess> granted() {
        return this instanceof VkUserAccess access ? Optional.of(access) : Optional.empty();
    }

    /** The person has not linked a VK ID. */
    record NotLinked() implements VkAccess {}

    /**
     * VK ID no longer accepts the link's refresh token (revoked, expired or rotated away): the person has to press
     * «Привязать к VK ID» again. The link is kept and marked, never deleted silently.
     */
    record RelinkRequired(long vkUserId) implements VkAccess {}

    /** VK ID did not answer while the token had to be refreshed; try again later. Nothing was changed. */
    record Unavailable() implements VkAccess {}
}
