package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's record of what the journals' chats were told of their lessons ({@code sync.call.told_*}, and
 * {@code sync.lesson_link}'s for a lesson held at a video link, which comes first where a lesson has both): read with
 * the lesson as it is now, written when a change was said. The announcement of a call writes it too
 * ({@link Ledger#callAnnounced}), and the posting of a lesson's link ({@link LessonLinks#told}); the generation of a
 * lesson held at a link is how many of its links were posted.
 */
final class ToldLessons {

    private static final String NEWS = sql(
            """
            select j.chat_title, k.told_chat_id, k.generation, k.changes_told, k.told_as, k.told_start, k.told_end,
                   %s as held_as, l.lesson_date + l.starts_at as starts,
                   l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes) as ends
            from (select organization_id, lesson_id, journal_id, generation, changes_told, told_as, told_chat_id,
                         told_start, told_end, 2 as preference
                  from sync.call
                  union all
                  select organization_id, lesson_id, journal_id, links_told, changes_told, told_as, told_chat_id,
                         told_start, told_end, 1
                  from sync.lesson_link) k
            join school.sync_journal j on j.journal_id = k.journal_id
            left join school.sync_lesson l on l.lesson_id = k.lesson_id
            where k.organization_id = :organization and k.lesson_id = :lesson and k.told_as is not null
            order by k.preference
            limit 1
            """
                    .formatted(heldAs("l")));

    private final JdbcClient jdbc;
    private final Clock clock;

    ToldLessons(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * How the lesson of {@code school.sync_lesson} row {@code lesson} (of an outer join: null if it was deleted) is
     * held now, as SQL: one definition for the planner and for the handler.
     */
    static String heldAs(String lesson) {
        return """
                case when %1$s.lesson_id is null or %1$s.publication <> {Publication.PUBLISHED} then {HeldAs.CANCELLED}
                     when %1$s.format <> {LessonFormat.VIDEO_CALL} then {HeldAs.IN_PERSON}
                     else {HeldAs.VIDEO_CALL} end"""
                .formatted(lesson);
    }

    /** What the lesson's chat was told of it and how it is now; empty if its chat was never told of it. */
    Optional<LessonNews> of(CallKey key) {
        return jdbc.sql(NEWS)
                .param("organization", key.organization())
                .param("lesson", key.lesson())
                .query((rs, row) -> new LessonNews(
                        rs.getString("chat_title"),
                        (Long) rs.getObject("told_chat_id"),
                        rs.getInt("generation"),
                        rs.getInt("changes_told"),
                        new LessonNews.Held(
                                SqlNames.read(HeldAs.class, rs.getString("told_as")),
                                rs.getObject("told_start", LocalDateTime.class),
                                rs.getObject("told_end", LocalDateTime.class)),
                        new LessonNews.Held(
                                SqlNames.read(HeldAs.class, rs.getString("held_as")),
                                rs.getObject("starts", LocalDateTime.class),
                                rs.getObject("ends", LocalDateTime.class))))
                .optional();
    }

    /**
     * The chat was told of the change: it knows the lesson as it is in {@code news} now. Written once: a second
     * writing of the same change (two operations said it, VK took one) finds the count moved on and changes nothing.
     * A deleted lesson keeps the time the chat knew.
     */
    void said(CallKey key, LessonNews news) {
        // a lesson's link posted again since (another link) is a new generation: the change was not said of it
        var linked = said(key, news, "sync.lesson_link", "and links_told = :generation");
        if (linked == 0 && !hasLink(key)) {
            said(key, news, "sync.call", "");
        }
    }

    private boolean hasLink(CallKey key) {
        return jdbc.sql("select exists (select 1 from sync.lesson_link where organization_id = :organization"
                        + " and lesson_id = :lesson)")
                .param("organization", key.organization())
                .param("lesson", key.lesson())
                .query(Boolean.class)
                .single();
    }

    private int said(CallKey key, LessonNews news, String table, String condition) {
        return jdbc.sql(
                        """
                        update %s set told_as = :as, told_start = coalesce(:start, told_start),
                                             told_end = coalesce(:end, told_end), changes_told = changes_told + 1,
                                             updated_at = :now
                        where organization_id = :organization and lesson_id = :lesson and changes_told = :seen
                          %s
                        """
                                .formatted(table, condition))
                .param("organization", key.organization())
                .param("lesson", key.lesson())
                .param("as", SqlNames.stored(news.now().as()))
                .param("start", news.now().start())
                .param("end", news.now().end())
                .param("seen", news.changesTold())
                .param("generation", news.generation())
                .param("now", OffsetDateTime.now(clock))
                .update();
    }
}
