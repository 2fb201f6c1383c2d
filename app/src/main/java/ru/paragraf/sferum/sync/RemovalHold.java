package ru.paragraf.sferum.sync;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A school's hold on big removals ({@code sync.removal_hold}).
 *
 * @param removals the removals pending when the hold was made
 * @param members the school's people in its chats then
 */
record RemovalHold(
        UUID id,
        UUID organization,
        OffsetDateTime createdAt,
        int removals,
        int members,
        RemovalHoldState state,
        @Nullable OffsetDateTime decidedAt,
        @Nullable String decidedBy) {}
