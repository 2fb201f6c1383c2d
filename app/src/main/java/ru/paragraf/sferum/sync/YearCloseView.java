package ru.paragraf.sferum.sync;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * «Закрыть учебный год» of one school: what closing the year does (before it is closed), or what it did (after).
 *
 * @param closed whether the year is closed for the school; then {@code chats} are the ones archived or being archived
 * @param closedBy who closed it, as the audit names people; null: the scheduled run (or not closed)
 * @param emptyChats the school's choice: pupils and parents taken out of the archived chats (else kept as they are)
 * @param choice the choice in words, saying plainly what «kept» means
 * @param chats the subject chats of the year: each renamed with the year and its closing message pinned
 * @param callsToFinish the year's calls still live, finished by the close
 * @param membersToRemove the pupils and parents taken out of the chats (0 unless {@code emptyChats})
 * @param years the academic years of the school to choose from
 */
record YearCloseView(
        UUID organizationId,
        String organization,
        UUID yearId,
        String year,
        boolean closed,
        @Nullable OffsetDateTime closedAt,
        @Nullable String closedBy,
        boolean emptyChats,
        String choice,
        List<ChatToArchive> chats,
        int callsToFinish,
        int membersToRemove,
        List<Year> years) {

    /**
     * A chat the close archives.
     *
     * @param title its title now
     * @param newTitle its title once archived, «Алгебра 7А · 2025/2026»
     * @param archived whether the ledger holds it archived already
     * @param membersToRemove its pupils and parents taken out (0 unless the school empties archived chats)
     */
    record ChatToArchive(UUID journalId, String title, String newTitle, boolean archived, int membersToRemove) {}

    /** An academic year of the school, «2025/2026». */
    record Year(UUID id, String title, boolean closed) {}
}
