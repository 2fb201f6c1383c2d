/**
 * The synchronization engine with Sferum: derives the desired chats and calls from school data, compares them
 * with the ledger of external objects and carries out the difference against the messenger.
 *
 * <p>For now only its VK adapter exists ({@code sync.vk}): the typed VK API client with per-token rate limits,
 * idempotency-aware retries and the classification of every VK error. It is the only place that speaks VK API
 * terms; the engine will reach it through a messenger provider SPI, so that a MAX provider can follow. It
 * implements the link base's {@link ru.paragraf.sferum.linkbase.CommunityVerifier} (depends on {@code linkbase}, never
 * the other way). Publishes and listens to nothing yet.
 *
 * <p>In the embedded default this process is the only node, so at start it gives back the operations and community
 * leases that a dead earlier process held ({@code OrphanedWork}) instead of waiting for their leases to expire.
 *
 * <p>«Предпросмотр» (page {@code /orgs/{org}/sync-preview}, API {@code GET /api/orgs/{org}/sync-preview}) shows
 * what the next SFERUM_SYNC run of a school would do, from the same {@code Planner} in its preview mode, without
 * enqueuing anything or reaching the messenger.
 */
@NullMarked
@ApplicationModule(displayName = "Sync")
package ru.paragraf.sferum.sync;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
