package ru.paragraf.sferum.readiness;

import java.text.Collator;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** A column of the readiness table and how it sorts, worst or least first; the query parameter is its name in lower case. */
enum ReadinessColumn {
    SCHOOL(Comparator.comparing(r -> r.organization().shortName(), names())),
    DISTRICT(Comparator.comparing(r -> r.organization().districtName(), names())),
    STAGE(Comparator.comparing(SchoolReadiness::stage)),
    CREDENTIALS(Comparator.comparing(SchoolReadiness::credentials)),
    TASK(Comparator.comparingInt(r -> r.task() == null ? 0 : r.task().enabled() ? 2 : 1)),
    LAST_RUN(
            Comparator.comparing(r -> Optional.ofNullable(r.lastRunFinishedAt()).orElse(Instant.MIN))),
    TEACHERS(Comparator.comparingInt(SchoolReadiness::teacherPercent)
            .thenComparingInt(r -> r.teachers().linked())),
    CHATS(Comparator.comparingInt((SchoolReadiness r) -> r.sync().chatsCreated())
            .thenComparingInt(r -> r.sync().chatsRequested())),
    CALLS(Comparator.comparingInt((SchoolReadiness r) -> r.sync().callsReady())
            .thenComparingInt(r -> r.sync().videoLessons())),
    ERRORS(Comparator.comparingInt(SchoolReadiness::errors));

    private final Comparator<SchoolReadiness> order;

    ReadinessColumn(Comparator<SchoolReadiness> order) {
        this.order = order;
    }

    public Comparator<SchoolReadiness> order() {
        return order;
    }

    /** The value of the {@code sort} parameter. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ReadinessColumn> of(String parameter) {
        for (var column : values()) {
            if (column.parameter().equals(parameter)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    private static Comparator<String> names() {
        var collator = Collator.getInstance(Locale.forLanguageTag("ru"));
        return collator::compare;
    }
}
