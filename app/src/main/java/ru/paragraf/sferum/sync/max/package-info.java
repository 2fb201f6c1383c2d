/**
 * The MAX adapter: a typed client of the MAX bot API methods the provider uses ({@link
 * ru.paragraf.sferum.sync.max.MaxClient}), requests grouped by API section ({@code MaxBots}, {@code MaxChats},
 * {@code MaxMembers}, {@code MaxMessages}, {@code MaxUpdates}), the bot token as a masked value object, and every answer
 * as a classified {@link ru.paragraf.sferum.sync.max.MaxOutcome} whose failures map onto the engine's
 * {@link ru.paragraf.sferum.sync.messenger.Problem.Kind}. Facts of the API: {@code max-protocol.md} §1–§3, §5.
 *
 * <p>Also the inbox of MAX updates (docs/architecture.md, «MAX updates: inbox, lease, webhook»): {@code sync.max_update}
 * and {@code sync.max_bot_feed}, the leased long poll ({@code MaxPollers}), the webhook ({@code MaxWebhookApi},
 * {@code POST /api/max/updates/{bot}}), and the dispatcher that hands each stored update to the {@link
 * ru.paragraf.sferum.sync.max.MaxUpdateHandler} beans in one transaction.
 *
 * <p>Internal to the {@code sync} module; the client has no engine logic.
 */
@NullMarked
package ru.paragraf.sferum.sync.max;

import org.jspecify.annotations.NullMarked;
