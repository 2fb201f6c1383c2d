package ru.paragraf.sferum.linkbase;

import java.util.List;

/** How an attempt to save credentials ended. */
sealed interface SaveOutcome {

    /** Stored: verified, or «не проверены» because Sferum could not be asked. */
    record Saved(StoredCommunity community) implements SaveOutcome {}

    /** The input itself is wrong; nothing was asked, nothing stored. */
    record Invalid(List<InputProblem> problems) implements SaveOutcome {}

    /** Sferum refused the pair; nothing stored, earlier credentials stay as they were. */
    record Refused(long communityId, RejectionReason reason) implements SaveOutcome {}

    /** Another organization holds this community; nothing stored. */
    record Taken(long communityId) implements SaveOutcome {}
}
