package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One removal a hold keeps back: who would leave which chat, as the REMOVE_MEMBER step selects it.
 *
 * @param person the person in the school's data, if the chat's ledger knows them
 * @param parentsInChat whether the journal's chat still has parents, so that a parent's removal means their child
 *     left, not that the school keeps parents out
 */
record HeldRemoval(
        UUID journal,
        @Nullable String chatTitle,
        @Nullable UUID person,
        MemberRole role,
        long vkUser,
        boolean parentsInChat) {}
