/**
 * «Задачи обмена данными»: exchange tasks of organizations, their schedules, runs and per-object results.
 *
 * <p><b>Owns</b> (schema {@code exchange}) the task definitions (one task of a type per organization, a cron schedule,
 * an enabled flag), the runs with their progress and items, and the clustered scheduler: Quartz with its JDBC job
 * store in cluster mode on the application's PostgreSQL, so that a task never runs on two nodes at once and a run
 * whose node died is taken over by another node. When the application is ready it brings the scheduler in step with
 * the stored tasks, and when the context closes its runs stop and pass to another node (Spring's own lifecycle
 * events, not a module's).
 * Pages {@code /orgs/{org}/exchange-tasks}, {@code /exchange-tasks/…}, {@code /exchange-runs/…} and their API.
 *
 * <p><b>Offers</b> the SPI {@link ru.paragraf.sferum.exchange.ExchangeTaskType}, which other modules implement as beans
 * (the {@code sync} module implements {@code SFERUM_SYNC}); a type works through the
 * {@link ru.paragraf.sferum.exchange.ExchangeRun} handle. Offers {@link ru.paragraf.sferum.exchange.ExchangeTaskStates}
 * to ask whether an organization has an enabled task of a type and how its last run ended.
 *
 * <p><b>Publishes</b> {@link ru.paragraf.sferum.exchange.ExchangeTaskChanged} when a task is added, changed or deleted,
 * and {@link ru.paragraf.sferum.exchange.ExchangeRunFinished} when a run ends. Listens to no module's events.
 *
 * <p><b>Depends on</b> {@code accounts} (the person and their scope), {@code audit} (task and run changes are audited)
 * and {@code school} (which organizations the person may see).
 */
@NullMarked
@ApplicationModule(
        displayName = "Exchange",
        allowedDependencies = {"accounts", "audit", "school"})
package ru.paragraf.sferum.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
