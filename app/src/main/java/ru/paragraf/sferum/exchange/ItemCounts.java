package ru.paragraf.sferum.exchange;

/** How many items of a run ended with each result. */
public record ItemCounts(int ok, int warnings, int errors, int skipped) {

    public int total() {
        return ok + warnings + errors + skipped;
    }
}
