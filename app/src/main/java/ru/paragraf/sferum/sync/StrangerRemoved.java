package ru.paragraf.sferum.sync;

import java.util.UUID;

/**
 * The community took a stranger (someone who does not belong to the journal) out of its subject chat.
 *
 * @param title the chat's title
 */
public record StrangerRemoved(UUID organization, UUID journal, String title) {}
