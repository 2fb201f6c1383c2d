/**
 * «Готовность к работе со Сферум»: how far each school has come through the seed's preparatory steps and whether
 * its chats and calls work — for one school, for a district and for the whole city.
 *
 * <p>A school's readiness is read, never stored: community credentials and their verdict from {@code linkbase}, the
 * SFERUM_SYNC task and its last run from {@code exchange}, teachers with a linked VK ID from {@code school}'s staff
 * files, subject chats and this week's calls from {@code sync}'s ledger. Each of these modules answers for many
 * organizations in one query, so the city's table of about 700 schools costs five queries, not five per school.
 * Pages {@code /orgs/{org}/readiness}, {@code /districts/{id}/readiness} and {@code /readiness} (sortable tables,
 * server-rendered SVG charts); API {@code /api/orgs/{org}/readiness}, {@code /api/districts/{id}/readiness} and
 * {@code /api/readiness}. The school's «Журнал изменений» ({@code /orgs/{org}/audit}, API
 * {@code /api/orgs/{org}/audit}) shows its entries of {@code audit}, reached from the readiness page. Scoped like
 * school data: what the person may not see does not exist for them (404). Owns no table.
 *
 * <p><b>Depends on</b> {@code accounts}, {@code school}, {@code linkbase}, {@code exchange}, {@code sync} (its
 * {@code SyncOverview}) and {@code audit}. Publishes and listens to nothing. Offers
 * {@link ru.paragraf.sferum.readiness.NotReadySchools} (each district's schools not ready) for the district
 * operators' daily summary in {@code notices}.
 */
@NullMarked
@ApplicationModule(
        displayName = "Readiness",
        allowedDependencies = {"accounts", "school", "linkbase", "exchange", "sync", "audit"})
package ru.paragraf.sferum.readiness;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
