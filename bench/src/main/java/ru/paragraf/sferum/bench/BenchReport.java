package ru.paragraf.sferum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes a run's figures as Markdown: the machine, the settings, the figures against their targets. */
final class BenchReport {

    private BenchReport() {}

    static String markdown(BenchResult result, String command) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var s = result.settings();
        var out = new StringBuilder();
        line(out, "# VK client benchmark, %s", now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        line(out, "");
        line(out, "Command: `%s`", command);
        line(out, "");
        line(
                out,
                "Machine: %d CPUs (availableProcessors), %s memory, JDK %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(),
                memory(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
        line(out, "");
        line(
                out,
                "Load average (1 min) when the report was written: %.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line(out, "");
        line(
                out,
                "Setup: %d community tokens of %d communities, %d workers per token, %d s warm-up (not measured),"
                        + " %d s window; the VK emulator in-process with VK's limit of %d requests/s per community"
                        + " token (token bucket, error 6 beyond); the mix per call: 40%% messages.getConversationsById,"
                        + " 30%% messages.getConversationMembers, 30%% messages.send (fresh random_id).",
                s.tokens(),
                s.tokens(),
                s.workersPerToken(),
                s.warmup().toSeconds(),
                s.duration().toSeconds(),
                result.perTokenLimit());
        line(out, "");
        line(out, "| figure | value | target |");
        line(out, "|---|---|---|");
        line(out, "| ceiling (tokens × limit) | %d requests/s | |", result.ceiling());
        line(out, "| achieved | %.1f requests/s | |", result.achievedPerSecond());
        line(out, "| **ratio of the ceiling** | **%.3f** | ≥ %.2f |", result.ratio(), BenchResult.TARGET_RATIO);
        line(out, "| **error-6 answers** (emulator's count, warm-up included) | **%d** | 0 |", result.error6());
        line(out, "| successful calls in the window | %d | |", result.okCalls());
        line(
                out,
                "| failed calls | %d %s | 0 |",
                result.failedCalls(),
                result.failures().isEmpty() ? "" : result.failures());
        line(out, "| requests the emulator received | %d | |", result.serverRequests());
        line(out, "| request latency p50 / p95 / p99 | %s | |", latency(result.requestLatency()));
        line(out, "| call latency incl. limiter wait p50 / p95 / p99 | %s | |", latency(result.callLatency()));
        line(out, "| target met | %s | |", result.meetsTarget() ? "yes" : "NO");
        line(out, "");
        line(out, "Request latency per method (one HTTP exchange):");
        line(out, "");
        line(out, "| method | requests | p50 ms | p95 ms | p99 ms | max ms |");
        line(out, "|---|---|---|---|---|---|");
        result.methodLatency()
                .forEach((method, l) -> line(
                        out,
                        "| %s | %d | %.2f | %.2f | %.2f | %.2f |",
                        method,
                        l.count(),
                        l.p50(),
                        l.p95(),
                        l.p99(),
                        l.max()));
        line(out, "");
        line(out, "Successful calls per second of the window (ceiling %d):", result.ceiling());
        line(out, "");
        line(out, "```");
        var series = result.perSecond();
        for (int i = 0; i < series.length; i++) {
            line(out, "%3d s  %4d  %s", i + 1, series[i], "#".repeat((int) (series[i] / 5)));
        }
        line(out, "```");
        return out.toString();
    }

    static Path write(String markdown, Path directory) throws IOException {
        Files.createDirectories(directory);
        var name = "client-" + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".md";
        return Files.writeString(directory.resolve(name), markdown);
    }

    private static String latency(BenchResult.Latency l) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f ms", l.p50(), l.p95(), l.p99());
    }

    private static String memory() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return String.format(Locale.ROOT, "%.1f GiB", sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return "unknown";
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
