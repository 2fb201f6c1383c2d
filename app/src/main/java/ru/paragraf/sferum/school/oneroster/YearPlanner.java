package ru.paragraf.sferum.school.oneroster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.oneroster.ImportPlan.YearWrite;
import ru.paragraf.sferum.school.oneroster.RosterRows.SessionRow;

/**
 * Plans academicSessions.csv. Academic years are shared by the whole city, so a school year is matched by its
 * title, «2026/2027» for schoolYear 2027, not by sourcedId; only the city operator creates or changes them.
 * Terms, semesters and grading periods are not stored: a class in a term belongs to the term's school year.
 */
final class YearPlanner {

    private static final Pattern TITLE = Pattern.compile("\\d{4}\\s*/\\s*(\\d{4})");

    private final PlanContext context;
    private final Map<String, ExistingRecords.Year> byTitle;
    private final Map<String, ExistingRecords.Year> byExternalId;
    private final Set<String> usedExternalIds;
    private final Map<String, Integer> sessionYears = new HashMap<>();
    private final Map<Integer, UUID> yearIds = new HashMap<>();

    YearPlanner(PlanContext context, List<ExistingRecords.Year> years) {
        this.context = context;
        this.byTitle = years.stream().collect(Collectors.toMap(ExistingRecords.Year::title, Function.identity()));
        this.byExternalId = years.stream()
                .filter(year -> year.externalId() != null)
                .collect(Collectors.toMap(ExistingRecords.Year::externalId, Function.identity()));
        this.usedExternalIds = new HashSet<>(byExternalId.keySet());
    }

    static String title(int schoolYear) {
        return (schoolYear - 1) + "/" + schoolYear;
    }

    void plan() {
        var firstLines = new HashMap<Integer, Integer>();
        for (var session : context.roster.sessions()) {
            sessionYears.put(session.sourcedId(), session.year());
            if (!session.schoolYear()) {
                continue;
            }
            var first = firstLines.putIfAbsent(session.year(), session.row().line());
            if (first != null) {
                context.problems.at(session.row(), "schoolYear", "duplicateYear", first);
            } else {
                schoolYear(session);
            }
        }
    }

    /** The academic year of a class, from its terms; reports terms of unknown or of different years. */
    Optional<UUID> yearOf(CsvRow row, List<String> terms) {
        var years = new HashSet<Integer>();
        for (var term : terms) {
            var year = sessionYears.get(term);
            if (year == null && byExternalId.containsKey(term)) {
                year = endYear(byExternalId.get(term).title());
            }
            if (year != null) {
                years.add(year);
            } else if (!context.roster.seen(OneRosterFile.ACADEMIC_SESSIONS, term)) {
                context.problems.at(row, "termSourcedIds", "unknownReference", "academicSessions.csv");
                return Optional.empty();
            } else {
                return Optional.empty();
            }
        }
        if (years.size() != 1) {
            context.problems.at(row, "termSourcedIds", "termsInDifferentYears");
            return Optional.empty();
        }
        var year = years.iterator().next();
        var id = yearIds.get(year);
        if (id == null && byTitle.containsKey(title(year))) {
            id = byTitle.get(title(year)).id();
        }
        if (id == null && context.roster.sessions().stream().noneMatch(s -> s.schoolYear() && s.year() == year)) {
            context.problems.at(row, "termSourcedIds", "yearMissing", title(year));
        }
        return Optional.ofNullable(id);
    }

    /** The year a title such as 2026/2027 ends in, or null for a title of another form. */
    private static @Nullable Integer endYear(String title) {
        var matcher = TITLE.matcher(title);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    private void schoolYear(SessionRow session) {
        var title = title(session.year());
        var existing = byTitle.get(title);
        if (!context.scope.isCity()) {
            if (existing == null) {
                context.problems.at(session.row(), "schoolYear", "yearCreateForbidden", title);
            } else {
                context.plan.referencedYears++;
                yearIds.put(session.year(), existing.id());
            }
            return;
        }
        var id = existing == null ? UUID.randomUUID() : existing.id();
        var externalId = existing == null && usedExternalIds.add(session.sourcedId()) ? session.sourcedId() : null;
        context.plan.years.add(
                new YearWrite(id, existing == null, title, session.startDate(), session.endDate(), externalId));
        yearIds.put(session.year(), id);
    }
}
