/**
 * The MAX emulator: an in-memory, standalone imitation of MAX's bot API (schema 0.0.33) for tests, the embedded demo
 * mode and benchmarks, with a "person" API that plays the humans (create a chat, add the bot, write, open a deep
 * link). Start it with {@link ru.paragraf.maxemulator.MaxEmulator#start(ru.paragraf.maxemulator.EmulatorConfig)} or run
 * {@link ru.paragraf.maxemulator.Main}. Public: {@code MaxEmulator}, {@code EmulatorConfig}, {@code Seed}, {@code
 * ChatPermission}, {@code FaultPlan}, {@code EmulatorSnapshot}, {@code PersonActionException}, {@code Main}; the rest is
 * internal.
 */
@NullMarked
package ru.paragraf.maxemulator;

import org.jspecify.annotations.NullMarked;
