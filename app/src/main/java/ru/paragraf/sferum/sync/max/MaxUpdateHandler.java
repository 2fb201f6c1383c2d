package ru.paragraf.sferum.sync.max;

/**
 * Acts on one stored MAX update. The dispatcher calls every handler bean for each update, in the order MAX gave a
 * bot's updates, inside the one database transaction that also marks the update handled. A handler changes only the
 * database, in that transaction (binds a chat, stores a link, queues an engine operation), and never calls MAX. One
 * that throws rolls the whole transaction back: the update is tried again later, and parked after too many attempts.
 * An update is handled again only if its transaction did not commit, so the handler's own unique keys are dedupe
 * enough.
 */
public interface MaxUpdateHandler {

    void handle(MaxBotUpdate update);
}
