package ru.paragraf.sferum.readiness;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The readiness table of a district or of the city: sortable headers, the rows of the chosen stage (or all) in the
 * chosen order, and their totals.
 *
 * @param base the page's path, to which the headers add {@code sort}, {@code dir} and {@code stage}
 * @param stage the stage whose schools are shown, or {@code null} for all
 */
record ReadinessTable(
        String base,
        List<Header> headers,
        List<Row> rows,
        ReadinessTotals totals,
        ReadinessOrder order,
        @Nullable ReadinessStage stage) {

    static ReadinessTable of(
            String base,
            List<ReadinessColumn> columns,
            List<SchoolReadiness> schools,
            ReadinessOrder order,
            @Nullable ReadinessStage stage,
            Function<SchoolReadiness, Row> row) {
        var shown = schools.stream()
                .filter(school -> stage == null || school.stage() == stage)
                .toList();
        var headers = columns.stream()
                .map(column -> new Header(
                        column,
                        link(base, column.parameter(), order.nextDirection(column), stage),
                        order.ariaSort(column)))
                .toList();
        return new ReadinessTable(
                base, headers, order.sort(shown).stream().map(row).toList(), ReadinessTotals.of(shown), order, stage);
    }

    /** The page showing only the schools of {@code stage}, in the current order. */
    public String stageLink(ReadinessStage candidate) {
        return link(base, order.column().parameter(), order.direction(), candidate);
    }

    /** The page showing every school, in the current order. */
    public String allLink() {
        return link(base, order.column().parameter(), order.direction(), null);
    }

    private static String link(String base, String sort, String direction, @Nullable ReadinessStage stage) {
        return base + "?sort=" + sort + "&dir=" + direction + (stage == null ? "" : "&stage=" + stage.name());
    }

    /**
     * A column's header: a link that sorts by it.
     *
     * @param ariaSort {@code ascending}, {@code descending} or {@code none}
     */
    record Header(ReadinessColumn column, String href, String ariaSort) {

        public boolean sorted() {
            return !"none".equals(ariaSort);
        }
    }

    /**
     * A school's line.
     *
     * @param lastRunAt when the task's last run finished, formatted
     */
    record Row(SchoolReadiness school, @Nullable String lastRunAt) {}
}
