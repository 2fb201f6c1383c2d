package ru.paragraf.sferum.sync;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A journal's «Состав чата»: who belongs in its subject chat, each with their state in Russian, and the strangers
 * the member checks found. Shown only to the school's admin, the operators over it and the journal's teachers.
 *
 * @param chatCreated whether the journal's chat exists (none: nobody is in it yet)
 * @param checkedAt when the chat's members were last read from the messenger; null: never
 */
record ChatMembersView(
        UUID journalId,
        UUID organizationId,
        String chatTitle,
        boolean chatCreated,
        @Nullable OffsetDateTime checkedAt,
        List<Member> members,
        List<Stranger> strangers) {

    /** What the page says of a member who belongs. */
    enum State {
        IN_CHAT,
        ADDING,
        LEFT,
        NOT_LINKED,
        ERROR
    }

    /**
     * Someone who belongs.
     *
     * @param stateText the state in Russian, with the error if there is one
     * @param note «замена до 11:00» for a substitute of the day who does not teach the journal; null otherwise
     */
    record Member(
            MemberRole role,
            UUID personId,
            String name,
            @Nullable Long vkUserId,
            State state,
            String stateText,
            @Nullable String note) {}

    /** Someone in the chat who does not belong, with the name VK gives; {@code removedAt} once the community took them out. */
    record Stranger(
            long vkUserId,
            @Nullable String name,
            OffsetDateTime firstSeenAt,
            OffsetDateTime lastSeenAt,
            @Nullable OffsetDateTime removedAt) {}
}
