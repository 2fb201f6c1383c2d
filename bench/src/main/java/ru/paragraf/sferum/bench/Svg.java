package ru.paragraf.sferum.bench;

import java.util.List;
import java.util.Locale;

/** A tiny SVG line chart: a few series over the same x axis, with axes, ticks and a legend. No libraries. */
final class Svg {

    /** A named line. */
    record Series(String name, String colour, double[] x, double[] y) {}

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private Svg() {}

    static String lineChart(String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        double maxX = 1, maxY = 1;
        for (var s : series) {
            for (double v : s.x()) {
                maxX = Math.max(maxX, v);
            }
            for (double v : s.y()) {
                maxY = Math.max(maxY, v);
            }
        }
        var plotW = WIDTH - LEFT - RIGHT;
        var plotH = HEIGHT - TOP - BOTTOM;
        double topY = logY ? Math.pow(10, Math.ceil(Math.log10(maxY))) : niceCeiling(maxY);
        double fx = plotW / maxX;
        var out = new StringBuilder();
        out.append(f(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n",
                WIDTH, HEIGHT));
        out.append(f("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        out.append(f("<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        out.append(f(
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        out.append(
                f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT, TOP + plotH));
        var yTicks = logY ? (int) Math.ceil(Math.log10(topY)) : 5;
        for (int i = 0; i <= yTicks; i++) {
            double value = logY ? Math.pow(10, i) : topY * i / yTicks;
            double y = TOP + plotH - scaleY(value, topY, plotH, logY);
            out.append(f(
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, LEFT + plotW, y));
            out.append(f("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4, label(value)));
        }
        double xStep = niceCeiling(maxX / 8);
        for (double v = 0; v <= maxX + 1e-9; v += xStep) {
            double x = LEFT + v * fx;
            out.append(
                    f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP + plotH + 18, label(v)));
        }
        out.append(f(
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotW / 2, HEIGHT - 10, escape(xLabel)));
        out.append(f(
                "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">%s</text>%n",
                TOP + plotH / 2, TOP + plotH / 2, escape(yLabel)));
        int legendY = TOP + 4;
        for (var s : series) {
            var points = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                double y = TOP + plotH - scaleY(s.y()[i], topY, plotH, logY);
                points.append(f("%.1f,%.1f ", LEFT + s.x()[i] * fx, y));
            }
            out.append(f(
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                    s.colour(), points.toString().trim()));
            out.append(f(
                    "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>%n",
                    LEFT + plotW - 300, legendY, s.colour()));
            out.append(f("<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotW - 280, legendY + 6, escape(s.name())));
            legendY += 16;
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static double scaleY(double value, double top, int plotH, boolean logY) {
        if (logY) {
            return value <= 1 ? 0 : Math.log10(value) / Math.log10(top) * plotH;
        }
        return value / top * plotH;
    }

    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : f("%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
