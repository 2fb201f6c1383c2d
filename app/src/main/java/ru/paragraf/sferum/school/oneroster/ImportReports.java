package ru.paragraf.sferum.school.oneroster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.accounts.RosterAccountChanges;
import ru.paragraf.sferum.school.oneroster.ImportReport.AccountLines;
import ru.paragraf.sferum.school.oneroster.ImportReport.Outcome;
import ru.paragraf.sferum.school.oneroster.ImportReport.ReportedProblem;
import ru.paragraf.sferum.school.oneroster.ImportReport.RosterChange;

/**
 * Renders the outcome of an import into Russian from messages_ru.properties. Numbers are passed to the messages
 * as text, so that line 1234 does not become «1 234».
 */
@Component
class ImportReports {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private static final int MAX_VALUE_LENGTH = 100;

    private static final List<String> FILE_ORDER = Stream.concat(
                    Stream.of(OneRosterFile.MANIFEST),
                    Arrays.stream(OneRosterFile.values()).map(OneRosterFile::fileName))
            .toList();

    private static final Comparator<Problem> IN_FILE_ORDER = Comparator.<Problem>comparingInt(
                    problem -> FILE_ORDER.indexOf(problem.file()))
            .thenComparingInt(Problem::line);

    private final MessageSource messages;
    private final OneRosterProperties properties;

    ImportReports(MessageSource messages, OneRosterProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    ImportReport applied(
            List<ImportCount> counts,
            List<MembershipChanges.OrganizationChanges> changes,
            Map<UUID, Integer> left,
            AccountLines accounts) {
        var titled = counts.stream()
                .map(count -> count.titled(message("oneroster.kind." + count.kind())))
                .toList();
        var roster = changes.stream()
                .map(change -> rosterChange(change, left.getOrDefault(change.organization(), 0)))
                .toList();
        return new ImportReport(
                Outcome.APPLIED, message("oneroster.report.applied"), titled, roster, 0, Map.of(), List.of(), accounts);
    }

    private RosterChange rosterChange(MembershipChanges.OrganizationChanges change, int pupilsLeft) {
        var journals = String.valueOf(change.journals().size());
        var text = pupilsLeft == 0
                ? message("oneroster.report.roster.line", change.name(), journals)
                : message("oneroster.report.roster.lineLeft", change.name(), journals, String.valueOf(pupilsLeft));
        return new RosterChange(
                change.organization(), change.name(), change.journals().size(), pupilsLeft, text);
    }

    /** What happened to the accounts, in Russian; see {@link AccountLines}. */
    AccountLines accounts(RosterAccountChanges changes, List<ImportPlan.PersonAccount> inSeveralSchools) {
        var summary = message(
                "oneroster.report.accounts.summary",
                String.valueOf(changes.created()),
                String.valueOf(changes.updated()),
                String.valueOf(changes.unchanged()),
                String.valueOf(changes.disabled()),
                String.valueOf(changes.enabled()));
        var lines = new ArrayList<String>();
        if (changes.withoutLogin() > 0) {
            lines.add(message(
                    "oneroster.account.withoutLogin",
                    String.valueOf(changes.withoutLogin()),
                    properties.accountLogin().column()));
        }
        for (var renamed : changes.renamed()) {
            lines.add(message("oneroster.account.renamed", renamed.reference(), renamed.from(), renamed.to()));
        }
        for (var conflict : changes.conflicts()) {
            var reason =
                    message("oneroster.account." + conflict.reason().name(), conflict.reference(), conflict.login());
            var outcome = conflict.keptLogin() == null
                    ? message("oneroster.account.none")
                    : message("oneroster.account.kept", conflict.keptLogin());
            lines.add(reason + " " + outcome);
        }
        for (var person : inSeveralSchools) {
            lines.add(
                    message("oneroster.account.severalSchools", person.sourcedId(), String.valueOf(person.schools())));
        }
        return new AccountLines(summary, List.copyOf(lines));
    }

    /** Reports the problems in the order of the files (as the planning steps read them) and of their lines. */
    ImportReport rejected(List<Problem> found) {
        var problems = found.stream().sorted(IN_FILE_ORDER).toList();
        var byFile = new LinkedHashMap<String, Integer>();
        problems.forEach(problem -> byFile.merge(problem.file(), 1, Integer::sum));
        var shown = new ArrayList<ReportedProblem>();
        for (var problem : problems.subList(0, Math.min(problems.size(), properties.maxReportedProblems()))) {
            shown.add(render(problem));
        }
        var summary = message("oneroster.report.rejected", String.valueOf(problems.size()));
        return new ImportReport(
                Outcome.REJECTED, summary, List.of(), List.of(), problems.size(), byFile, List.copyOf(shown), null);
    }

    ImportReport failed() {
        return new ImportReport(
                Outcome.FAILED, message("oneroster.report.failed"), List.of(), List.of(), 0, Map.of(), List.of(), null);
    }

    String malformed(MalformedPackageException e) {
        return message(
                "oneroster.malformed." + e.reason(),
                String.valueOf(properties.maxUploadSize().toMegabytes()),
                String.valueOf(properties.maxUncompressedSize().toMegabytes()));
    }

    long maxUploadMegabytes() {
        return properties.maxUploadSize().toMegabytes();
    }

    String message(String code, Object... args) {
        return messages.getMessage(code, args, RUSSIAN);
    }

    private ReportedProblem render(Problem problem) {
        var args = problem.args().stream().map(String::valueOf).toArray();
        var reason = message("oneroster.problem." + problem.code(), args);
        var value = shown(problem.value());
        var line = problem.line() == 0 ? null : problem.line();
        var file = problem.file();
        String text;
        if (line == null) {
            text = problem.column() == null
                    ? message("oneroster.at.file", file, reason)
                    : message("oneroster.at.column", file, problem.column(), reason);
        } else if (problem.column() == null) {
            text = message("oneroster.at.line", file, line.toString(), reason);
        } else if (value == null) {
            text = message("oneroster.at.lineColumn", file, line.toString(), problem.column(), reason);
        } else {
            text = message("oneroster.at.lineColumnValue", file, line.toString(), problem.column(), value, reason);
        }
        return new ReportedProblem(file, line, problem.column(), value, reason, text);
    }

    /** The value as the report shows it: control characters escaped, long values cut; empty as absent. */
    static @Nullable String shown(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        var out = new StringBuilder();
        value.codePoints().limit(MAX_VALUE_LENGTH).forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append("\\u%04X".formatted(c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > MAX_VALUE_LENGTH) {
            out.append('\u2026');
        }
        return out.toString();
    }
}
