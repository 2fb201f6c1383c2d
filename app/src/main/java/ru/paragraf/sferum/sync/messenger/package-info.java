/**
 * The messenger provider SPI of the synchronization engine (DESIGN §5): what the engine asks of a messenger —
 * chats, members, invite links, calls, messages — in messenger-neutral terms. VK Sferum is the first
 * implementation ({@code sync.vk}); a MAX provider would declare other {@link ru.paragraf.sferum.sync.messenger.Capabilities}.
 */
@NullMarked
package ru.paragraf.sferum.sync.messenger;

import org.jspecify.annotations.NullMarked;
