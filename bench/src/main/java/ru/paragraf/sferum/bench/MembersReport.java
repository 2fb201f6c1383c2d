package ru.paragraf.sferum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Writes a chat-members run's figures as Markdown: {@code members-<UTC time>.md}. */
final class MembersReport {

    private MembersReport() {}

    static Path write(MembersResult result, String command, Path directory) throws IOException {
        Files.createDirectories(directory);
        var stamp = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Files.writeString(directory.resolve("members-" + stamp + ".md"), markdown(result, command));
    }

    static String markdown(MembersResult result, String command) {
        var md = new StringBuilder();
        var s = result.settings();
        md.append("# Chat members at city scale (issue 15)\n\n");
        md.append("Command: `").append(command).append("`\n\n");
        md.append(f(
                "%d schools (%s), %d chats of the video day's journals; %d pupils linked, %d parents linked (%d schools"
                        + " with «Родители в предметных чатах»); VK latency %d ms; worker threads %d, community"
                        + " concurrency %d, CPU ceiling %.2f; %d CPUs.%n%n",
                result.schools(),
                result.cityRows(),
                result.chats(),
                result.pupilsLinked(),
                result.parentsLinked(),
                result.schoolsWithParents(),
                s.latency().toMillis(),
                s.workerThreads(),
                s.communityConcurrency(),
                s.cpuCeiling(),
                Runtime.getRuntime().availableProcessors()));
        md.append("## Setup (not measured)\n\n| step | time |\n|---|---|\n");
        result.setup().forEach((step, time) -> md.append(f("| %s | %.1f s |%n", step, time.toMillis() / 1000.0)));
        md.append(f("%nOnce the chats were made, before anyone linked: %s.%n", result.chatsReady()));
        md.append("\n## Phases\n\n");
        md.append("| figure |");
        result.phases().forEach(phase -> md.append(' ').append(phase.name()).append(" |"));
        md.append("\n|---|");
        result.phases().forEach(phase -> md.append("---|"));
        md.append('\n');
        row(
                md,
                result,
                "time to converge",
                p -> p.convergedSeconds() == null
                        ? "**not converged** within " + s.capSeconds() + " s"
                        : f("%.1f s", p.convergedSeconds()));
        row(md, result, "VK requests (all methods)", p -> String.valueOf(p.requests()));
        row(md, result, "VK requests by method", p -> join(p.methods()));
        row(md, result, "**error-6 answers**", p -> "**" + p.error6() + "**");
        row(md, result, "operations queued, by kind and status", p -> join(p.operations()));
        row(
                md,
                result,
                "chats checked against the emulator",
                p -> f("%d (%d not in VK)", p.check().chats(), p.check().notInVk()));
        row(
                md,
                result,
                "people who belong / in the chats",
                p -> p.check().belong() + " / " + p.check().inChats());
        row(
                md,
                result,
                "**members wrong** (missing + too many)",
                p -> f(
                        "**%d** (%d + %d)",
                        p.check().wrong(), p.check().missing(), p.check().extra()));
        row(
                md,
                result,
                "application (but its pages) + PostgreSQL CPU",
                p -> f(
                        "%.1f s (%.1f + %.1f)",
                        p.engineMillis() / 1000,
                        p.cpu().app() / 1000,
                        Math.max(0, p.cpu().postgres()) / 1000));
        row(md, result, "of it per VK request", p -> f("%.2f ms", p.engineMillis() / Math.max(1, p.requests())));
        row(
                md,
                result,
                "of it per chat",
                p -> f("%.1f ms", p.engineMillis() / Math.max(1, p.check().chats())));
        row(
                md,
                result,
                "VK requests per chat",
                p -> f("%.2f", p.requests() / (double) Math.max(1, p.check().chats())));
        row(
                md,
                result,
                "machine CPU (all processes); other processes",
                p -> f("%.1f s; %.1f s", p.cpu().machine() / 1000, p.cpu().others() / 1000));
        row(
                md,
                result,
                "load average before → after (1 min)",
                p -> f("%.1f → %.1f", p.loadBefore().one(), p.loadAfter().one()));
        md.append(f(
                "%nRoster changes: %d pupils moved class (%.1f %%), %d chat journals named in %d schools' "
                        + "RosterChanged; removal holds recorded: %d (threshold: sferum.sync.hold defaults, the smaller "
                        + "of 10 %% of a school's chat members and 200).%n",
                result.moved().pupils(),
                s.movesShare() * 100,
                result.moved().journals(),
                result.moved().schools(),
                result.holds()));
        var st = result.strangers();
        md.append(f(
                "%nStrangers planted before the member check: %d; listed by the check: %d; removed: %d; still in"
                        + " their chat in the emulator: %d. SFERUM_SYNC runs: %s.%n",
                st.planted(), st.listed(), st.removed(), st.stillIn(), join(st.runs())));
        return md.toString();
    }

    private static void row(
            StringBuilder md,
            MembersResult result,
            String figure,
            java.util.function.Function<MembersResult.Phase, String> value) {
        md.append("| ").append(figure).append(" |");
        result.phases()
                .forEach(phase -> md.append(' ').append(value.apply(phase)).append(" |"));
        md.append('\n');
    }

    private static String join(Map<String, Long> counts) {
        var text = new StringBuilder();
        counts.forEach((key, n) ->
                text.append(text.isEmpty() ? "" : ", ").append(key).append(' ').append(n));
        return text.isEmpty() ? "–" : text.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
