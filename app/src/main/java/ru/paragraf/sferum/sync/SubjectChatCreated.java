package ru.paragraf.sferum.sync;

import java.util.List;
import java.util.UUID;

/**
 * A journal's subject chat now exists in the messenger (published in the transaction that records it).
 *
 * @param title the chat's title
 * @param teachers the journal's teachers (employees)
 */
public record SubjectChatCreated(UUID organization, UUID journal, String title, List<UUID> teachers) {}
