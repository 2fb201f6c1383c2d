package ru.paragraf.sferum.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The message a subject chat gets when a lesson's call is ready: the lesson, its date and time, the link. */
@Component
class Announcements {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcClient jdbc;
    private final MessageSource messages;

    Announcements(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** A call's announcement: its text, and the lesson's time it tells the chat. */
    record Announcement(String text, LocalDateTime start, LocalDateTime end) {}

    /**
     * The announcement of a call: where it replaces a link the chat was told before (a call replaced before the
     * lesson, or started again), it says that the earlier link no longer works.
     */
    Announcement announcement(UUID lesson, String joinLink, boolean replacesAToldLink) {
        return jdbc.sql(
                        """
                        select j.chat_title, l.lesson_date, l.starts_at, l.duration_minutes, l.topic
                        from school.sync_lesson l join school.sync_journal j on j.journal_id = l.journal_id
                        where l.lesson_id = :lesson
                        """)
                .param("lesson", lesson)
                .query((rs, row) -> {
                    var start = rs.getObject("lesson_date", LocalDate.class)
                            .atTime(rs.getObject("starts_at", LocalTime.class));
                    var topic = rs.getString("topic");
                    var about = new Object[] {
                        rs.getString("chat_title"), start.format(DATE), start.format(TIME), topic, joinLink
                    };
                    var noTopic = topic == null || topic.isBlank();
                    var key = replacesAToldLink
                            ? (noTopic ? "sync.announce.renewed.noTopic" : "sync.announce.renewed")
                            : (noTopic ? "sync.announce.noTopic" : "sync.announce");
                    return new Announcement(
                            messages.getMessage(key, about, SyncTexts.RUSSIAN),
                            start,
                            start.plusMinutes(rs.getInt("duration_minutes")));
                })
                .single();
    }

    /**
     * VK's {@code random_id} of a call's announcement: derived from what is announced, so a repeated attempt — after
     * a lost answer, a crash, or on another node — posts nothing new. VK keeps a random_id per sender, not per chat:
     * the chat is part of it, so that the announcement of the same call in a chat that replaced a lost one is not
     * taken for a repeat of the first. The text is the one the announcement's queue key began with
     * ({@code announce:<lesson>:<generation>}), so an announcement in flight across an upgrade keeps its key.
     */
    static long dedupeKey(CallKey key, Ledger.Call call, long chatId) {
        return dedupeKey("announce:" + key.lesson() + ":" + call.generation() + ":" + call.callId() + ":" + chatId);
    }

    /** A {@code random_id} derived from {@code what}. Never 0, which would switch VK's dedupe off. */
    static long dedupeKey(String what) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
            var value = 0L;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            value &= Long.MAX_VALUE;
            return value == 0 ? 1 : value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
