package ru.paragraf.sferum.sync.max;

/**
 * Acts on one stored update of a school's MAX bot, inside the dispatcher's transaction that also marks the update
 * handled: it only changes the database (binds a chat, stores a link, queues an engine operation) and never calls
 * MAX itself. A handler that throws rolls the transaction back, and the update is tried again later.
 */
public interface MaxUpdateHandler {

    void handle(MaxBotUpdate update);
}
