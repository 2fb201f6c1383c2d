package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far organizations' subject chats and video calls have come, read from the ledger for overviews such as
 * readiness. Read-only, set-based and unscoped: the caller decides which organizations a person may see.
 */
@Service
public class SyncOverview {

    private final JdbcClient jdbc;

    SyncOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per organization: requested subject chats and how many exist or failed; video lessons published for the days
     * {@code from}..{@code to} and how many have a call or failed; the pause of the organization; whether its removals
     * are «на удержании». Organizations with none of these are absent.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Figures> figuresOf(Collection<UUID> organizations, LocalDate from, LocalDate to) {
        var figures = new HashMap<UUID, Figures>();
        if (organizations.isEmpty()) {
            return figures;
        }
        jdbc.sql(
                        sql(
                                """
                        with chats as (
                            select j.organization_id, count(*) as requested,
                                   count(*) filter (where c.state = {ChatState.ACTIVE}) as created,
                                   count(*) filter (where c.state = {ChatState.FAILED}) as failed
                            from school.sync_journal j
                            left join sync.chat c on c.organization_id = j.organization_id
                                                 and c.journal_id = j.journal_id
                                                 and c.academic_year_id = j.academic_year_id
                            where j.organization_id in (:organizations) and j.subject_chat_requested
                            group by j.organization_id),
                        calls as (
                            select l.organization_id, count(*) as lessons,
                                   -- a call finished after its lesson served it: counted as ready, as before; a MAX
                                   -- school starts no calls, and its lesson is ready once it has a link to be held at
                                   count(*) filter (where k.state in ({CallState.ACTIVE}, {CallState.FINISHED})
                                                       or o.messenger = {Messenger.MAX} and l.lesson_link is not null)
                                       as ready,
                                   count(*) filter (where k.state = {CallState.FAILED}) as failed
                            from school.sync_lesson l
                            left join sync.call k on k.organization_id = l.organization_id and k.lesson_id = l.lesson_id
                            left join sync.organization o on o.organization_id = l.organization_id
                            where l.organization_id in (:organizations) and l.format = {LessonFormat.VIDEO_CALL}
                              and l.publication = {Publication.PUBLISHED} and l.lesson_date between :from and :to
                            group by l.organization_id),
                        paused as (
                            select organization_id, paused_reason from sync.organization
                            where organization_id in (:organizations) and paused_reason is not null),
                        held as (
                            select organization_id from sync.removal_hold
                            where organization_id in (:organizations) and state = {RemovalHoldState.HELD})
                        select coalesce(ch.organization_id, ca.organization_id, p.organization_id, h.organization_id)
                                   as organization_id,
                               coalesce(ch.requested, 0) as chats_requested, coalesce(ch.created, 0) as chats_created,
                               coalesce(ch.failed, 0) as chats_failed, coalesce(ca.lessons, 0) as video_lessons,
                               coalesce(ca.ready, 0) as calls_ready, coalesce(ca.failed, 0) as calls_failed,
                               p.paused_reason, h.organization_id is not null as removals_held
                        from chats ch
                        full join calls ca on ca.organization_id = ch.organization_id
                        full join paused p on p.organization_id = coalesce(ch.organization_id, ca.organization_id)
                        full join held h
                               on h.organization_id = coalesce(ch.organization_id, ca.organization_id, p.organization_id)
                        """))
                .param("organizations", List.copyOf(organizations))
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    figures.put(
                            rs.getObject("organization_id", UUID.class),
                            new Figures(
                                    rs.getInt("chats_requested"),
                                    rs.getInt("chats_created"),
                                    rs.getInt("chats_failed"),
                                    rs.getInt("video_lessons"),
                                    rs.getInt("calls_ready"),
                                    rs.getInt("calls_failed"),
                                    rs.getString("paused_reason"),
                                    rs.getBoolean("removals_held")));
                });
        return figures;
    }

    /**
     * The organization's failed subject chats and failed calls of video lessons on the days {@code from}..{@code to},
     * chats first, each with the engine's explanation and where to fix it.
     */
    @Transactional(readOnly = true)
    public List<Failure> failuresOf(UUID organization, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        sql(
                                """
                        select {SyncOverview.Failure.Subject.CHAT} as kind, j.journal_id, null::uuid as lesson_id,
                               j.chat_title as title, null::date as lesson_date, null::time as starts_at, c.problem,
                               '/journals/' || j.journal_id as link
                        from school.sync_journal j
                        join sync.chat c on c.organization_id = j.organization_id and c.journal_id = j.journal_id
                                        and c.academic_year_id = j.academic_year_id
                        where j.organization_id = :organization and j.subject_chat_requested
                          and c.state = {ChatState.FAILED}
                        union all
                        select {SyncOverview.Failure.Subject.CALL}, l.journal_id, l.lesson_id, j.chat_title, l.lesson_date,
                               l.starts_at, k.problem, coalesce(k.problem_link, '/journals/' || l.journal_id)
                        from school.sync_lesson l
                        join sync.call k on k.organization_id = l.organization_id and k.lesson_id = l.lesson_id
                        join school.sync_journal j on j.journal_id = l.journal_id
                        where l.organization_id = :organization and l.format = {LessonFormat.VIDEO_CALL}
                          and l.publication = {Publication.PUBLISHED} and l.lesson_date between :from and :to
                          and k.state = {CallState.FAILED}
                        order by kind desc, title, lesson_date, starts_at
                        """))
                .param("organization", organization)
                .param("from", from)
                .param("to", to)
                .query(Failure.class)
                .list();
    }

    /**
     * The strangers the member checks found in the organization's chats: all of them, and those still in a chat at
     * its last check. One query.
     */
    @Transactional(readOnly = true)
    public Strangers strangersOf(UUID organization) {
        return jdbc.sql(
                        """
                        select count(*) as found,
                               count(*) filter (where s.removed_at is null
                                                  and s.last_seen_at = c.members_checked_at) as in_chats
                        from sync.chat_stranger s
                        join sync.chat c on c.organization_id = s.organization_id and c.journal_id = s.journal_id
                                        and c.academic_year_id = s.academic_year_id
                        where s.organization_id = :organization
                        """)
                .param("organization", organization)
                .query((rs, row) ->
                        new Strangers(rs.getInt("found"), rs.getInt("in_chats"), chatsWithStrangers(organization)))
                .single();
    }

    /** The organization's chats with a stranger found, for links to their «Состав чата». */
    private List<StrangerChat> chatsWithStrangers(UUID organization) {
        return jdbc.sql(
                        """
                        select s.journal_id, j.chat_title, count(*) as found
                        from sync.chat_stranger s
                        join school.sync_journal j on j.journal_id = s.journal_id
                        where s.organization_id = :organization
                        group by s.journal_id, j.chat_title
                        order by j.chat_title
                        """)
                .param("organization", organization)
                .query((rs, row) -> new StrangerChat(
                        rs.getObject("journal_id", UUID.class), rs.getString("chat_title"), rs.getInt("found")))
                .list();
    }

    /** Strangers found in an organization's chats, those of them still there, and the chats they were found in. */
    public record Strangers(int found, int inChats, List<StrangerChat> chats) {}

    /** A chat where strangers were found. */
    public record StrangerChat(UUID journalId, String title, int found) {}

    /**
     * An organization's chats and calls in figures.
     *
     * @param pausedReason why the engine stopped working for the organization (a credential failure), if it did
     * @param removalsHeld the organization's big removals wait «на удержании» for an administrator's decision
     */
    /**
     * Per organization that moved to another messenger and kept journals' previous chats: how many of those journals
     * have their chat adopted in the messenger now ({@code moved}), of all of them ({@code toMove}). Absent for an
     * organization that never moved.
     */
    public Map<UUID, MoveProgress> moveProgressOf(Collection<UUID> organizations) {
        var progress = new HashMap<UUID, MoveProgress>();
        if (organizations.isEmpty()) {
            return progress;
        }
        jdbc.sql(
                        sql(
                                """
                        select p.organization_id, count(*) as to_move,
                               count(*) filter (where c.adopted_at is not null) as moved
                        from sync.previous_chat p
                        join sync.organization so on so.organization_id = p.organization_id
                                                  and p.messenger <> so.messenger
                        left join sync.chat c on c.organization_id = p.organization_id
                                             and c.journal_id = p.journal_id
                                             and c.academic_year_id = p.academic_year_id
                                             and c.state = {ChatState.ACTIVE} and c.community_id = so.community_id
                        where p.organization_id in (:organizations)
                        group by p.organization_id
                        """))
                .param("organizations", List.copyOf(organizations))
                .query(rs -> {
                    progress.put(
                            rs.getObject("organization_id", UUID.class),
                            new MoveProgress(rs.getInt("moved"), rs.getInt("to_move")));
                });
        return progress;
    }

    /** A school's move to another messenger: journals whose chat is adopted there, of the journals to move. */
    public record MoveProgress(int moved, int toMove) {

        public static final MoveProgress NONE = new MoveProgress(0, 0);

        public boolean moving() {
            return toMove > 0;
        }
    }

    public record Figures(
            int chatsRequested,
            int chatsCreated,
            int chatsFailed,
            int videoLessons,
            int callsReady,
            int callsFailed,
            @Nullable String pausedReason,
            boolean removalsHeld) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, null, false);
    }

    /**
     * A subject chat or a lesson's call that failed.
     *
     * @param title the chat's title, «Алгебра 7А»
     * @param link the application path of the record to fix
     */
    public record Failure(
            Subject kind,
            UUID journalId,
            @Nullable UUID lessonId,
            String title,
            @Nullable LocalDate lessonDate,
            @Nullable LocalTime startsAt,
            @Nullable String problem,
            String link) {

        /** What failed. */
        public enum Subject {
            CHAT,
            CALL
        }
    }
}
