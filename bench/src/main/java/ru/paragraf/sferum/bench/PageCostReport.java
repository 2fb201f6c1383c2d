package ru.paragraf.sferum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes a page-cost run's figures and profiles as Markdown ({@code pages-<time>.md}). */
final class PageCostReport {

    private PageCostReport() {}

    static Path write(PageCost.Result result, String command, Path directory) throws IOException {
        Files.createDirectories(directory);
        var stamp = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Files.writeString(directory.resolve("pages-" + stamp + ".md"), markdown(result, command));
    }

    static String markdown(PageCost.Result result, String command) {
        var out = new StringBuilder();
        var s = result.settings();
        out.append("# Page cost, ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append(" UTC\n\n");
        out.append("`").append(command).append("`\n\n");
        out.append(String.format(
                Locale.ROOT,
                "%d schools; each page %d times to warm up, then %d measured requests one at a time%s. Java %s, %d CPUs.%n%n",
                s.schools(),
                s.warmup(),
                s.renders(),
                s.profile() ? ", then as many again under JFR" : "",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        result.setup().forEach(line -> out.append("- ").append(line).append('\n'));
        out.append("\n| page | lessons shown | HTML | CPU per request p50 / p95 / mean | wall p50 / p95 |"
                + " allocated per request | server threads' CPU per request | PostgreSQL per request |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (var page : result.pages()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.0f KB | **%.2f** / %.2f / %.2f ms | %.2f / %.2f ms | %.0f KB | %.2f ms | %.2f ms in %.1f statements |%n",
                    page.page().name(),
                    page.page().lessons(),
                    page.bytes() / 1024.0,
                    page.cpu().p50(),
                    page.cpu().p95(),
                    page.cpuMean(),
                    page.wall().p50(),
                    page.wall().p95(),
                    page.allocatedKb(),
                    page.serverThreadsCpu(),
                    page.postgresMillis(),
                    page.statements()));
        }
        out.append("\nCPU per request: the serving thread's CPU time from the first servlet filter (ahead of Spring"
                + " Security) to the flushed response (ThreadMXBean). Server threads: every `http-nio-*` thread's CPU"
                + " over the measured requests ÷ requests (Tomcat's parsing and polling included). PostgreSQL:"
                + " pg_stat_statements' execution time of the window ÷ requests.\n");
        for (var page : result.pages()) {
            if (page.profile() != null) {
                profile(out, page);
            }
        }
        return out.toString();
    }

    private static void profile(StringBuilder out, PageCost.Figures page) {
        var profile = page.profile();
        out.append("\n## Profile: ")
                .append(page.page().name())
                .append(" (")
                .append(profile.samples())
                .append(" JFR samples of the server threads)\n\n");
        out.append("Each sample counts for the innermost frame of a known library:\n\n");
        table(out, profile.owners());
        out.append("\nMethods anywhere on the stack (inclusive):\n\n");
        table(out, profile.inclusive());
        out.append("\nMethods on top of the stack (self):\n\n");
        table(out, profile.self());
    }

    private static void table(StringBuilder out, List<PageProfile.Share> shares) {
        out.append("| | samples | share |\n|---|---|---|\n");
        for (var share : shares) {
            out.append(String.format(
                    Locale.ROOT, "| `%s` | %d | %.1f %% |%n", share.method(), share.samples(), share.percent()));
        }
    }
}
