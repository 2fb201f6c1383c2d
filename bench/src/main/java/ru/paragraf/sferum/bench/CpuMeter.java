package ru.paragraf.sferum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Where the CPU of a window goes, by process: the benchmark runs the application, the VK emulator and itself in one
 * JVM, so their threads are told apart by name ({@link #part}); PostgreSQL is its postmaster and every process it
 * started, read from {@code /proc}, less the backends of the benchmark's own connections; the machine is
 * {@code /proc/stat}. Sampled about once a second, so that a thread that ends within the window loses at most its
 * last second.
 *
 * <p>The JVM's own threads (garbage collection, the JIT compiler) are no Java threads: their CPU is the process's
 * less every Java thread's, and is shared out among the application, the emulator and the benchmark by what each
 * allocated.
 */
final class CpuMeter {

    /** Whose a thread of this JVM is. */
    enum Part {
        /** The application but its web threads: the sync engine (workers, pump, event listeners, VK clients), … */
        APP,
        /** The application's Tomcat threads ({@code http-nio-*}): the web users' pages and the publisher's API calls */
        WEB,
        EMULATOR,
        BENCH
    }

    /** Linux's {@code USER_HZ}: the unit of {@code /proc/<pid>/stat}'s times and of {@code /proc/stat}. */
    private static final double TICK_MILLIS = 10;

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private static final Set<String> BENCH_SELECTORS = ConcurrentHashMap.newKeySet();

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Path postgresData;
    private final Map<Long, ThreadCpu> seen = new HashMap<>();
    private long processStart;
    private long postgresStart;
    private Map<Long, Long> benchBackendsStart = Map.of();
    private Sampler.MachineCpu machineStart;
    private long wallStart;

    CpuMeter(Path postgresData) {
        this.postgresData = postgresData;
    }

    /**
     * The benchmark's HTTP clients (web users, the publisher) run on its own executor; their selector thread is
     * named by the JDK after the client's number, which its {@code toString()} ends with.
     */
    static void benchClient(java.net.http.HttpClient client) {
        var text = client.toString();
        var open = text.lastIndexOf('(');
        if (open >= 0 && text.endsWith(")")) {
            BENCH_SELECTORS.add("HttpClient-" + text.substring(open + 1, text.length() - 1) + "-SelectorManager");
        }
    }

    /**
     * Whose a thread is, by its name: the emulator's pool and timer, and the JDK HTTP server it runs on (the
     * application serves HTTP with Tomcat); the benchmark's own threads (and JFR's, when it records the run); the application's Tomcat threads; the rest
     * is the application's (sync workers and pump, event listeners, VK clients, connection pools, Quartz) and the
     * JVM's few Java threads (reference handler, finalizer, …).
     */
    static Part part(String name) {
        if (name.startsWith("http-nio-")) {
            return Part.WEB;
        }
        if (name.startsWith("vk-emulator-") || name.equals("HTTP-Dispatcher") || name.equals("idle-timeout-task")) {
            return Part.EMULATOR;
        }
        if (name.startsWith("bench-")
                || name.startsWith("page-user-")
                // Java Flight Recorder, when the benchmark runs under it
                || name.startsWith("JFR ")
                || name.equals("main")
                || BENCH_SELECTORS.contains(name)) {
            return Part.BENCH;
        }
        return Part.APP;
    }

    /** A thread's name with its numbers folded, to group a pool's threads: {@code sync-worker-#}. */
    static String group(String name) {
        return DIGITS.matcher(name).replaceAll("#");
    }

    /**
     * Starts the window; {@code benchBackends} are the PostgreSQL backends of the benchmark's own connections at
     * this moment.
     */
    synchronized void start(List<Long> benchBackends) {
        seen.clear();
        sample(true);
        processStart = os.getProcessCpuTime();
        postgresStart = postgresTicks();
        benchBackendsStart = ticksOf(benchBackends);
        machineStart = Sampler.MachineCpu.read();
        wallStart = System.nanoTime();
    }

    /** Reads every thread's CPU time; called about once a second during the window. */
    synchronized void sample() {
        sample(false);
    }

    /** Ends the window; {@code benchBackends} are the benchmark's connections' backends now. */
    synchronized Split stop(List<Long> benchBackends) {
        sample(false);
        var process = os.getProcessCpuTime() - processStart;
        var postgresEnd = postgresTicks();
        var backendsEnd = ticksOf(benchBackends);
        long benchBackendTicks = 0;
        for (var backend : backendsEnd.entrySet()) {
            benchBackendTicks += backend.getValue() - benchBackendsStart.getOrDefault(backend.getKey(), 0L);
        }
        var machine = Sampler.MachineCpu.read();
        var wall = (System.nanoTime() - wallStart) / 1e9;
        var machineMillis = machine.total() == 0 ? 0 : (machine.busy() - machineStart.busy()) * TICK_MILLIS;

        var cpu = new EnumMapOfDoubles();
        var allocated = new EnumMapOfDoubles();
        var groups = new TreeMap<String, Double>();
        for (var thread : seen.values()) {
            if (thread.cpuFirst < 0) {
                continue;
            }
            var millis = (thread.cpuLast - thread.cpuFirst) / 1e6;
            cpu.add(thread.part, millis);
            allocated.add(thread.part, thread.allocatedLast - thread.allocatedFirst);
            groups.merge(thread.part.name().toLowerCase(Locale.ROOT) + ": " + group(thread.name), millis, Double::sum);
        }
        var javaThreads = cpu.total();
        var jvmOwn = Math.max(0, process / 1e6 - javaThreads);
        var postgresMillis = postgresStart < 0 || postgresEnd < 0 ? -1 : (postgresEnd - postgresStart) * TICK_MILLIS;
        var benchBackendMillis = benchBackendTicks * TICK_MILLIS;
        return new Split(
                wall,
                cpu.get(Part.APP),
                cpu.get(Part.WEB),
                cpu.get(Part.EMULATOR),
                cpu.get(Part.BENCH),
                jvmOwn,
                allocated.share(Part.APP),
                allocated.share(Part.WEB),
                allocated.share(Part.EMULATOR),
                postgresMillis < 0 ? -1 : Math.max(0, postgresMillis - benchBackendMillis),
                benchBackendMillis,
                process / 1e6,
                machineMillis,
                groups);
    }

    private void sample(boolean first) {
        var ids = threads.getAllThreadIds();
        var cpu = threads.getThreadCpuTime(ids);
        var allocated = threads.getThreadAllocatedBytes(ids);
        var unknown = Arrays.stream(ids).filter(id -> !seen.containsKey(id)).toArray();
        if (unknown.length > 0) {
            for (var info : threads.getThreadInfo(unknown, 0)) {
                if (info != null) {
                    // a thread born within the window did all its work within it
                    seen.put(
                            info.getThreadId(), new ThreadCpu(info.getThreadName(), part(info.getThreadName()), first));
                }
            }
        }
        for (int i = 0; i < ids.length; i++) {
            var thread = seen.get(ids[i]);
            if (thread != null && cpu[i] >= 0) {
                thread.update(cpu[i], Math.max(0, allocated[i]));
            }
        }
    }

    /** PostgreSQL's CPU so far in ticks: the postmaster, the children it reaped, and its living children. */
    private long postgresTicks() {
        try {
            var postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
            var own = stat(postmaster);
            if (own == null) {
                return -1;
            }
            long ticks = own.utime + own.stime + own.cutime + own.cstime;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (var dir : processes.toList()) {
                    var name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    var child = stat(Long.parseLong(name));
                    if (child != null && child.ppid == postmaster) {
                        ticks += child.utime + child.stime;
                    }
                }
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Map<Long, Long> ticksOf(List<Long> pids) {
        var ticks = new HashMap<Long, Long>();
        for (var pid : pids) {
            var stat = stat(pid);
            if (stat != null) {
                ticks.put(pid, stat.utime + stat.stime);
            }
        }
        return ticks;
    }

    /** The fields of {@code /proc/<pid>/stat} this needs; null when the process is gone or there is no /proc. */
    private static ProcStat stat(long pid) {
        try {
            var text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command may hold spaces and parentheses: the fields start after the last ')'
            var fields = text.substring(text.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields[0] is field 3 (state) of proc(5)
            return new ProcStat(
                    Long.parseLong(fields[1]),
                    Long.parseLong(fields[11]),
                    Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]),
                    Long.parseLong(fields[14]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private record ProcStat(long ppid, long utime, long stime, long cutime, long cstime) {}

    /** One thread's CPU and allocation at its first and last look. */
    private static final class ThreadCpu {
        final String name;
        final Part part;
        final boolean fromStart;
        long cpuFirst = -1;
        long cpuLast;
        long allocatedFirst;
        long allocatedLast;

        ThreadCpu(String name, Part part, boolean fromStart) {
            this.name = name;
            this.part = part;
            this.fromStart = fromStart;
        }

        void update(long cpu, long allocated) {
            if (cpuFirst < 0) {
                cpuFirst = fromStart ? cpu : 0;
                allocatedFirst = fromStart ? allocated : 0;
            }
            cpuLast = cpu;
            allocatedLast = allocated;
        }
    }

    private static final class EnumMapOfDoubles {
        private final double[] values = new double[Part.values().length];

        void add(Part part, double value) {
            values[part.ordinal()] += value;
        }

        double get(Part part) {
            return values[part.ordinal()];
        }

        double total() {
            double sum = 0;
            for (var value : values) {
                sum += value;
            }
            return sum;
        }

        double share(Part part) {
            var total = total();
            return total <= 0 ? 0 : get(part) / total;
        }
    }

    /**
     * The CPU of a window in milliseconds (all cores together), by process.
     *
     * @param appThreads the application's Java threads but its web threads: the sync engine and what else runs
     *     beside the pages
     * @param webThreads the application's Tomcat threads: pages and API calls
     * @param jvmOwn the JVM's own threads (GC, JIT): the process less its Java threads
     * @param appAllocation the share of what the Java threads allocated that the application's non-web threads
     *     allocated (their share of {@code jvmOwn}); likewise {@code webAllocation}, {@code emulatorAllocation}
     * @param postgres PostgreSQL's processes less the benchmark's connections; negative when it cannot be read
     * @param benchBackends the benchmark's own connections' backends (its sampler, probes, drain watcher)
     * @param jvmProcess the whole JVM (application, emulator, benchmark, GC, JIT)
     * @param machine every process of the machine (other work on it included); 0 without {@code /proc/stat}
     * @param threadGroups each part's threads by name with numbers folded
     */
    record Split(
            double wallSeconds,
            double appThreads,
            double webThreads,
            double emulatorThreads,
            double benchThreads,
            double jvmOwn,
            double appAllocation,
            double webAllocation,
            double emulatorAllocation,
            double postgres,
            double benchBackends,
            double jvmProcess,
            double machine,
            Map<String, Double> threadGroups) {

        /** The application but its web threads, with their share of the JVM's own work. */
        double app() {
            return appThreads + jvmOwn * appAllocation;
        }

        /** The application's web threads, with their share of the JVM's own work. */
        double web() {
            return webThreads + jvmOwn * webAllocation;
        }

        double emulator() {
            return emulatorThreads + jvmOwn * emulatorAllocation;
        }

        double bench() {
            return benchThreads
                    + jvmOwn * Math.max(0, 1 - appAllocation - webAllocation - emulatorAllocation)
                    + benchBackends;
        }

        /** What else ran on the machine meanwhile: other processes, and whatever /proc could not attribute. */
        double others() {
            return Math.max(0, machine - jvmProcess - Math.max(0, postgres) - benchBackends);
        }
    }
}
