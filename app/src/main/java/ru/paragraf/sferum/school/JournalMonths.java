package ru.paragraf.sferum.school;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The months of a journal's academic year with how many lessons each holds, and the one the journal page shows: a
 * month at a time, as the paper and electronic class journals do, so that a page costs a month's rows and not a
 * year's (docs/benchmarks.md, «Page cost»).
 *
 * @param months the year's months in order, each with its lessons' count
 * @param shown the month the page shows
 * @param current the month shown when none is asked for: today's, or the year's nearest end outside it
 */
record JournalMonths(List<MonthLessons> months, YearMonth shown, YearMonth current) {

    /** A month of the year, how many lessons the journal has in it, and whether the page shows it. */
    record MonthLessons(YearMonth month, int lessons, boolean shown) {}

    /**
     * The months from the year's first to its last, widened to any month that holds a lesson (a lesson's date lies
     * within its year, so none should; but no lesson is ever out of reach). The month asked for is shown if it is
     * one of them; otherwise, and when none is asked for, the current one: today's month within the year, its first
     * month before it, its last after it.
     */
    static JournalMonths of(
            LocalDate yearStarts,
            LocalDate yearEnds,
            Map<YearMonth, Integer> lessons,
            @Nullable YearMonth asked,
            LocalDate today) {
        var first = YearMonth.from(yearStarts);
        var last = YearMonth.from(yearEnds);
        for (var month : lessons.keySet()) {
            first = month.isBefore(first) ? month : first;
            last = month.isAfter(last) ? month : last;
        }
        var now = YearMonth.from(today);
        var current = now.isBefore(YearMonth.from(yearStarts))
                ? YearMonth.from(yearStarts)
                : now.isAfter(YearMonth.from(yearEnds)) ? YearMonth.from(yearEnds) : now;
        var shown = asked != null && !asked.isBefore(first) && !asked.isAfter(last) ? asked : current;
        var months = new ArrayList<MonthLessons>();
        for (var month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(new MonthLessons(month, lessons.getOrDefault(month, 0), month.equals(shown)));
        }
        return new JournalMonths(List.copyOf(months), shown, current);
    }

    /** The month a {@code ?month=2026-12} parameter names, or null when it names none: a person may edit the URL. */
    static @Nullable YearMonth parse(@Nullable String month) {
        if (month == null) {
            return null;
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The month before the shown one, or null at the year's beginning. */
    public @Nullable YearMonth previous() {
        var previous = shown.minusMonths(1);
        return previous.isBefore(months.get(0).month()) ? null : previous;
    }

    /** The month after the shown one, or null at the year's end. */
    public @Nullable YearMonth next() {
        var next = shown.plusMonths(1);
        return next.isAfter(months.get(months.size() - 1).month()) ? null : next;
    }

    /** Whether the page shows the month it shows when none is asked for. */
    public boolean showsCurrent() {
        return shown.equals(current);
    }

    /** The first and the last day of the shown month, between which its lessons are read. */
    LocalDate firstDay() {
        return shown.atDay(1);
    }

    LocalDate lastDay() {
        return shown.atEndOfMonth();
    }
}
