/**
 * The VK adapter: a typed client of the VK API methods we use ({@link ru.paragraf.sferum.sync.vk.VkClient}),
 * requests grouped by API section ({@code VkGroups}, {@code VkUsers}, {@code VkChats}, {@code VkConversations},
 * {@code VkMessages}, {@code VkCalls}), tokens as masked value objects, and every answer as a classified
 * {@link ru.paragraf.sferum.sync.vk.VkOutcome}.
 *
 * <p>Internal to the {@code sync} module. Some types are public only because the benchmark harness (another
 * Maven module) drives the client directly.
 */
@NullMarked
package ru.paragraf.sferum.sync.vk;

import org.jspecify.annotations.NullMarked;
