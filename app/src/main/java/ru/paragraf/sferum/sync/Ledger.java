package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.paragraf.sferum.sync.messenger.Problem;

/** The ledger of external objects: subject chats, the people put into them, and lesson calls. */
@Repository
class Ledger {

    private final JdbcClient jdbc;
    private final Clock clock;

    private final ChatStrangers strangers;
    private final ToldLessons told;
    private final LessonLinks lessonLinks;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.strangers = new ChatStrangers(jdbc);
        this.told = new ToldLessons(jdbc, clock);
        this.lessonLinks = new LessonLinks(jdbc, clock);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A chat row. */
    record Chat(ChatState state, @Nullable Long chatId, @Nullable String inviteLink, String title) {}

    /**
     * Marks the chat CREATING before the messenger is asked to create it, and returns the state it had before:
     * empty if this is the first attempt, CREATING if an earlier attempt may have created it already.
     */
    Optional<Chat> beginCreating(ChatKey key, long community, String title) {
        var before = chat(key, " for update");
        var now = OffsetDateTime.now(clock);
        if (before.isEmpty()) {
            keyed(
                            jdbc.sql(
                                    sql(
                                            """
                                    insert into sync.chat (organization_id, journal_id, academic_year_id, community_id,
                                                           title, state, created_at, updated_at)
                                    values (:organization, :journal, :year, :community, :title, {ChatState.CREATING},
                                            :now, :now)
                                    """)),
                            key)
                    .param("community", community)
                    .param("title", title)
                    .param("now", now)
                    .update();
        } else if (before.get().state() != ChatState.ACTIVE && before.get().state() != ChatState.ARCHIVED) {
            keyed(
                            jdbc.sql(
                                    sql(
                                            """
                                    update sync.chat set state = {ChatState.CREATING}, title = :title,
                                                         community_id = :community, updated_at = :now
                                    where organization_id = :organization and journal_id = :journal
                                      and academic_year_id = :year
                                    """)),
                            key)
                    .param("community", community)
                    .param("title", title)
                    .param("now", now)
                    .update();
        }
        return before;
    }

    Optional<Chat> chat(ChatKey key) {
        return chat(key, "");
    }

    /**
     * Whether the chat's invite link is no longer {@code link}, or a renewal of it is on its way: a join by
     * {@code link} that VK refused may then succeed by the chat's next link.
     */
    boolean linkRenewedSince(ChatKey key, String link) {
        return keyed(
                        jdbc.sql(
                                sql(
                                        """
                                select c.invite_link is distinct from :link
                                       or exists (select 1 from sync.operation o
                                                  where o.organization_id = c.organization_id
                                                    and o.kind = {OperationKind.RENEW_INVITE_LINK}
                                                    and o.status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING})
                                                    and o.payload ->> 'journal' = cast(c.journal_id as text))
                                from sync.chat c
                                where c.organization_id = :organization and c.journal_id = :journal
                                  and c.academic_year_id = :year
                                """)),
                        key)
                .param("link", link)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    private Optional<Chat> chat(ChatKey key, String lock) {
        return keyed(
                        jdbc.sql(
                                """
                                select state, chat_id, invite_link, title from sync.chat
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year
                                """
                                        + lock),
                        key)
                .query((rs, row) -> new Chat(
                        SqlNames.read(ChatState.class, rs.getString("state")),
                        (Long) rs.getObject("chat_id"),
                        rs.getString("invite_link"),
                        rs.getString("title")))
                .optional();
    }

    /**
     * Chat ids of the community that the ledger holds: a found chat among these is not the one being created. A chat
     * VK lost keeps its id in its row until a new one replaces it; once replaced it is not among the community's
     * conversations any more (deleted, or the community is out of it), so it cannot be adopted either.
     */
    Set<Long> knownChatIds(long community) {
        return Set.copyOf(
                jdbc.sql("select chat_id from sync.chat where community_id = :community and chat_id is not null")
                        .param("community", community)
                        .query(Long.class)
                        .list());
    }

    /** A chat the ledger believes in. */
    record ActiveChat(ChatKey key, long chatId, String title) {}

    /** The organization's chats in state ACTIVE, with the community they were created in. */
    List<ActiveChat> activeChats(UUID organization, long community) {
        return jdbc.sql(
                        sql(
                                """
                        select journal_id, academic_year_id, chat_id, title from sync.chat
                        where organization_id = :organization and community_id = :community
                          and state = {ChatState.ACTIVE}
                        order by chat_id
                        """))
                .param("organization", organization)
                .param("community", community)
                .query((rs, row) -> new ActiveChat(
                        new ChatKey(
                                organization,
                                rs.getObject("journal_id", UUID.class),
                                rs.getObject("academic_year_id", UUID.class)),
                        rs.getLong("chat_id"),
                        rs.getString("title")))
                .list();
    }

    /**
     * VK no longer has the chat (or the community lost it): the row turns LOST with the reason and without its invite
     * link, the chat is kept in {@code sync.lost_chat}, nobody counts as its member any more, and the journal's calls
     * of lessons still to come are to be announced again in the chat that replaces it. Tells whether the chat was
     * still believed in: a second finding of the same loss changes nothing.
     */
    boolean chatLost(ChatKey key, long chatId, String problem) {
        var now = OffsetDateTime.now(clock);
        var lost = keyed(
                                jdbc.sql(
                                        sql(
                                                """
                                        update sync.chat set state = {ChatState.LOST}, invite_link = null,
                                                             problem = :problem, problem_category = :category,
                                                             lost_at = :now, updated_at = :now
                                        where organization_id = :organization and journal_id = :journal
                                          and academic_year_id = :year and chat_id = :chatId
                                          and state = {ChatState.ACTIVE}
                                        """)),
                                key)
                        .param("chatId", chatId)
                        .param("problem", problem)
                        .param("category", SqlNames.stored(Problem.Kind.GONE))
                        .param("now", now)
                        .update()
                > 0;
        if (!lost) {
            return false;
        }
        keyed(
                        jdbc.sql(
                                """
                                insert into sync.lost_chat (community_id, chat_id, organization_id, journal_id,
                                                            academic_year_id, title, lost_at)
                                select community_id, chat_id, organization_id, journal_id, academic_year_id, title, :now
                                from sync.chat
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year
                                """),
                        key)
                .param("now", now)
                .update();
        keyed(
                        jdbc.sql(
                                """
                                delete from sync.chat_member
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year
                                """),
                        key)
                .update();
        jdbc.sql(
                        sql(
                                """
                        update sync.call k set announced = false, updated_at = :now
                        from school.sync_lesson l
                        where k.organization_id = :organization and k.journal_id = :journal
                          and k.state = {CallState.ACTIVE} and l.lesson_id = k.lesson_id
                          and l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes) > :localNow
                        """))
                .param("organization", key.organization())
                .param("journal", key.journal())
                .param("now", now)
                .param("localNow", now.atZoneSameInstant(clock.getZone()).toLocalDateTime())
                .update();
        return true;
    }

    void chatCreated(ChatKey key, long chatId, Collection<LedgerChange.Member> members) {
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                update sync.chat set state = {ChatState.ACTIVE}, chat_id = :chatId, invite_link = null,
                                                     invite_link_at = null, members_removed_at = null,
                                                     problem = null, problem_category = null, updated_at = :now
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year
                                """)),
                        key)
                .param("chatId", chatId)
                .param("now", OffsetDateTime.now(clock))
                .update();
        members.forEach(member -> memberAdded(key, member));
    }

    /** A chat people made and bound by a code was taken over by the bot. */
    void chatAdopted(ChatKey key) {
        keyed(
                        jdbc.sql(
                                """
                                update sync.chat set adopted_at = coalesce(adopted_at, :now)
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year
                                """),
                        key)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** The journal's previous chat got its closing message. */
    void previousChatClosed(ChatKey key) {
        keyed(
                        jdbc.sql(
                                """
                                update sync.previous_chat set closed_at = coalesce(closed_at, :now)
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year
                                """),
                        key)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** The chat of a closed year, renamed and its closing message pinned. */
    void chatArchived(ChatKey key, String title) {
        var now = OffsetDateTime.now(clock);
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                update sync.chat set state = {ChatState.ARCHIVED}, title = :title, archived_at = :now,
                                                     updated_at = :now
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year and state = {ChatState.ACTIVE}
                                """)),
                        key)
                .param("title", title)
                .param("now", now)
                .update();
    }

    void chatFailed(ChatKey key, Problem.Kind category, String problem) {
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                update sync.chat set state = {ChatState.FAILED}, problem = :problem,
                                                     problem_category = :category, updated_at = :now
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year
                                  and state not in ({ChatState.ACTIVE}, {ChatState.ARCHIVED})
                                """)),
                        key)
                .param("category", SqlNames.stored(category))
                .param("problem", problem)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /**
     * The chat's current invite link, asked for at {@code asked}; the one it replaces is never shown again. A link
     * of a chat that is no longer ACTIVE is not stored: it was lost meanwhile.
     */
    /** The adopted chat {@code chatId}'s own link, as the messenger gives it (none: null). */
    void chatLink(ChatKey key, long chatId, @Nullable String link) {
        keyed(
                        jdbc.sql(
                                """
                                update sync.chat set chat_link = :link, updated_at = :now
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year and chat_id = :chatId
                                """),
                        key)
                .param("chatId", chatId)
                .param("link", link)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    void inviteLink(ChatKey key, String link, OffsetDateTime asked) {
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                update sync.chat set invite_link = :link, invite_link_at = :asked, updated_at = :now
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year and state in ({ChatState.ACTIVE}, {ChatState.ARCHIVED})
                                """)),
                        key)
                .param("link", link)
                .param("asked", asked)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** The member is in the chat, as who they are in the school's data. */
    void memberAdded(ChatKey key, LedgerChange.Member member) {
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                insert into sync.chat_member (organization_id, journal_id, academic_year_id, vk_user_id,
                                                              person_id, role, state, updated_at)
                                values (:organization, :journal, :year, :vkUser, :person, :role, {MemberState.ACTIVE},
                                        :now)
                                on conflict (organization_id, journal_id, academic_year_id, vk_user_id)
                                do update set state = excluded.state, person_id = excluded.person_id,
                                              role = excluded.role, problem = null,
                                              updated_at = excluded.updated_at
                                """)),
                        key)
                .param("vkUser", member.vkUser())
                .param("person", member.person())
                .param("role", SqlNames.stored(member.role()))
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** The person could not be put into the chat, for this reason (in Russian); one in it already stays in. */
    void memberFailed(ChatKey key, LedgerChange.Member member, String problem) {
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                insert into sync.chat_member (organization_id, journal_id, academic_year_id, vk_user_id,
                                                              person_id, role, state, problem, updated_at)
                                values (:organization, :journal, :year, :vkUser, :person, :role, {MemberState.FAILED},
                                        :problem, :now)
                                on conflict (organization_id, journal_id, academic_year_id, vk_user_id)
                                do update set state = excluded.state, person_id = excluded.person_id,
                                              role = excluded.role, problem = excluded.problem,
                                              updated_at = excluded.updated_at
                                    where sync.chat_member.state <> {MemberState.ACTIVE}
                                """)),
                        key)
                .param("vkUser", member.vkUser())
                .param("person", member.person())
                .param("role", SqlNames.stored(member.role()))
                .param("problem", problem)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /**
     * The member is out of the chat; the chat's invite link is due for renewal, unless the ledger had them out
     * already: a removal planned twice (two plannings at once after a restart, one reading the chat before the other's
     * removal was recorded) takes out nobody new and renews no link again.
     */
    void memberRemoved(ChatKey key, long vkUser) {
        var now = OffsetDateTime.now(clock);
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                update sync.chat set members_removed_at = :now, updated_at = :now
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year
                                  and exists (select 1 from sync.chat_member m
                                              where m.organization_id = :organization and m.journal_id = :journal
                                                and m.academic_year_id = :year and m.vk_user_id = :vkUser
                                                and m.state = {MemberState.ACTIVE})
                                """)),
                        key)
                .param("vkUser", vkUser)
                .param("now", now)
                .update();
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                update sync.chat_member set state = {MemberState.REMOVED}, updated_at = :now
                                where organization_id = :organization and journal_id = :journal
                                  and academic_year_id = :year and vk_user_id = :vkUser
                                """)),
                        key)
                .param("vkUser", vkUser)
                .param("now", now)
                .update();
    }

    /** A call row. */
    record Call(
            CallState state,
            int generation,
            @Nullable String callId,
            @Nullable String joinLink,
            @Nullable UUID startedBy,
            boolean announced,
            @Nullable Long toldChatId) {

        /** Whether chat {@code chatId} was told an earlier link of this lesson: a new one there replaces it. */
        boolean replacesALinkToldIn(long chatId) {
            return generation > 1 && toldChatId != null && toldChatId == chatId;
        }
    }

    Optional<Call> call(CallKey key) {
        return keyed(
                        jdbc.sql(
                                """
                                select state, generation, call_id, join_link, started_by_employee, announced,
                                       told_chat_id
                                from sync.call
                                where organization_id = :organization and lesson_id = :lesson
                                """),
                        key)
                .query((rs, row) -> new Call(
                        SqlNames.read(CallState.class, rs.getString("state")),
                        rs.getInt("generation"),
                        rs.getString("call_id"),
                        rs.getString("join_link"),
                        rs.getObject("started_by_employee", UUID.class),
                        rs.getBoolean("announced"),
                        (Long) rs.getObject("told_chat_id")))
                .optional();
    }

    /**
     * Marks the call STARTING before the messenger is asked to start it. A finished or failed call of a lesson
     * published again starts a new generation; a call still STARTING was attempted without an answer, which VK
     * offers no way to find again: counted as an unconfirmed start. {@link CallStart#NONE} if the call is live
     * already, or the lesson no longer wants one (withdrawn or switched to in-person after the planning).
     */
    CallStart beginStarting(CallKey key, UUID journal) {
        var now = OffsetDateTime.now(clock);
        var before = keyed(
                        jdbc.sql(
                                sql(
                                        """
                                with before as (select state from sync.call
                                                where organization_id = :organization and lesson_id = :lesson)
                                insert into sync.call (organization_id, lesson_id, journal_id, state, created_at,
                                                       updated_at)
                                select :organization, :lesson, :journal, {CallState.STARTING}, :now, :now
                                -- the lesson still wants its call when the operation runs: one withdrawn or
                                -- switched to in-person after the planning gets none
                                where exists (select 1 from school.sync_lesson l
                                              where l.organization_id = :organization and l.lesson_id = :lesson
                                                and l.publication = {Publication.PUBLISHED}
                                                and l.format = {LessonFormat.VIDEO_CALL})
                                on conflict (organization_id, lesson_id) do update
                                    set generation = case when sync.call.state = {CallState.FINISHED}
                                                          then sync.call.generation + 1
                                                          else sync.call.generation end,
                                        unconfirmed_starts = sync.call.unconfirmed_starts
                                            + case when sync.call.state = {CallState.STARTING} then 1 else 0 end,
                                        announced = case when sync.call.state = {CallState.FINISHED} then false
                                                         else sync.call.announced end,
                                        state = {CallState.STARTING}, call_id = null, join_link = null,
                                        problem = null, problem_category = null, problem_link = null,
                                        updated_at = excluded.updated_at
                                    where sync.call.state <> {CallState.ACTIVE}
                                returning coalesce((select state from before), '') as before
                                """)),
                        key)
                .param("journal", journal)
                .param("now", now)
                .query(String.class)
                .optional();
        if (before.isEmpty()) {
            return CallStart.NONE;
        }
        return before.get().equals(CallState.FAILED.name()) ? CallStart.AFTER_FAILURE : CallStart.STARTING;
    }

    /** What marking a call STARTING found. */
    enum CallStart {
        /** Nothing to start: the call is live already, or its lesson no longer wants one. */
        NONE,
        /** The call is to be started: the first time, a new generation, or again after an unanswered start. */
        STARTING,
        /** The call is to be started again after it failed for good: a start now fixes what its teachers were told. */
        AFTER_FAILURE
    }

    void callStarted(CallKey key, String callId, String joinLink, UUID employee, long vkUser) {
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                update sync.call set state = {CallState.ACTIVE}, call_id = :callId,
                                                     join_link = :joinLink, started_by_employee = :employee,
                                                     started_by_vk_user = :vkUser, started_at = :now,
                                                     updated_at = :now
                                where organization_id = :organization and lesson_id = :lesson
                                """)),
                        key)
                .param("callId", callId)
                .param("joinLink", joinLink)
                .param("employee", employee)
                .param("vkUser", vkUser)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    void callFailed(CallKey key, Problem.Kind category, String problem, @Nullable String link) {
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                update sync.call set state = {CallState.FAILED}, problem = :problem,
                                                     problem_category = :category, problem_link = :link,
                                                     updated_at = :now
                                where organization_id = :organization and lesson_id = :lesson
                                  and state <> {CallState.ACTIVE}
                                """)),
                        key)
                .param("category", SqlNames.stored(category))
                .param("problem", problem)
                .param("link", link)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /**
     * Whether the call of this generation is still to be replaced, as the planner found it: live, started more than
     * {@code beforeLesson} ahead of its lesson, which is published in video mode and has not begun (a call replaced
     * once the lesson has begun would throw out whoever is in it).
     */
    boolean renewalDue(CallKey key, int generation, Duration beforeLesson) {
        return keyed(
                        jdbc.sql(
                                sql(
                                        """
                                select exists (
                                    select 1 from sync.call k
                                    join school.sync_lesson l on l.lesson_id = k.lesson_id
                                                             and l.publication = {Publication.PUBLISHED}
                                                             and l.format = {LessonFormat.VIDEO_CALL}
                                    where k.organization_id = :organization and k.lesson_id = :lesson
                                      and k.state = {CallState.ACTIVE} and k.generation = :generation
                                      and l.lesson_date + l.starts_at > :localNow
                                      and coalesce(k.started_at, k.created_at) at time zone :zone
                                          < l.lesson_date + l.starts_at - make_interval(secs => :beforeLesson))
                                """)),
                        key)
                .param("generation", generation)
                .param("localNow", LocalDateTime.now(clock))
                .param("zone", clock.getZone().getId())
                .param("beforeLesson", beforeLesson.toSeconds())
                .query(Boolean.class)
                .single();
    }

    /** A live call of a lesson still to come, and who started it. */
    record LiveCall(CallKey key, UUID journal, UUID startedBy) {}

    /** The organization's ACTIVE calls whose lessons have not ended yet. */
    List<LiveCall> liveCalls(UUID organization) {
        return jdbc.sql(
                        sql(
                                """
                        select k.lesson_id, k.journal_id, k.started_by_employee from sync.call k
                        join school.sync_lesson l on l.lesson_id = k.lesson_id
                        where k.organization_id = :organization and k.state = {CallState.ACTIVE}
                          and k.started_by_employee is not null
                          and l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes) > :localNow
                        order by k.started_by_employee, l.lesson_date, l.starts_at
                        """))
                .param("organization", organization)
                .param("localNow", LocalDateTime.now(clock))
                .query((rs, row) -> new LiveCall(
                        new CallKey(organization, rs.getObject("lesson_id", UUID.class)),
                        rs.getObject("journal_id", UUID.class),
                        rs.getObject("started_by_employee", UUID.class)))
                .list();
    }

    /**
     * The call can no longer be vouched for (VK refuses the token of the teacher who started it): FAILED with what to
     * do, its link never shown again; the next planning starts a new call, of a new generation that gets announced,
     * once a teacher's token works again.
     */
    boolean callUnconfirmed(CallKey key, String problem, @Nullable String link) {
        return keyed(
                                jdbc.sql(
                                        sql(
                                                """
                                        update sync.call set state = {CallState.FAILED}, join_link = null,
                                                             generation = generation + 1, announced = false,
                                                             problem = :problem, problem_category = :category,
                                                             problem_link = :link, updated_at = :now
                                        where organization_id = :organization and lesson_id = :lesson
                                          and state = {CallState.ACTIVE}
                                        """)),
                                key)
                        .param("problem", problem)
                        .param("category", SqlNames.stored(Problem.Kind.ITEM))
                        .param("link", link)
                        .param("now", OffsetDateTime.now(clock))
                        .update()
                > 0;
    }

    void callFinished(CallKey key) {
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                update sync.call set state = {CallState.FINISHED}, updated_at = :now
                                where organization_id = :organization and lesson_id = :lesson
                                """)),
                        key)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /**
     * The call's announcement is in chat {@code chatId}: the chat knows the lesson as held by video call at the time
     * the announcement said ({@link ToldLessons}).
     */
    void callAnnounced(CallKey key, long chatId, LocalDateTime start, LocalDateTime end) {
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                                update sync.call set announced = true, told_as = {HeldAs.VIDEO_CALL},
                                                     told_chat_id = :chatId, told_start = :start, told_end = :end,
                                                     updated_at = :now
                                where organization_id = :organization and lesson_id = :lesson
                                """)),
                        key)
                .param("chatId", chatId)
                .param("start", start)
                .param("end", end)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /**
     * Holds the journal until the transaction ends: outcomes of the same journal are recorded one after the other,
     * so that planning what follows sees what the other one did.
     */
    void lockJournal(UUID journal) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('sync.journal:' || :journal, 0))")
                .param("journal", journal.toString())
                .query((rs, row) -> 1)
                .list();
    }

    /** The journal's teachers with a linked Sferum account, from the school's read contract. */
    List<Teacher> teachersOf(UUID journal) {
        return jdbc.sql(
                        """
                        select employee_id, sferum_user_id, full_name from school.sync_journal_teacher
                        where journal_id = :journal order by full_name
                        """)
                .param("journal", journal)
                .query((rs, row) -> new Teacher(
                        rs.getObject("employee_id", UUID.class),
                        (Long) rs.getObject("sferum_user_id"),
                        rs.getString("full_name")))
                .list();
    }

    /**
     * Who may start the lesson's call, in order: its substitute (the lesson is theirs), then the journal's teachers.
     */
    List<Teacher> teachersOfLesson(UUID journal, UUID lesson) {
        var substitute = jdbc.sql(
                        """
                        select employee_id, sferum_user_id, full_name from school.sync_lesson_substitute
                        where lesson_id = :lesson
                        """)
                .param("lesson", lesson)
                .query((rs, row) -> new Teacher(
                        rs.getObject("employee_id", UUID.class),
                        (Long) rs.getObject("sferum_user_id"),
                        rs.getString("full_name")))
                .optional();
        if (substitute.isEmpty()) {
            return teachersOf(journal);
        }
        var teachers = new ArrayList<Teacher>();
        teachers.add(substitute.get());
        teachersOf(journal).stream()
                .filter(teacher -> !teacher.employee().equals(substitute.get().employee()))
                .forEach(teachers::add);
        return teachers;
    }

    /** What member checks found in the chats: strangers, and members who left on their own. */
    ChatStrangers strangers() {
        return strangers;
    }

    /** What the journals' chats were told of their lessons held at a video link. */
    LessonLinks lessonLinks() {
        return lessonLinks;
    }

    /** What the journals' chats were told of their lessons. */
    ToldLessons told() {
        return told;
    }

    /** The full name of a teacher, pupil or parent, from the school's read contract. */
    String personName(UUID person) {
        return jdbc.sql("select full_name from school.sync_journal_member where person_id = :person limit 1")
                .param("person", person)
                .query(String.class)
                .optional()
                .orElse("");
    }

    /** A teacher of a journal. */
    record Teacher(UUID employee, @Nullable Long vkUserId, String fullName) {}

    private static JdbcClient.StatementSpec keyed(JdbcClient.StatementSpec statement, ChatKey key) {
        return statement
                .param("organization", key.organization())
                .param("journal", key.journal())
                .param("year", key.year());
    }

    private static JdbcClient.StatementSpec keyed(JdbcClient.StatementSpec statement, CallKey key) {
        return statement.param("organization", key.organization()).param("lesson", key.lesson());
    }
}
