package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's record of the lessons held at a video link that the journals' chats were told of
 * ({@code sync.lesson_link}): for a school whose messenger cannot start calls, the lesson's link — pasted on the
 * lesson, or the journal's standing room ({@code school.sync_lesson.lesson_link}) — is posted in the chat once per
 * lesson and link. What the chat knows of the lesson's time and form is kept as for a call ({@link ToldLessons}), so
 * that a lesson moved, switched to in-person or cancelled afterwards is said so.
 */
final class LessonLinks {

    private static final String LESSON = sql(
            """
            select l.journal_id, j.chat_title, l.lesson_date + l.starts_at as starts,
                   l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes) as ends, l.topic,
                   l.lesson_link, %s as held_as, k.link as told_link, k.told_as, k.told_chat_id, k.links_told
            from school.sync_lesson l
            join school.sync_journal j on j.journal_id = l.journal_id
            left join sync.lesson_link k on k.organization_id = l.organization_id and k.lesson_id = l.lesson_id
            where l.organization_id = :organization and l.lesson_id = :lesson
            """
                    .formatted(ToldLessons.heldAs("l")));

    private final JdbcClient jdbc;
    private final Clock clock;

    LessonLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A lesson as it is now, with what its journal's chat was told of its link.
     *
     * @param link the link the lesson is held at now, null if it has none
     * @param toldLink the link the chat was last told, null if none was
     * @param toldChatId the chat that was told, null if none was
     * @param linksTold how many times a link of the lesson was posted
     */
    record LinkLesson(
            CallKey key,
            UUID journal,
            String chatTitle,
            LocalDateTime start,
            LocalDateTime end,
            @Nullable String topic,
            @Nullable String link,
            HeldAs heldAs,
            @Nullable String toldLink,
            @Nullable HeldAs toldAs,
            @Nullable Long toldChatId,
            int linksTold) {

        /**
         * Whether chat {@code chatId} is to be told the lesson's link: the lesson is held by video at a link and is
         * still to come or going on, and the chat does not know it so (another link, another chat, or the lesson was
         * cancelled or held in person when it heard of it last).
         */
        boolean toBeToldIn(long chatId, LocalDateTime now) {
            return heldAs == HeldAs.VIDEO_CALL
                    && link != null
                    && end.isAfter(now)
                    && !(toldAs == HeldAs.VIDEO_CALL
                            && toldChatId != null
                            && toldChatId == chatId
                            && link.equals(toldLink));
        }

        /** Whether the chat heard of the lesson at another link, which this one replaces. */
        boolean changesALinkToldIn(long chatId) {
            return toldAs == HeldAs.VIDEO_CALL
                    && toldChatId != null
                    && toldChatId == chatId
                    && toldLink != null
                    && !toldLink.equals(link);
        }

        /**
         * The message's dedupe key: derived from the lesson, how many links of it were posted, the chat and the link,
         * so that a repeated attempt posts nothing new while a changed link, even back to an earlier one, is a new
         * message.
         */
        long dedupeKey(long chatId) {
            return Announcements.dedupeKey("lesson-link:" + key.lesson() + ":" + linksTold + ":" + chatId + ":" + link);
        }
    }

    Optional<LinkLesson> of(CallKey key) {
        return jdbc.sql(LESSON)
                .param("organization", key.organization())
                .param("lesson", key.lesson())
                .query((rs, row) -> {
                    var toldAs = rs.getString("told_as");
                    return new LinkLesson(
                            key,
                            rs.getObject("journal_id", UUID.class),
                            rs.getString("chat_title"),
                            rs.getObject("starts", LocalDateTime.class),
                            rs.getObject("ends", LocalDateTime.class),
                            rs.getString("topic"),
                            rs.getString("lesson_link"),
                            SqlNames.read(HeldAs.class, rs.getString("held_as")),
                            rs.getString("told_link"),
                            toldAs == null ? null : SqlNames.read(HeldAs.class, toldAs),
                            (Long) rs.getObject("told_chat_id"),
                            rs.getInt("links_told"));
                })
                .optional();
    }

    /**
     * Chat {@code chatId} was told the lesson at {@code link}, held by video at the lesson's time then. Written once
     * per posting: a second writing of the same message (two operations posted it, the messenger kept one) finds the
     * count moved on and changes nothing.
     */
    void told(LinkLesson lesson, long chatId) {
        var now = OffsetDateTime.now(clock);
        jdbc.sql(
                        sql(
                                """
                        insert into sync.lesson_link as k (organization_id, journal_id, lesson_id, link, links_told,
                                                           told_as, told_chat_id, told_start, told_end, created_at,
                                                           updated_at)
                        values (:organization, :journal, :lesson, :link, 1, {HeldAs.VIDEO_CALL}, :chatId, :start, :end,
                                :now, :now)
                        on conflict (organization_id, lesson_id) do update
                        set link = excluded.link, links_told = k.links_told + 1, told_as = excluded.told_as,
                            told_chat_id = excluded.told_chat_id, told_start = excluded.told_start,
                            told_end = excluded.told_end, updated_at = excluded.updated_at
                        where k.links_told = :seen
                        """))
                .param("organization", lesson.key().organization())
                .param("journal", lesson.journal())
                .param("lesson", lesson.key().lesson())
                .param("link", lesson.link())
                .param("chatId", chatId)
                .param("start", lesson.start())
                .param("end", lesson.end())
                .param("seen", lesson.linksTold())
                .param("now", now)
                .update();
    }
}
