package ru.paragraf.sferum.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.readiness.Schools.school;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.paragraf.sferum.exchange.ExchangeRunStatus;
import ru.paragraf.sferum.linkbase.RejectionReason;
import ru.paragraf.sferum.linkbase.VerificationState;

/** The table sorts by every column in both directions, stably, and reads its order from the query parameters. */
class ReadinessOrderTests {

    static final List<SchoolReadiness> SCHOOLS = List.of(
            school("01", "Школа № 5", "Адмиралтейский")
                    .verified()
                    .lastRun(ExchangeRunStatus.SUCCEEDED, Instant.parse("2026-11-20T10:00:00Z"), 0)
                    .teachers(9, 10)
                    .chats(4, 3, 0)
                    .calls(6, 6, 0)
                    .build(),
            school("02", "Гимназия № 1", "Василеостровский")
                    .credentials(VerificationState.FAILED, RejectionReason.TOKEN_REVOKED)
                    .teachers(1, 10)
                    .chats(2, 0, 2)
                    .build(),
            school("03", "Лицей № 30", "Адмиралтейский")
                    .verified()
                    .task(false)
                    .teachers(5, 10)
                    .calls(3, 1, 1)
                    .build(),
            school("04", "Ёлочка", "Выборгский").build());

    @ParameterizedTest
    @EnumSource(ReadinessColumn.class)
    void sortsByEveryColumnBothWays(ReadinessColumn column) {
        var ascending = new ReadinessOrder(column, false).sort(SCHOOLS);
        var descending = new ReadinessOrder(column, true).sort(SCHOOLS);
        assertThat(ascending).isSortedAccordingTo(column.order());
        assertThat(descending).isSortedAccordingTo(column.order().reversed());
        assertThat(ascending).containsExactlyInAnyOrderElementsOf(SCHOOLS);
    }

    @Test
    void sortsWhatMattersTheWayAPersonExpects() {
        assertThat(codes(ReadinessOrder.of("school", "asc")))
                .as("Russian collation: Ё sorts with Е")
                .containsExactly("02", "04", "03", "01");
        assertThat(codes(ReadinessOrder.of("teachers", "desc"))).containsExactly("01", "03", "02", "04");
        assertThat(codes(ReadinessOrder.of("stage", "asc"))).containsExactly("02", "04", "03", "01");
        assertThat(codes(ReadinessOrder.of("errors", "desc"))).containsExactly("02", "03", "01", "04");
        assertThat(codes(ReadinessOrder.of("credentials", "asc"))).containsExactly("04", "02", "01", "03");
        assertThat(codes(ReadinessOrder.of("last_run", "desc"))).containsExactly("01", "02", "03", "04");
        assertThat(codes(ReadinessOrder.of("district", "asc")))
                .as("stable: equal districts keep their order")
                .containsExactly("01", "03", "02", "04");
    }

    @Test
    void fallsBackToTheDistrictAscendingForUnknownParameters() {
        assertThat(ReadinessOrder.of("drop table", "sideways"))
                .isEqualTo(new ReadinessOrder(ReadinessColumn.DISTRICT, false));
        assertThat(ReadinessOrder.of(null, null)).isEqualTo(new ReadinessOrder(ReadinessColumn.DISTRICT, false));
    }

    @Test
    void aHeaderClickTurnsTheSortedColumnAroundAndSortsOthersAscending() {
        var order = ReadinessOrder.of("teachers", "asc");
        assertThat(order.nextDirection(ReadinessColumn.TEACHERS)).isEqualTo("desc");
        assertThat(order.nextDirection(ReadinessColumn.SCHOOL)).isEqualTo("asc");
        assertThat(ReadinessOrder.of("teachers", "desc").nextDirection(ReadinessColumn.TEACHERS))
                .isEqualTo("asc");
        assertThat(order.ariaSort(ReadinessColumn.TEACHERS)).isEqualTo("ascending");
        assertThat(order.ariaSort(ReadinessColumn.CHATS)).isEqualTo("none");
    }

    private static List<String> codes(ReadinessOrder order) {
        return order.sort(SCHOOLS).stream()
                .map(school -> school.organization().code())
                .toList();
    }
}
