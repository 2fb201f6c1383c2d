package ru.paragraf.sferum.diary;

/** How a VK ID callback ended: linked, or refused with a reason and nothing changed. */
sealed interface LinkResult {

    record Linked(long vkUserId) implements LinkResult {}

    record Refused(LinkFailure reason) implements LinkResult {}
}
