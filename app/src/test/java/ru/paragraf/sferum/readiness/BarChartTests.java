package ru.paragraf.sferum.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bars are proportional to their values, a small non-zero value stays visible, and the target sits on the scale. */
class BarChartTests {

    @Test
    void laysBarsOutProportionallyOneRowEach() {
        var chart =
                BarChart.of("c", "title", List.of(row("a", 10), row("b", 5), row("c", 0), row("d", 0.01)), 10, -1, "");
        assertThat(chart.bars())
                .extracting(BarChart.Bar::length)
                .containsExactly(BarChart.BAR_SPAN, BarChart.BAR_SPAN / 2, 0, 2);
        assertThat(chart.bars())
                .extracting(BarChart.Bar::y)
                .containsExactly(22, 22 + BarChart.ROW, 22 + 2 * BarChart.ROW, 22 + 3 * BarChart.ROW);
        assertThat(chart.height()).isEqualTo(22 + 4 * BarChart.ROW + 6);
        assertThat(chart.hasTarget()).isFalse();
    }

    @Test
    void placesTheTargetOnTheScaleAndNeverDrawsBeyondIt() {
        var chart = BarChart.of("c", "title", List.of(row("a", 120)), 100, 80, "80 %");
        assertThat(chart.targetX()).isEqualTo(BarChart.BAR_X + BarChart.BAR_SPAN * 80 / 100);
        assertThat(chart.bars().get(0).length()).isEqualTo(BarChart.BAR_SPAN);
    }

    private static BarChart.Row row(String label, double value) {
        return new BarChart.Row(label, value, String.valueOf(value), "/x", "style");
    }
}
