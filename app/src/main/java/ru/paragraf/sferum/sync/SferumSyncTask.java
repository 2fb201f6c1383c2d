package ru.paragraf.sferum.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.exchange.ExchangeRun;
import ru.paragraf.sferum.exchange.ExchangeTaskType;
import ru.paragraf.sferum.exchange.ItemResult;
import ru.paragraf.sferum.linkbase.SferumCommunities;

/**
 * The exchange task «Сервис выгрузки данных в Электронный дневник портала Петербургское образование -
 * Синхронизация чатов и ВКС с платформой VK Сферум». A run checks the preparations (community credentials, every
 * teacher's VK ID), checks that what the ledger believes VK has is still there ({@link LedgerCheck}), then
 * reconciles the whole organization with the same planner the events use (saying what the messenger provider
 * cannot do, which is not queued), waits for the operations, and reports each object. Safe to repeat on another
 * node after a crash: planning is idempotent.
 */
@Component
class SferumSyncTask implements ExchangeTaskType {

    private static final long POLL_MILLIS = 300;

    private final SferumCommunities communities;
    private final Readiness readiness;
    private final SyncOrganizations organizations;
    private final Planner planner;
    private final Operations operations;
    private final Workers workers;
    private final RunReport report;
    private final CommunityCredentials credentials;
    private final LedgerCheck ledgerCheck;
    private final SyncProperties properties;
    private final YearClosing yearClosing;
    private final Clock clock;

    SferumSyncTask(
            SferumCommunities communities,
            Readiness readiness,
            SyncOrganizations organizations,
            Planner planner,
            Operations operations,
            Workers workers,
            RunReport report,
            CommunityCredentials credentials,
            LedgerCheck ledgerCheck,
            SyncProperties properties,
            YearClosing yearClosing,
            Clock clock) {
        this.communities = communities;
        this.readiness = readiness;
        this.organizations = organizations;
        this.planner = planner;
        this.operations = operations;
        this.workers = workers;
        this.report = report;
        this.credentials = credentials;
        this.ledgerCheck = ledgerCheck;
        this.properties = properties;
        this.yearClosing = yearClosing;
        this.clock = clock;
    }

    @Override
    public String code() {
        return Readiness.TASK_TYPE;
    }

    @Override
    public void run(ExchangeRun run) throws InterruptedException {
        var organization = run.organizationId();
        checkCredentials(run, organization);
        var ready = readiness.refresh(organization);
        var paused = organizations
                .find(organization)
                .map(SyncOrganizations.State::pausedReason)
                .orElse(null);
        var community = credentials.currentAccessOf(organization);
        var found = ready && paused == null && community.isPresent()
                ? ledgerCheck.check(run, organization, community.get())
                : new LedgerCheck.Findings(List.of(), Set.of());
        var teachers = report.teachers(organization, found.relinkRequired());
        teachers.forEach(run::record);
        found.items().forEach(run::record);
        // the credentials', teachers' and ledger check's items come first; each operation's follows once all ended
        int checked = 1 + teachers.size() + found.items().size();
        run.total(checked);
        if (paused != null) {
            run.record(RunItems.of(
                            ItemResult.ERROR,
                            RunItems.Subject.ORGANIZATION,
                            organization,
                            null,
                            RunItems.Step.SYNCHRONIZE,
                            run.text("sync.run.paused", paused))
                    .withLink("/orgs/" + organization + "/linkbase"));
            return;
        }
        if (!ready) {
            return;
        }
        // a year that has ended is closed as by «Закрыть учебный год»: its chats are archived by this run's planning
        for (var year : yearClosing.closeEndedYears(organization)) {
            run.record(RunItems.of(
                    ItemResult.OK,
                    RunItems.Subject.ORGANIZATION,
                    organization,
                    null,
                    RunItems.Step.SYNCHRONIZE,
                    run.text("yearClose.run.closed", year)));
            checked++;
        }
        planner.plan(organization, null, run.id());
        planner.planMemberChecks(organization, run.id());
        // what the provider cannot do is not queued: the run says what and why
        var unplanned = planner.unplanned(organization);
        unplanned.forEach(kind -> run.record(report.unplanned(organization, kind)));
        operations.adoptIntoRun(organization, run.id());
        workers.wakeUp();
        awaitOperations(run, checked + unplanned.size());
        // the strangers the member checks found go once the checks ended, where the school removes them
        if (planner.planStrangerRemovals(organization, run.id()) > 0) {
            workers.wakeUp();
            awaitOperations(run, checked + unplanned.size());
        }
        report.operations(organization, run.id()).forEach(run::record);
        report.strangersKept(organization).forEach(run::record);
    }

    private void checkCredentials(ExchangeRun run, UUID organization) {
        var community = communities.accountOf(organization);
        var link = "/orgs/" + organization + "/linkbase";
        if (community.isEmpty()) {
            run.record(RunItems.of(
                            ItemResult.ERROR,
                            RunItems.Subject.ORGANIZATION,
                            organization,
                            null,
                            RunItems.Step.CHECK_CREDENTIALS,
                            run.text("sync.run.noCredentials"))
                    .withLink(link));
        } else if (!community.get().isVerified()) {
            run.record(RunItems.of(
                            ItemResult.ERROR,
                            RunItems.Subject.ORGANIZATION,
                            organization,
                            String.valueOf(community.get().accountId()),
                            RunItems.Step.CHECK_CREDENTIALS,
                            run.text(Messenger.valueOf(community.get().messenger())
                                    .textKey("sync.run.credentialsNotVerified")))
                    .withLink(link));
        } else {
            run.record(RunItems.of(
                    ItemResult.OK,
                    RunItems.Subject.ORGANIZATION,
                    organization,
                    String.valueOf(community.get().accountId()),
                    RunItems.Step.CHECK_CREDENTIALS,
                    null));
        }
    }

    /**
     * Waits until the run's operations are done or failed, reporting progress after the {@code checked} objects
     * already recorded; stops at the timeout or on cancel.
     */
    private void awaitOperations(ExchangeRun run, int checked) throws InterruptedException {
        var deadline = Instant.now(clock).plus(properties.runTimeout());
        while (!run.cancelled() && Instant.now(clock).isBefore(deadline)) {
            var progress = report.progress(run.id());
            run.total(checked + progress.total());
            run.processed(checked + progress.finished());
            if (progress.finished() >= progress.total()) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
