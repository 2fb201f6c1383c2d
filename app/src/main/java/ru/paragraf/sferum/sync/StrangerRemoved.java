package ru.paragraf.sferum.sync;

import java.util.UUID;

/** The community took a stranger (someone who does not belong to the journal) out of its subject chat. */
public record StrangerRemoved(UUID organization, UUID journal) {}
