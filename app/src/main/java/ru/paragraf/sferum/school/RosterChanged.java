package ru.paragraf.sferum.school;

import java.util.Set;
import java.util.UUID;

/**
 * Who belongs in the subject chats of these journals of one organization may have changed (the view
 * {@code school.sync_journal_member} now answers differently for them). The journals are listed, never implied: an
 * empty set is refused. Only journals whose «Чат по предмету» is switched on are listed, since no other journal has a
 * chat to keep in step. Published in the transaction of the change.
 *
 * @param organization the school the journals belong to
 * @param journals the journals whose members may differ now; never empty
 * @param reasons why, as far as the change tells it; never empty
 */
public record RosterChanged(UUID organization, Set<UUID> journals, Set<Reason> reasons) {

    public RosterChanged {
        journals = Set.copyOf(journals);
        reasons = Set.copyOf(reasons);
        if (journals.isEmpty()) {
            throw new IllegalArgumentException("A roster change names its journals; none given for " + organization);
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("A roster change says why; no reason given for " + organization);
        }
    }

    /** Why the members may differ; an import tells them apart by comparing the members before and after it. */
    public enum Reason {
        /** A pupil joined the journal's class or group who was in no journal of the school before (new at school). */
        PUPIL_JOINED,
        /** A pupil joined or left the journal's class or group and is still taught in another journal of the school. */
        PUPIL_MOVED,
        /** A pupil left the journal's class or group and is in no journal of the school any more (left the school). */
        PUPIL_LEFT,
        /** A parent was linked to a pupil of the journal (matters where parents are in the chats). */
        PARENT_LINKED,
        /** A parent was unlinked from a pupil of the journal (matters where parents are in the chats). */
        PARENT_UNLINKED,
        /** A teacher of the journal was added, replaced or removed. */
        TEACHER_CHANGED,
        /** The school switched «Родители в предметных чатах»: the pupils' parents join or leave. */
        PARENTS_IN_CHATS_CHANGED
    }
}
