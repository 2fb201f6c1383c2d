package ru.paragraf.sferum.sync;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes what people must be told of a ledger change ({@link SubjectChatCreated}, {@link LessonCallFailed},
 * {@link LessonCallStarted}, {@link StrangerRemoved}), in the transaction that records it, so that the event
 * publication registry delivers it after commit and loses nothing to a crash.
 */
@Component
class LedgerNews {

    private final ApplicationEventPublisher events;
    private final Ledger ledger;
    private final JdbcClient jdbc;

    LedgerNews(ApplicationEventPublisher events, Ledger ledger, JdbcClient jdbc) {
        this.events = events;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    void told(LedgerChange change) {
        if (change instanceof LedgerChange.ChatCreated created) {
            var chat = created.chat();
            events.publishEvent(new SubjectChatCreated(
                    chat.organization(), chat.journal(), title(chat.journal()), teachers(chat.journal())));
        } else if (change instanceof LedgerChange.StrangerRemoved removed) {
            var chat = removed.chat();
            events.publishEvent(new StrangerRemoved(chat.organization(), chat.journal(), title(chat.journal())));
        } else if (change instanceof LedgerChange.CallStarted started) {
            events.publishEvent(new LessonCallStarted(
                    started.call().organization(), started.call().lesson()));
        } else if (change instanceof LedgerChange.CallFailed failed) {
            callFailed(failed.call());
        }
    }

    private void callFailed(CallKey call) {
        jdbc.sql("select journal_id, lesson_date, starts_at from school.sync_lesson where lesson_id = :lesson")
                .param("lesson", call.lesson())
                .query((rs, row) -> new Lesson(
                        rs.getObject("journal_id", UUID.class),
                        rs.getObject("lesson_date", LocalDate.class),
                        rs.getObject("starts_at", LocalTime.class)))
                .optional()
                .ifPresent(lesson -> events.publishEvent(new LessonCallFailed(
                        call.organization(),
                        call.lesson(),
                        lesson.journal(),
                        title(lesson.journal()),
                        lesson.date(),
                        lesson.startsAt(),
                        teachers(lesson.journal()))));
    }

    private record Lesson(UUID journal, LocalDate date, LocalTime startsAt) {}

    private String title(UUID journal) {
        return jdbc.sql("select chat_title from school.sync_journal where journal_id = :journal")
                .param("journal", journal)
                .query(String.class)
                .optional()
                .orElse("");
    }

    private List<UUID> teachers(UUID journal) {
        return ledger.teachersOf(journal).stream().map(Ledger.Teacher::employee).toList();
    }
}
