package ru.paragraf.sferum.sync;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes what people must be told of a ledger change ({@link SubjectChatCreated}, {@link LessonCallFailed},
 * {@link LessonCallStarted} after a failure, {@link StrangerRemoved}), in the transaction that records it, so that the event publication registry delivers it
 * after commit and loses nothing to a crash. Ids only: one statement (the registry's) per such change, none for any
 * other; what the notices show of them they ask {@link ChatFacts} after commit.
 */
@Component
class LedgerNews {

    private final ApplicationEventPublisher events;

    LedgerNews(ApplicationEventPublisher events) {
        this.events = events;
    }

    void told(LedgerChange change) {
        if (change instanceof LedgerChange.ChatCreated created) {
            events.publishEvent(new SubjectChatCreated(
                    created.chat().organization(), created.chat().journal()));
        } else if (change instanceof LedgerChange.StrangerRemoved removed) {
            events.publishEvent(new StrangerRemoved(
                    removed.chat().organization(), removed.chat().journal()));
        } else if (change instanceof LedgerChange.CallFailed failed) {
            events.publishEvent(new LessonCallFailed(
                    failed.call().organization(), failed.call().lesson()));
        } else if (change instanceof LedgerChange.CallStarted started && started.afterFailure()) {
            events.publishEvent(new LessonCallStarted(
                    started.call().organization(), started.call().lesson()));
        }
    }
}
