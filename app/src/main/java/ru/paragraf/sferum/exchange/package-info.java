/**
 * «Задачи обмена данными»: exchange tasks of organizations, their schedules, runs and per-object results.
 *
 * <p>Owns the task definitions (one task of a type per organization, a cron schedule, an enabled flag), the runs
 * with their progress and items, and the clustered scheduler: Quartz with its JDBC job store in cluster mode on
 * the application's PostgreSQL, so that a task never runs on two nodes at once and a run whose node died is taken
 * over by another node.
 *
 * <p>Offers the SPI {@link ru.paragraf.sferum.exchange.ExchangeTaskType}, which other modules implement as beans
 * (the {@code sync} module implements {@code SFERUM_SYNC}); a type works through the
 * {@link ru.paragraf.sferum.exchange.ExchangeRun} handle. Offers {@link ru.paragraf.sferum.exchange.ExchangeTaskStates}
 * to ask whether an organization has an enabled task of a type and how its last run ended. Publishes
 * {@link ru.paragraf.sferum.exchange.ExchangeRunFinished} when a run ends. Listens to nothing.
 */
@NullMarked
@ApplicationModule(
        displayName = "Exchange",
        allowedDependencies = {"accounts", "audit", "school"})
package ru.paragraf.sferum.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
