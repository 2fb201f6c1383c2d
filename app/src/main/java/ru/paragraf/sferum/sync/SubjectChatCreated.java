package ru.paragraf.sferum.sync;

import java.util.UUID;

/**
 * A journal's subject chat now exists in the messenger (published in the transaction that records it; its title and
 * teachers: {@link ChatFacts}).
 */
public record SubjectChatCreated(UUID organization, UUID journal) {}
