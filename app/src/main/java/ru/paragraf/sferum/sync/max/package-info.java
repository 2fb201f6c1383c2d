/**
 * The MAX adapter: a typed client of the MAX bot API methods the provider uses ({@link
 * ru.paragraf.sferum.sync.max.MaxClient}), requests grouped by API section ({@code MaxBots}, {@code MaxChats},
 * {@code MaxMembers}, {@code MaxMessages}, {@code MaxUpdates}), the bot token as a masked value object, and every answer
 * as a classified {@link ru.paragraf.sferum.sync.max.MaxOutcome} whose failures map onto the engine's
 * {@link ru.paragraf.sferum.sync.messenger.Problem.Kind}. Facts of the API: {@code max-protocol.md} §1–§3, §5.
 *
 * <p>Internal to the {@code sync} module; a client only, with no engine logic.
 */
@NullMarked
package ru.paragraf.sferum.sync.max;

import org.jspecify.annotations.NullMarked;
