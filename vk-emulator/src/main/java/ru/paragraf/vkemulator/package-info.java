/**
 * The VK emulator: an in-memory, standalone imitation of the VK API methods and VK ID endpoints that the
 * product uses, for tests, the embedded demo mode and benchmarks. Start it with {@link
 * ru.paragraf.vkemulator.VkEmulator#start(ru.paragraf.vkemulator.EmulatorConfig)} or run {@link
 * ru.paragraf.vkemulator.Main}. Public: {@code VkEmulator}, {@code EmulatorConfig}, {@code Seed}, {@code
 * CommunityPermission}, {@code FaultPlan}, {@code EmulatorSnapshot}, {@code MembershipOutcome}, {@code TestAccount}, {@code
 * StateFileException}, {@code Main}; the rest is internal.
 */
@NullMarked
package ru.paragraf.vkemulator;

import org.jspecify.annotations.NullMarked;
