package ru.paragraf.sferum.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which month the journal page shows, and which it offers around it. */
class JournalMonthsTests {

    static final LocalDate STARTS = LocalDate.of(2026, 9, 1), ENDS = LocalDate.of(2027, 8, 31);

    @Test
    void showsTodaysMonthWithinTheYearAndOffersBothNeighbours() {
        var months = JournalMonths.of(STARTS, ENDS, Map.of(), null, LocalDate.of(2026, 12, 6));

        assertThat(months.shown()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(months.showsCurrent()).isTrue();
        assertThat(months.previous()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(months.next()).isEqualTo(YearMonth.of(2027, 1));
        assertThat(months.firstDay()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(months.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void showsTheFirstMonthBeforeTheYearAndTheLastAfterIt() {
        var before = JournalMonths.of(STARTS, ENDS, Map.of(), null, LocalDate.of(2026, 8, 20));
        var after = JournalMonths.of(STARTS, ENDS, Map.of(), null, LocalDate.of(2027, 9, 10));

        assertThat(before.shown()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(before.previous())
                .as("nothing before the year's first month")
                .isNull();
        assertThat(before.next()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(after.shown()).isEqualTo(YearMonth.of(2027, 8));
        assertThat(after.next()).as("nothing after the year's last month").isNull();
        assertThat(after.previous()).isEqualTo(YearMonth.of(2027, 7));
    }

    @Test
    void showsAMonthAskedForWithinTheYearAndTheCurrentOneForAnyOther() {
        var today = LocalDate.of(2026, 12, 6);

        var asked = JournalMonths.of(STARTS, ENDS, Map.of(), YearMonth.of(2027, 3), today);
        assertThat(asked.shown()).isEqualTo(YearMonth.of(2027, 3));
        assertThat(asked.showsCurrent()).isFalse();
        assertThat(asked.current()).isEqualTo(YearMonth.of(2026, 12));

        for (var outside : new YearMonth[] {YearMonth.of(2026, 8), YearMonth.of(2027, 9), YearMonth.of(1999, 1)}) {
            assertThat(JournalMonths.of(STARTS, ENDS, Map.of(), outside, today).shown())
                    .as("%s lies outside the year", outside)
                    .isEqualTo(YearMonth.of(2026, 12));
        }
    }

    @Test
    void listsEveryMonthOfTheYearWithItsLessonsAndZeroForTheEmptyOnes() {
        var months = JournalMonths.of(
                STARTS,
                ENDS,
                Map.of(YearMonth.of(2026, 9), 17, YearMonth.of(2027, 5), 3),
                null,
                LocalDate.of(2026, 12, 6));

        assertThat(months.months()).hasSize(12);
        assertThat(months.months().get(0)).isEqualTo(new JournalMonths.MonthLessons(YearMonth.of(2026, 9), 17, false));
        assertThat(months.months().get(1)).isEqualTo(new JournalMonths.MonthLessons(YearMonth.of(2026, 10), 0, false));
        assertThat(months.months().get(8)).isEqualTo(new JournalMonths.MonthLessons(YearMonth.of(2027, 5), 3, false));
        assertThat(months.months().get(11).month()).isEqualTo(YearMonth.of(2027, 8));
        assertThat(months.months())
                .filteredOn(JournalMonths.MonthLessons::shown)
                .singleElement()
                .isEqualTo(new JournalMonths.MonthLessons(YearMonth.of(2026, 12), 0, true));
    }

    @Test
    void aLessonOutsideTheYearStillHasItsMonth() {
        // the fixture's Monday may fall on 31 August when a test runs in the first days of September
        var months = JournalMonths.of(
                STARTS, ENDS, Map.of(YearMonth.of(2026, 8), 1), YearMonth.of(2026, 8), LocalDate.of(2026, 9, 2));

        assertThat(months.months().get(0)).isEqualTo(new JournalMonths.MonthLessons(YearMonth.of(2026, 8), 1, true));
        assertThat(months.shown()).isEqualTo(YearMonth.of(2026, 8));
        assertThat(months.current()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(months.next()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(months.previous()).isNull();
    }

    @Test
    void readsAMonthFromTheUrlAndNothingFromAnythingElse() {
        assertThat(JournalMonths.parse("2026-12")).isEqualTo(YearMonth.of(2026, 12));
        assertThat(JournalMonths.parse(" 2027-01 ")).isEqualTo(YearMonth.of(2027, 1));
        for (var wrong :
                new String[] {"2026-13", "2026-00", "december", "", "2026-12-06", "2026-12,2027-01", "12.2026"}) {
            assertThat(JournalMonths.parse(wrong)).as(wrong).isNull();
        }
        assertThat(JournalMonths.parse(null)).isNull();
    }
}
