package ru.paragraf.sferum.readiness;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A horizontal bar chart laid out for server-side SVG: labels on the left, bars scaled to {@code scale}, the value
 * after each bar, optionally a dashed target line. Coordinates are in the SVG's user units; the page scales it.
 *
 * @param targetX the x of the target line, or -1 for none
 */
record BarChart(String id, String title, int width, int height, List<Bar> bars, int targetX, String targetLabel) {

    static final int WIDTH = 720, LABEL_END = 262, BAR_X = 270, BAR_SPAN = 330, ROW = 30, BAR_HEIGHT = 20;
    private static final int TOP = 22, BOTTOM = 6;

    /**
     * A bar.
     *
     * @param href where a click on the bar leads, if anywhere
     * @param style a CSS class for the bar's colour
     */
    record Bar(String label, String value, @Nullable String href, String style, int y, int length) {

        public int middle() {
            return y + BAR_HEIGHT / 2;
        }

        public int labelEnd() {
            return LABEL_END;
        }

        public int x() {
            return BAR_X;
        }

        public int span() {
            return BAR_SPAN;
        }

        public int height() {
            return BAR_HEIGHT;
        }

        public int valueX() {
            return BAR_X + length + 8;
        }
    }

    /** A chart of {@code rows}, bars proportional to {@code value / scale}, with a target at {@code target} (or -1). */
    static BarChart of(String id, String title, List<Row> rows, double scale, double target, String targetLabel) {
        var bars = new ArrayList<Bar>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            int length = scale <= 0 ? 0 : (int) Math.round(BAR_SPAN * Math.min(1.0, row.value() / scale));
            if (row.value() > 0 && length < 2) {
                length = 2; // a non-zero value stays visible
            }
            bars.add(new Bar(row.label(), row.valueText(), row.href(), row.style(), TOP + i * ROW, length));
        }
        int targetX = target < 0 ? -1 : BAR_X + (int) Math.round(BAR_SPAN * target / scale);
        return new BarChart(id, title, WIDTH, TOP + rows.size() * ROW + BOTTOM, bars, targetX, targetLabel);
    }

    public boolean hasTarget() {
        return targetX >= 0;
    }

    /** The y where the target line ends: below the last bar. */
    public int bottom() {
        return height - BOTTOM;
    }

    /**
     * What a bar shows.
     *
     * @param valueText the value as written after the bar
     */
    record Row(String label, double value, String valueText, @Nullable String href, String style) {}
}
