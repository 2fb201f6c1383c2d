package ru.paragraf.sferum.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Exact percentiles of a small sample of milliseconds (nearest rank). */
record Percentiles(int count, double p50, double p95, double max) {

    static Percentiles of(List<Double> millis) {
        if (millis.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
        }
        var sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Percentiles(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.95), sorted.get(sorted.size() - 1));
    }

    private static double rank(List<Double> sorted, double percentile) {
        var index = (int) Math.ceil(percentile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
