package ru.paragraf.sferum.sync;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * «Удержанные удаления» of a school, for the page and the API: the school's latest hold and, while it is HELD, who
 * its removals would take out of which chat and why, computed now from the same rows as the planner's step.
 *
 * @param holdId the latest hold; null if the school never had one
 * @param state HELD, RELEASED or DISCARDED; null without a hold
 * @param heldRemovals the removals pending when the hold was made
 * @param members the school's people in its chats then
 * @param threshold the most removals the school may have pending now without a hold
 * @param status what the page says of the hold, in Russian
 * @param removals while HELD: what releasing would remove; empty otherwise
 */
record RemovalHoldView(
        UUID organizationId,
        String organization,
        @Nullable UUID holdId,
        @Nullable RemovalHoldState state,
        @Nullable OffsetDateTime createdAt,
        int heldRemovals,
        int members,
        int threshold,
        @Nullable OffsetDateTime decidedAt,
        @Nullable String decidedBy,
        String status,
        List<Removal> removals) {

    /**
     * One person who would leave one chat.
     *
     * @param person the person's name in the school's data, or «участник VK …» if it does not know them
     * @param reason why they no longer belong, in Russian
     */
    record Removal(
            UUID journalId,
            String chat,
            @Nullable UUID personId,
            String person,
            MemberRole role,
            String roleText,
            String reason,
            long vkUserId) {}

    public boolean held() {
        return state == RemovalHoldState.HELD;
    }
}
