package ru.paragraf.sferum.sync;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the notices say of the objects of sync's events: a journal's chat title and teachers, a lesson's journal and
 * time, from the school's read contract. Asked after commit by the listener, so that the workers' transactions only
 * publish ids (an operation's budget of statements stays as it was, {@code SyncEngineTests}).
 */
@Service
public class ChatFacts {

    private final JdbcClient jdbc;
    private final Ledger ledger;

    ChatFacts(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** The journal's chat title (subject and class or group); empty if the journal is gone. */
    @Transactional(readOnly = true)
    public String title(UUID journal) {
        return jdbc.sql("select chat_title from school.sync_journal where journal_id = :journal")
                .param("journal", journal)
                .query(String.class)
                .optional()
                .orElse("");
    }

    /** The journal's teachers (employees). */
    @Transactional(readOnly = true)
    public List<UUID> teachers(UUID journal) {
        return ledger.teachersOf(journal).stream().map(Ledger.Teacher::employee).toList();
    }

    /** The lesson's journal, day and start; none if the lesson is gone. */
    @Transactional(readOnly = true)
    public Optional<LessonTime> lesson(UUID lesson) {
        return jdbc.sql("select journal_id, lesson_date, starts_at from school.sync_lesson where lesson_id = :lesson")
                .param("lesson", lesson)
                .query((rs, row) -> new LessonTime(
                        rs.getObject("journal_id", UUID.class),
                        rs.getObject("lesson_date", LocalDate.class),
                        rs.getObject("starts_at", LocalTime.class)))
                .optional();
    }

    /** A lesson's journal, day and start (St Petersburg time). */
    public record LessonTime(UUID journal, LocalDate date, LocalTime startsAt) {}
}
