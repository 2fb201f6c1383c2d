package ru.paragraf.sferum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a city run's figures as Markdown next to its SVG plot of throughput against the ceiling. */
final class CityReport {

    private CityReport() {}

    /** Writes {@code city-<time>.md} and {@code city-<time>.svg}; returns the Markdown file. */
    static Path write(CityResult result, String command, Path directory) throws IOException {
        Files.createDirectories(directory);
        var stamp = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        var svg = directory.resolve("city-" + stamp + ".svg");
        Files.writeString(svg, plot(result));
        return Files.writeString(directory.resolve("city-" + stamp + ".md"), markdown(result, command, svg));
    }

    static String plot(CityResult result) {
        var series = new java.util.ArrayList<Svg.Series>();
        addSeries(series, result.run(), "one node", "#c0392b", "#2471a3");
        if (result.twoNodes() != null) {
            addSeries(series, result.twoNodes(), "two nodes", "#e67e22", "#27ae60");
        }
        return Svg.lineChart(
                "Mass video day: VK API requests/s against the rate-limit ceiling (log scale)",
                "seconds of the run",
                "requests per second",
                series,
                true);
    }

    private static void addSeries(List<Svg.Series> series, CityResult.Run run, String name, String red, String blue) {
        var seconds = run.seconds();
        int n = seconds.size();
        double[] x = new double[n], achieved = new double[n], ceiling = new double[n];
        for (int i = 0; i < n; i++) {
            var s = seconds.get(i);
            x[i] = s.t();
            achieved[i] = Math.max(s.requests() / Math.max(s.seconds(), 1e-3), 1);
            ceiling[i] = Math.max(s.ceiling(), 1);
        }
        series.add(new Svg.Series(
                name + ", ceiling: 20/s per active community + 3/s per active user token", red, x, ceiling));
        series.add(new Svg.Series(name + ", achieved (emulator's count)", blue, x, achieved));
    }

    static String markdown(CityResult r, String command, Path svg) {
        var s = r.settings();
        var out = new StringBuilder();
        line(
                out,
                "# City benchmark, %s",
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        line(out, "");
        line(out, "Command: `%s`", command);
        line(out, "");
        line(
                out,
                "Machine: %d CPUs, JDK %s, %s %s, max heap %d MB; load average (1 min) at the end: %.2f",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line(out, "");
        line(
                out,
                "City: %d schools (%d with the one-node video day, %d with the two-node one), %,d teachers with a VK ID"
                        + " link; rows: %s",
                r.schools(),
                s.videoSchools(),
                s.secondVideoSchools(),
                r.linkedTeachers(),
                r.cityRows());
        line(out, "");
        line(
                out,
                "Settings: emulator latency %d ms per request, window %s, %d web users loading a page every %d ms"
                        + " (think time), %d sync worker threads per node, %d operations in flight per community,"
                        + " CPU ceiling %.2f, a lesson published every %d ms",
                s.latency().toMillis(),
                s.drain()
                        ? "of the one-node run: until its video day is drained, at most " + s.drainCapSeconds()
                                + " s (two nodes: " + s.runSeconds() + " s)"
                        : s.runSeconds() + " s",
                s.users(),
                s.thinkMillis(),
                s.workerThreads(),
                s.communityConcurrency(),
                s.cpuCeiling(),
                s.probeEveryMillis());
        line(out, "");
        line(out, "Setup (not measured):");
        line(out, "");
        r.setup().forEach((step, took) -> line(out, "- %s: %.1f s", step, took.toMillis() / 1000.0));
        line(out, "");
        var p = r.planning();
        var run = r.run();
        line(out, "| # | figure | value | target | met |");
        line(out, "|---|---|---|---|---|");
        line(
                out,
                "| 1 | full reconciliation planning, %d organizations (%,d operations enqueued) | %.2f s | ≤ %.0f s | %s |",
                p.organizations(),
                p.operations(),
                seconds(p.wall()),
                CityResult.TARGET_PLANNING_SECONDS,
                yes(seconds(p.wall()) <= CityResult.TARGET_PLANNING_SECONDS));
        line(
                out,
                "| 1 | heap peak of the JVM during planning (planning thread allocated %d MB; max heap %d MB) | %d MB"
                        + " | ≤ %d MB | %s |",
                p.allocatedMb(),
                p.maxHeapMb(),
                p.heapPeakMb(),
                CityResult.TARGET_HEAP_MB,
                yes(p.heapPeakMb() <= CityResult.TARGET_HEAP_MB));
        var inc = r.incremental();
        line(
                out,
                "| 2 | incremental planning, one journal (%d samples) p50 / p95 / max | %.1f / %.1f / %.1f ms | ≤ %.0f ms"
                        + " | %s |",
                inc.count(),
                inc.p50(),
                inc.p95(),
                inc.max(),
                CityResult.TARGET_INCREMENTAL_MS,
                yes(inc.p95() <= CityResult.TARGET_INCREMENTAL_MS));
        runRows(out, "3", run);
        costRows(out, run);
        var pub = run.publish();
        line(
                out,
                "| 4 | publish → link visible p50 / p95 / max (%d published, %d visible, %d failed, %d not visible"
                        + " within the window + min(30 s, window)) | %.0f / %.0f / %.0f ms | p95 ≤ %.0f ms | %s |",
                pub.published(),
                pub.visible(),
                pub.failed(),
                pub.pending(),
                pub.latency().p50(),
                pub.latency().p95(),
                pub.latency().max(),
                CityResult.TARGET_PUBLISH_P95_MS,
                yes(pub.pending() == 0 && pub.latency().p95() <= CityResult.TARGET_PUBLISH_P95_MS));
        line(
                out,
                "| 4 | of which publish → START_CALL queued p50 / p95; → claimed by a worker p50 / p95 | %.0f / %.0f ms;"
                        + " %.0f / %.0f ms | | |",
                pub.queued().p50(),
                pub.queued().p95(),
                pub.claimed().p50(),
                pub.claimed().p95());
        for (var page : run.pages()) {
            line(
                    out,
                    "| 5 | %s p50 / p95 / max (%d requests, %d not 200) | %.0f / %.0f / %.0f ms | p95 ≤ %.0f ms | %s |",
                    page.kind(),
                    page.requests(),
                    page.errors(),
                    page.latency().p50(),
                    page.latency().p95(),
                    page.latency().max(),
                    CityResult.TARGET_PAGE_P95_MS,
                    yes(page.errors() == 0 && page.latency().p95() <= CityResult.TARGET_PAGE_P95_MS));
        }
        var two = r.twoNodes();
        if (two == null) {
            line(out, "| 6 | two application nodes | not run | ≥ %.1f× | – |", CityResult.TARGET_TWO_NODES);
        } else {
            line(
                    out,
                    "| 6 | two nodes, %d other schools: operations finished per node %s | | | |",
                    two.schools(),
                    two.perNode());
            runRows(out, "6", two);
            var factor = two.achieved() / Math.max(1e-9, run.achieved());
            line(
                    out,
                    "| 6 | **two nodes' requests/s ÷ one node's** | **%.2f×** | ≥ %.1f× | %s |",
                    factor,
                    CityResult.TARGET_TWO_NODES,
                    yes(factor >= CityResult.TARGET_TWO_NODES));
        }
        var d = run.duplicates();
        line(
                out,
                "| – | duplicates: chats twice in one community / calls not in the ledger / messages twice | %d / %d / %d"
                        + " (of %d chats, %d calls) | 0 | %s |",
                d.duplicateChats(),
                d.orphanCalls(),
                d.duplicateMessages(),
                d.chats(),
                d.calls(),
                yes(d.duplicateChats() == 0 && d.orphanCalls() == 0 && d.duplicateMessages() == 0));
        line(
                out,
                "| – | nightly reconciliation after the run (all organizations again) | %.2f s | | |",
                seconds(r.replanAfterRun()));
        line(out, "");
        line(out, "![throughput against the ceiling](%s)", svg.getFileName());
        cost(out, "One node", run);
        details(out, "One node", run);
        if (two != null) {
            cost(out, "Two nodes", two);
            details(out, "Two nodes", two);
        }
        line(out, "");
        line(out, "### The first full planning");
        line(out, "");
        line(out, "Where PostgreSQL's time went (pg_stat_statements, top by total time):");
        line(out, "");
        statements(out, r.planning().statements());
        line(out, "");
        line(out, "### Nightly reconciliation after the runs");
        line(out, "");
        line(out, "Where PostgreSQL's time went (pg_stat_statements, top by total time):");
        line(out, "");
        statements(out, r.replanStatements());
        return out.toString();
    }

    private static void runRows(StringBuilder out, String figure, CityResult.Run run) {
        line(
                out,
                "| %s | API requests/s achieved, %d schools' video day on %d node(s) (mean over %.0f s) | %.1f | | |",
                figure,
                run.schools(),
                run.nodes(),
                run.windowSeconds(),
                run.achieved());
        line(
                out,
                "| %s | ceiling: Σ 20/s per active community + 3/s per active user token (mean) | %.0f | | |",
                figure,
                run.ceiling());
        line(
                out,
                "| %s | **ratio of the ceiling** | **%.4f** | ≥ %.2f | %s |",
                figure,
                run.ratio(),
                CityResult.TARGET_RATIO,
                yes(run.ratio() >= CityResult.TARGET_RATIO));
        line(out, "| %s | **error-6 answers** | **%d** | 0 | %s |", figure, run.error6(), yes(run.error6() == 0));
        line(
                out,
                "| %s | machine CPU busy (all processes); machine CPU time per VK request | %.0f %%; %.1f ms | | |",
                figure,
                run.cpuBusy() * 100,
                run.cpuMillisPerRequest());
    }

    /** The issue-14 figures of a run: the engine's CPU per VK request, the video day drained against its floor. */
    private static void costRows(StringBuilder out, CityResult.Run run) {
        var engine = run.engineMillisPerRequest();
        line(
                out,
                "| 3 | **CPU per VK request: application (but its pages) + PostgreSQL** (by process: below) | **%.2f ms**"
                        + " | ≤ %.1f ms with `--cpu-ceiling 1` | %s |",
                engine,
                CityResult.TARGET_ENGINE_CPU_MS,
                yes(engine <= CityResult.TARGET_ENGINE_CPU_MS));
        var day = run.videoDay();
        var ratio = day.ratio();
        line(
                out,
                "| 3 | **video day drained ÷ the floor VK allows** (%s; floor %.1f s: %,d requests of community %d at"
                        + " %d/s) | **%s** | ≤ %.0f× with `--cpu-ceiling 1` | %s |",
                drainedText(day),
                day.floorSeconds(),
                day.busiestCommunityRequests(),
                day.busiestCommunity(),
                CityWorld.COMMUNITY_LIMIT,
                ratio == null ? "not drained" : String.format(Locale.ROOT, "%.1f×", ratio),
                CityResult.TARGET_DRAIN_FLOOR_RATIO,
                yes(ratio != null && ratio <= CityResult.TARGET_DRAIN_FLOOR_RATIO));
    }

    private static String drainedText(VideoDayDrain.Figures day) {
        if (day.drainedSeconds() != null) {
            return String.format(Locale.ROOT, "drained in %.1f s", day.drainedSeconds());
        }
        return String.format(
                Locale.ROOT,
                "not drained%s: %,d of %,d lessons linked, %,d operations open",
                day.stuck() ? " (stuck: nothing open)" : " within the window",
                day.linked(),
                day.lessons(),
                day.open());
    }

    /** Where the CPU of a run's window went, by process, per VK request; and the video day against its floor. */
    private static void cost(StringBuilder out, String title, CityResult.Run run) {
        var cpu = run.cpu();
        var pages = run.pages().stream().mapToLong(PageLoad.Figures::requests).sum();
        line(out, "");
        line(out, "### %s: CPU per VK request, by process", title);
        line(out, "");
        line(
                out,
                "Window %.1f s, %,d VK requests (%.1f/s), %,d pages and %,d API calls served; load average (1 / 5 / 15"
                        + " min) %s when it opened, %s when it closed.",
                cpu.wallSeconds(),
                run.requests(),
                run.requests() / Math.max(1e-9, cpu.wallSeconds()),
                pages,
                run.webRequests() - pages,
                run.loadBefore(),
                run.loadAfter());
        line(out, "");
        line(out, "| process | CPU in the window | CPUs busy | ms per VK request |");
        line(out, "|---|---|---|---|");
        costLine(
                out,
                run,
                "application, but its web threads: sync workers, pump, event listeners, VK clients, …"
                        + " (with their share of GC and JIT)",
                cpu.app());
        costLine(
                out, run, "application's web threads: pages and API calls (with their share of GC and JIT)", cpu.web());
        costLine(
                out,
                run,
                "PostgreSQL: postmaster and all its processes, but the benchmark's connections",
                cpu.postgres());
        costLine(out, run, "**application (but its pages) + PostgreSQL**", cpu.app() + Math.max(0, cpu.postgres()));
        costLine(out, run, "application (all) + PostgreSQL", cpu.app() + cpu.web() + Math.max(0, cpu.postgres()));
        costLine(out, run, "VK emulator (with its share of GC and JIT)", cpu.emulator());
        costLine(
                out,
                run,
                "the benchmark: its threads, its connections' backends, its share of GC and JIT",
                cpu.bench());
        costLine(out, run, "of the JVM above: its own threads (GC, JIT), shared out by allocation", cpu.jvmOwn());
        costLine(out, run, "other processes of the machine (other work on it)", cpu.others());
        costLine(out, run, "**the machine (all processes)**", cpu.machine());
        line(out, "");
        line(
                out,
                "The application's web threads: %.1f ms of CPU per page or API call served. Java threads by name, CPU in"
                        + " the window (the largest):",
                cpu.web() / Math.max(1, run.webRequests()));
        line(out, "");
        line(out, "| thread (numbers folded) | CPU ms | ms per VK request |");
        line(out, "|---|---|---|");
        cpu.threadGroups().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(16)
                .forEach(group -> line(
                        out,
                        "| `%s` | %,.0f | %.3f |",
                        group.getKey(),
                        group.getValue(),
                        run.perRequest(group.getValue())));
        var day = run.videoDay();
        line(out, "");
        line(out, "### %s: the video day drained", title);
        line(out, "");
        line(
                out,
                "%,d published video lessons of %d schools, from the window's opening (their work let go): every"
                        + " lesson its live link %s; drained (every lesson linked and no operation of these schools open)"
                        + " %s. At the end: %,d linked, %,d calls failed, %,d operations open.",
                day.lessons(),
                run.schools(),
                day.allLinkedSeconds() == null
                        ? "never"
                        : String.format(Locale.ROOT, "after %.1f s", day.allLinkedSeconds()),
                day.drainedSeconds() == null
                        ? "never"
                        : String.format(Locale.ROOT, "after %.1f s", day.drainedSeconds()),
                day.linked(),
                day.failed(),
                day.open());
        line(out, "");
        line(
                out,
                "The floor VK's limits allow: %,d requests of the day's tokens within the window; the busiest community"
                        + " token (community %d) %,d requests ÷ %d/s = %.1f s, the busiest teacher's user token (user %d)"
                        + " %,d ÷ %d/s = %.1f s; floor %.1f s. Drained ÷ floor: %s.",
                day.requests(),
                day.busiestCommunity(),
                day.busiestCommunityRequests(),
                CityWorld.COMMUNITY_LIMIT,
                day.busiestCommunityRequests() / (double) CityWorld.COMMUNITY_LIMIT,
                day.busiestUser(),
                day.busiestUserRequests(),
                CityWorld.USER_LIMIT,
                day.busiestUserRequests() / (double) CityWorld.USER_LIMIT,
                day.floorSeconds(),
                day.ratio() == null ? "–" : String.format(Locale.ROOT, "%.1f×", day.ratio()));
    }

    private static void costLine(StringBuilder out, CityResult.Run run, String process, double millis) {
        if (millis < 0) {
            line(out, "| %s | not measured | | |", process);
            return;
        }
        line(
                out,
                "| %s | %.1f s | %.2f | %.2f |",
                process,
                millis / 1000,
                millis / 1000 / Math.max(1e-9, run.cpu().wallSeconds()),
                run.perRequest(millis));
    }

    private static void details(StringBuilder out, String title, CityResult.Run run) {
        line(out, "");
        line(out, "### %s", title);
        line(out, "");
        line(out, "VK API methods called during the window: %s", run.methods());
        line(out, "");
        line(out, "Operations of these schools by kind and status at the end of the window: %s", run.operations());
        line(out, "");
        line(
                out,
                "Where PostgreSQL's time went during the window (pg_stat_statements, the application's connections, top by total time):");
        line(out, "");
        statements(out, run.statements());
        var totals = run.statementTotals();
        var finished = Math.max(1, run.finished());
        line(out, "");
        line(
                out,
                "Round trips per operation: %,d statements executed in the window (%,.0f ms), %,d operations finished:"
                        + " **%.1f statements and %.2f ms of execution per operation** (the application's connections: the"
                        + " pages' queries included, the benchmark's own not). The most frequent (calls per finished operation):",
                totals.calls(),
                totals.totalMillis(),
                run.finished(),
                totals.calls() / (double) finished,
                totals.totalMillis() / finished);
        line(out, "");
        line(out, "| calls | per operation | mean ms | statement |");
        line(out, "|---|---|---|---|");
        for (var statement : totals.frequent()) {
            line(
                    out,
                    "| %,d | %.2f | %.2f | `%s` |",
                    statement.calls(),
                    statement.calls() / (double) finished,
                    statement.meanMillis(),
                    statement.text());
        }
        line(out, "");
        line(
                out,
                "Per second, or per few seconds in a long window (t at its end, requests, error 6, active communities,"
                        + " active user tokens, ceiling, machine CPU busy):");
        line(out, "");
        line(out, "```");
        // a long window (a video day drained) is shown in at most 300 lines: sums over a few seconds each
        var all = run.seconds();
        var step = Math.max(1, (all.size() + 299) / 300);
        for (int i = 0; i < all.size(); i += step) {
            var group = all.subList(i, Math.min(all.size(), i + step));
            var first = group.get(0);
            var last = group.get(group.size() - 1);
            var length = group.stream().mapToDouble(Sampler.Second::seconds).sum();
            line(
                    out,
                    "%6.1f %6d %4d %5d %6d %8.0f %4.0f%%",
                    last.t(),
                    group.stream().mapToLong(Sampler.Second::requests).sum(),
                    group.stream().mapToLong(Sampler.Second::error6).sum(),
                    first.communities(),
                    first.userTokens(),
                    first.ceiling(),
                    group.stream().mapToDouble(x -> x.cpuBusy() * x.seconds()).sum() / Math.max(1e-9, length) * 100);
        }
        line(out, "```");
    }

    private static void statements(StringBuilder out, List<CityResult.Statement> statements) {
        line(out, "| calls | total ms | mean ms | statement |");
        line(out, "|---|---|---|---|");
        for (var statement : statements) {
            line(
                    out,
                    "| %,d | %,.0f | %.2f | `%s` |",
                    statement.calls(),
                    statement.totalMillis(),
                    statement.meanMillis(),
                    statement.text());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
