package ru.paragraf.sferum.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Figures of one city benchmark run. */
record CityResult(
        CityBenchmark.Settings settings,
        Map<String, Long> cityRows,
        int schools,
        int linkedTeachers,
        Map<String, Duration> setup,
        Planning planning,
        Percentiles incremental,
        Run run,
        Duration replanAfterRun) {

    static final double TARGET_PLANNING_SECONDS = 10;
    static final long TARGET_HEAP_MB = 512;
    static final double TARGET_INCREMENTAL_MS = 50;
    static final double TARGET_RATIO = 0.95;
    static final double TARGET_PUBLISH_P95_MS = 2000;
    static final double TARGET_PAGE_P95_MS = 200;

    /**
     * Full reconciliation of every organization, one after the other.
     *
     * @param heapPeakMb the JVM's heap peak during planning (all pools' peaks after a GC before it)
     * @param allocatedMb what the planning thread allocated
     * @param maxHeapMb the JVM's maximum heap
     */
    record Planning(
            Duration wall, int organizations, int operations, long heapPeakMb, long allocatedMb, long maxHeapMb) {}

    /** The mass video day. */
    record Run(
            List<Sampler.Second> seconds,
            long requests,
            long error6,
            double ceilingSum,
            double servableSum,
            PublishProbes.Figures publish,
            List<PageLoad.Figures> pages,
            Map<String, Long> operations,
            Map<String, Long> methods,
            Duplicates duplicates) {

        Run withDuplicates(Duplicates counted) {
            return new Run(
                    seconds, requests, error6, ceilingSum, servableSum, publish, pages, operations, methods, counted);
        }

        double windowSeconds() {
            return seconds.stream().mapToDouble(Sampler.Second::seconds).sum();
        }

        double achieved() {
            return requests / Math.max(1, windowSeconds());
        }

        double ceiling() {
            return ceilingSum / Math.max(1, windowSeconds());
        }

        double ratio() {
            return ceilingSum == 0 ? 0 : requests / ceilingSum;
        }

        double servable() {
            return servableSum / Math.max(1, windowSeconds());
        }
    }

    /** Objects that exist twice in VK, or in VK but not in the ledger. */
    record Duplicates(int chats, int duplicateChats, int calls, int orphanCalls, int duplicateMessages) {}
}
