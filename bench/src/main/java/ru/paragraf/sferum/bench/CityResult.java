package ru.paragraf.sferum.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
        @Nullable Run twoNodes,
        Duration replanAfterRun,
        List<Statement> replanStatements) {

    static final double TARGET_PLANNING_SECONDS = 10;
    static final long TARGET_HEAP_MB = 512;
    static final double TARGET_INCREMENTAL_MS = 50;
    static final double TARGET_RATIO = 0.95;
    static final double TARGET_PUBLISH_P95_MS = 2000;
    static final double TARGET_PAGE_P95_MS = 200;
    static final double TARGET_TWO_NODES = 1.6;

    /**
     * Full reconciliation of every organization, one after the other.
     *
     * @param heapPeakMb the JVM's heap peak during planning (all pools' peaks after a GC before it)
     * @param allocatedMb what the planning thread allocated
     * @param maxHeapMb the JVM's maximum heap
     */
    record Planning(
            Duration wall, int organizations, int operations, long heapPeakMb, long allocatedMb, long maxHeapMb) {}

    /**
     * A mass video day on {@code nodes} application nodes.
     *
     * @param perNode operations each node finished within the window, most first
     */
    record Run(
            int nodes,
            int schools,
            List<Sampler.Second> seconds,
            long requests,
            long error6,
            double ceilingSum,
            List<Long> perNode,
            PublishProbes.Figures publish,
            List<PageLoad.Figures> pages,
            Map<String, Long> operations,
            Map<String, Long> methods,
            List<Statement> statements,
            Duplicates duplicates) {

        Run withDuplicates(Duplicates counted) {
            return new Run(
                    nodes,
                    schools,
                    seconds,
                    requests,
                    error6,
                    ceilingSum,
                    perNode,
                    publish,
                    pages,
                    operations,
                    methods,
                    statements,
                    counted);
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

        /** The machine's mean CPU use during the window, 0 to 1. */
        double cpuBusy() {
            return seconds.stream().mapToDouble(s -> s.cpuBusy() * s.seconds()).sum() / Math.max(1, windowSeconds());
        }

        /** Machine CPU time (all processes, all cores) per VK request, in milliseconds. */
        double cpuMillisPerRequest() {
            var cores = Runtime.getRuntime().availableProcessors();
            var busySeconds = seconds.stream()
                    .mapToDouble(s -> s.cpuBusy() * s.seconds() * cores)
                    .sum();
            return requests == 0 ? 0 : busySeconds * 1000 / requests;
        }
    }

    /** A statement's share of PostgreSQL's time during a run; its text shortened to one line. */
    record Statement(String text, long calls, double totalMillis, double meanMillis) {}

    /** Objects that exist twice in VK, or in VK but not in the ledger. */
    record Duplicates(int chats, int duplicateChats, int calls, int orphanCalls, int duplicateMessages) {}
}
