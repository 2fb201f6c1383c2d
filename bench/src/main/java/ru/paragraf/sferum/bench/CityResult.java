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
    /** Issue 14: the application's (but its pages') and PostgreSQL's CPU per VK request, with every CPU. */
    static final double TARGET_ENGINE_CPU_MS = 1.5;
    /** Issue 14: a video day drained within this many times the floor VK's limits allow, with every CPU. */
    static final double TARGET_DRAIN_FLOOR_RATIO = 3;

    /**
     * Full reconciliation of every organization, one after the other.
     *
     * @param heapPeakMb the JVM's heap peak during planning (all pools' peaks after a GC before it)
     * @param allocatedMb what the planning thread allocated
     * @param maxHeapMb the JVM's maximum heap
     * @param statements where PostgreSQL's time went during it (pg_stat_statements, top by total time)
     */
    record Planning(
            Duration wall,
            int organizations,
            int operations,
            long heapPeakMb,
            long allocatedMb,
            long maxHeapMb,
            List<Statement> statements) {}

    /**
     * A mass video day on {@code nodes} application nodes.
     *
     * @param perNode operations each node finished within the window, most first
     * @param statementTotals every statement PostgreSQL executed in the window, and the most frequent
     * @param cpu where the CPU of the window went, by process
     * @param drain whether the window lasted until the video day was drained (or its cap)
     * @param videoDay what became of the video day within the window, and the floor VK's limits allow it
     * @param loadBefore the machine's load average when the window opened
     * @param loadAfter and when it closed
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
            StatementTotals statementTotals,
            Duplicates duplicates,
            CpuMeter.Split cpu,
            boolean drain,
            VideoDayDrain.Figures videoDay,
            LoadAverage loadBefore,
            LoadAverage loadAfter) {

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
                    statementTotals,
                    counted,
                    cpu,
                    drain,
                    videoDay,
                    loadBefore,
                    loadAfter);
        }

        /** CPU milliseconds per VK request the emulator received in the window. */
        double perRequest(double millis) {
            return requests == 0 ? 0 : millis / requests;
        }

        /**
         * The cost the engine answers for: the application's CPU but its pages' (its non-web threads with their share
         * of GC and JIT) and PostgreSQL's (all of it, the pages' queries included), per VK request.
         */
        double engineMillisPerRequest() {
            return perRequest(cpu.app() + Math.max(0, cpu.postgres()));
        }

        /** Operations finished within the window, by every node. */
        long finished() {
            return perNode.stream().mapToLong(Long::longValue).sum();
        }

        /** Web requests in the window: the users' pages and the publisher's API calls (two a lesson). */
        long webRequests() {
            return pages.stream().mapToLong(PageLoad.Figures::requests).sum() + publish.published() * 2L;
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

    /**
     * Every statement the application's connections executed in a window (pg_stat_statements: the pages' included,
     * the benchmark's own connections not; {@code BEGIN}/{@code COMMIT} too), and the most frequent ones.
     */
    record StatementTotals(long calls, double totalMillis, List<Statement> frequent) {}

    /** Objects that exist twice in VK, or in VK but not in the ledger. */
    record Duplicates(int chats, int duplicateChats, int calls, int orphanCalls, int duplicateMessages) {}
}
