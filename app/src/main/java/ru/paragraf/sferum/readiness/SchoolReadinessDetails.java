package ru.paragraf.sferum.readiness;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.exchange.ExchangeRunStatus;
import ru.paragraf.sferum.linkbase.CommunityStates.CommunityState;
import ru.paragraf.sferum.school.OrganizationSummary;
import ru.paragraf.sferum.school.PupilParentSferumAccounts;
import ru.paragraf.sferum.school.TeacherSferumAccounts;
import ru.paragraf.sferum.school.TeacherSferumAccounts.TeacherAccount;
import ru.paragraf.sferum.sync.SyncOverview;
import ru.paragraf.sferum.sync.SyncOverview.Failure;

/**
 * One school's readiness with everything behind its figures: who has not linked the account its messenger adds them by
 * (a VK ID, or MAX), what failed, what to fix.
 */
@Component
class SchoolReadinessDetails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final ReadinessFacts facts;
    private final TeacherSferumAccounts teachers;
    private final SyncOverview sync;
    private final ReadinessTexts texts;
    private final PupilParentSferumAccounts people;
    private final Clock clock;

    SchoolReadinessDetails(
            ReadinessFacts facts,
            TeacherSferumAccounts teachers,
            SyncOverview sync,
            ReadinessTexts texts,
            PupilParentSferumAccounts people,
            Clock clock) {
        this.people = people;
        this.facts = facts;
        this.teachers = teachers;
        this.sync = sync;
        this.texts = texts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    SchoolReadinessView of(OrganizationSummary organization) {
        var week = Week.of(clock);
        var school = facts.of(List.of(organization), week).get(0);
        var accounts = teachers.of(organization.id(), school.onMax());
        var missing = accounts.stream().filter(teacher -> !teacher.linked()).toList();
        var failures = sync.failuresOf(organization.id(), week.monday(), week.sunday());
        var community = school.community();
        return new SchoolReadinessView(
                school,
                week,
                community == null ? null : credentials(community),
                community == null ? null : texts.time(community.verdictAt()),
                texts.time(school.lastRunFinishedAt()),
                accounts,
                failures,
                fixes(school, missing, failures),
                people.of(organization.id(), school.onMax()),
                sync.strangersOf(organization.id()));
    }

    /** As «База ссылок» words it: «проверено ✓», «не проверены», «ошибка: …». */
    private String credentials(CommunityState community) {
        var failure = community.failure();
        if (failure != null) {
            return texts.get("linkbase.state.FAILED", texts.get("linkbase.reason." + failure.name()));
        }
        return texts.get("linkbase.state." + community.state().name());
    }

    private List<ToFix> fixes(SchoolReadiness school, List<TeacherAccount> missing, List<Failure> failures) {
        var id = school.organization().id();
        var linkbase = "/orgs/" + id + "/linkbase";
        var fixes = new ArrayList<ToFix>();
        switch (school.credentials()) {
            case NONE:
                fixes.add(new ToFix(texts.get("readiness.fix.noCredentials"), linkbase));
                break;
            case UNVERIFIED:
                fixes.add(new ToFix(
                        texts.get(ReadinessTexts.forMessenger(school, "readiness.fix.unverified")), linkbase));
                break;
            case FAILED:
                fixes.add(new ToFix(
                        texts.get(
                                ReadinessTexts.forMessenger(school, "readiness.fix.failed"),
                                credentials(Objects.requireNonNull(school.community()))),
                        linkbase));
                break;
            default:
                break;
        }
        if (school.paused()) {
            fixes.add(new ToFix(texts.get("readiness.fix.paused", school.sync().pausedReason()), linkbase));
        }
        var title = texts.get("exchange.type." + ReadinessFacts.SFERUM_SYNC);
        var task = school.task();
        if (task == null) {
            fixes.add(new ToFix(texts.get("readiness.fix.noTask", title), "/orgs/" + id + "/exchange-tasks"));
        } else if (!task.enabled()) {
            fixes.add(new ToFix(texts.get("readiness.fix.taskDisabled", title), "/exchange-tasks/" + task.taskId()));
        }
        if (task != null
                && task.lastRunId() != null
                && task.lastRunCounts() != null
                && (task.lastRunStatus() == ExchangeRunStatus.FAILED
                        || task.lastRunStatus() == ExchangeRunStatus.PARTIAL)) {
            fixes.add(new ToFix(
                    texts.get("readiness.fix.lastRun", task.lastRunCounts().errors()),
                    "/exchange-runs/" + task.lastRunId() + "?errors=true"));
        }
        if (!missing.isEmpty()) {
            fixes.add(new ToFix(
                    texts.get(ReadinessTexts.forMessenger(school, "readiness.fix.teachers"), missing.size()),
                    "#readiness-missing"));
        }
        for (var failure : failures) {
            fixes.add(new ToFix(failure(failure), failure.link()));
        }
        return fixes;
    }

    private String failure(Failure failure) {
        var problem = failure.problem() == null ? texts.get("readiness.fix.noReason") : failure.problem();
        if (failure.lessonDate() == null || failure.startsAt() == null) {
            return texts.get("readiness.fix.chat", failure.title(), problem);
        }
        return texts.get(
                "readiness.fix.call",
                failure.title(),
                DAY.format(failure.lessonDate()),
                HOUR.format(failure.startsAt()),
                problem);
    }
}
