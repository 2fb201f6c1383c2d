package ru.paragraf.sferum.school.oneroster;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an upload, in Russian: either the counts of what was written with, per school, what changed in its
 * subject chats, or every problem found (the list may be cut at a configured length; {@code problemCount} and
 * {@code problemsByFile} count them all), or the news that the database refused the write and nothing was saved.
 * An applied import also tells what happened to the people's accounts.
 */
record ImportReport(
        Outcome outcome,
        String summary,
        List<ImportCount> counts,
        List<RosterChange> rosterChanges,
        int problemCount,
        Map<String, Integer> problemsByFile,
        List<ReportedProblem> problems,
        @Nullable AccountLines accounts) {

    /**
     * The accounts of the people: one summary of the counts, then a line per person whose login changed, who got
     * no account or kept an old login because of a conflict, or whom the package places in several schools.
     */
    record AccountLines(String summary, List<String> lines) {}

    enum Outcome {
        /** Everything was written. */
        APPLIED,
        /** The package has problems; nothing was written. */
        REJECTED,
        /** The database refused the write; everything was rolled back. */
        FAILED
    }

    /**
     * One problem: where it is (a line of 0 is omitted: the problem is the whole file's), the offending value
     * with control characters made visible, the reason, and the whole sentence as the page shows it.
     */
    record ReportedProblem(
            String file,
            @Nullable Integer line,
            @Nullable String column,
            @Nullable String value,
            String message,
            String text) {}

    /**
     * What the import changed for one school's subject chats: in how many journals with «Чат по предмету» the members
     * changed, and how many pupils left their class and groups because a full package no longer lists them.
     */
    record RosterChange(UUID organization, String organizationName, int journals, int pupilsLeft, String text) {}

    /** Public, as templates call it. */
    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }

    public boolean listIsCut() {
        return problems.size() < problemCount;
    }
}
