package ru.paragraf.sferum.linkbase;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A hand-down preview as its page shows it.
 *
 * @param status {@code VERIFYING}, {@code READY} or {@code APPLIED}
 * @param done rows with a result (all but the pending ones)
 */
record HanddownView(
        UUID id,
        String fileName,
        String status,
        String createdAt,
        String expiresAt,
        @Nullable String appliedAt,
        int total,
        int done,
        int verified,
        int unverified,
        int errors,
        List<Row> rows) {

    /** A row of the preview table; the token masked. */
    record Row(
            int line,
            String organizationCode,
            @Nullable String organizationName,
            String messenger,
            String communityId,
            String tokenMasked,
            String outcome,
            String result,
            @Nullable String message,
            @Nullable String communityName) {}

    static HanddownView of(Handdown handdown, List<HanddownRow> rows, LinkbaseTexts texts) {
        boolean applied = handdown.status() == HanddownStatus.APPLIED;
        var views = rows.stream()
                .map(row -> new Row(
                        row.line(),
                        row.organizationCode(),
                        row.organizationName(),
                        texts.get("linkbase.messenger." + row.messenger()),
                        row.communityIdText(),
                        row.tokenMasked(),
                        row.outcome().name(),
                        result(row.outcome(), applied, texts),
                        row.message(),
                        row.communityName()))
                .toList();
        return new HanddownView(
                handdown.id(),
                handdown.fileName(),
                handdown.status().name(),
                texts.time(handdown.createdAt()),
                texts.time(handdown.expiresAt()),
                texts.time(handdown.appliedAt()),
                rows.size(),
                count(rows, null),
                count(rows, RowOutcome.VERIFIED),
                count(rows, RowOutcome.UNVERIFIED),
                count(rows, RowOutcome.ERROR),
                views);
    }

    static String result(RowOutcome outcome, boolean applied, LinkbaseTexts texts) {
        var key = "linkbase.handdown.outcome." + outcome.name();
        return applied && outcome.passed() ? texts.get(key + ".applied") : texts.get(key);
    }

    public boolean verifying() {
        return "VERIFYING".equals(status);
    }

    public boolean ready() {
        return "READY".equals(status);
    }

    public boolean applied() {
        return "APPLIED".equals(status);
    }

    public int passed() {
        return verified + unverified;
    }

    private static int count(List<HanddownRow> rows, @Nullable RowOutcome outcome) {
        return (int) rows.stream()
                .filter(row -> outcome == null ? row.outcome() != RowOutcome.PENDING : row.outcome() == outcome)
                .count();
    }
}
