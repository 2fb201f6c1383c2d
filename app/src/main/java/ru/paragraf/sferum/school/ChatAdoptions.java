package ru.paragraf.sferum.school;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How a journal of a MAX school gets its subject chat: people make the chat in MAX, add the school's bot as an
 * administrator and send the journal's one-time code in it (MAX's bot API cannot create chats). Implemented by the
 * synchronization module, so school never depends on the messenger.
 */
public interface ChatAdoptions {

    /** The steps to show, for a journal of a MAX school that has no chat yet; empty otherwise. */
    Optional<ChatAdoptionGuide> guideOf(UUID organization, UUID journal);

    /** A new code of the journal in place of its unused one; shown once, only its hash is kept. */
    IssuedCode issueCode(UUID organization, UUID journal);

    /**
     * What the journal page shows of the steps.
     *
     * @param botUsername the bot's {@code @username} in MAX, without the {@code @}
     * @param codeDays how many days a code may be sent
     */
    record ChatAdoptionGuide(String botUsername, String botName, long codeDays) {}

    /** A code as the person who asked for it sees it, once. */
    record IssuedCode(String code, Instant expiresAt) {}
}
