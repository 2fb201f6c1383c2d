package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.school.ArchivedChat;
import ru.paragraf.sferum.school.ChatMembership;
import ru.paragraf.sferum.school.LessonCallStatus;
import ru.paragraf.sferum.school.SubjectChatStatus;
import ru.paragraf.sferum.school.SubjectChatStatuses;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;

/**
 * What the journal and the diary show of chats and calls, from the ledger and the organization's state, as the
 * organization's messenger can do them ({@link Messengers}). A link
 * is shown only while it works: a withdrawn lesson or one no longer in video mode shows none, and a lesson whose end
 * plus the grace period ({@code sferum.sync.calls.grace}) has passed shows its call as finished, even before VK was
 * told.
 */
@Component
class ChatAndCallStatuses implements SubjectChatStatuses {

    private static final String MOVES = sql(
            """
            select p.journal_id, bool_or(c.adopted_at is not null and c.community_id = so.community_id) as moved
            from sync.previous_chat p
            join sync.organization so on so.organization_id = p.organization_id and p.messenger <> so.messenger
            left join sync.chat c on c.organization_id = p.organization_id and c.journal_id = p.journal_id
                                 and c.academic_year_id = p.academic_year_id and c.state = {ChatState.ACTIVE}
            where p.journal_id in (:journals)
            group by p.journal_id
            """);

    private static final String CHAT = sql(
            """
            select j.journal_id, j.subject_chat_requested, c.state, coalesce(c.invite_link, c.chat_link) as invite_link,
                   c.problem, so.ready,
                   so.paused_reason, coalesce(so.messenger, 'VK') as messenger,
                   exists (select 1 from school.sync_lesson l where l.journal_id = j.journal_id
                             and l.publication = {Publication.PUBLISHED}
                             and l.format = {LessonFormat.VIDEO_CALL}) as has_video
            from school.sync_journal j
            left join sync.chat c on c.organization_id = j.organization_id and c.journal_id = j.journal_id
                                 and c.academic_year_id = j.academic_year_id
            left join sync.organization so on so.organization_id = j.organization_id
            """);

    /**
     * The person's row of each journal's chat: whether they belong, their account in the school's messenger
     * ({@link MemberAccounts}), and how adding them went.
     */
    private static final String MEMBERSHIP = sql(
            """
            select c.journal_id, p.person_id is not null as belongs, p.member_user_id, p.relink_required,
                   so.messenger, m.state as member_state, m.problem as member_problem,
                   exists (select 1 from sync.operation o
                           where o.kind = {OperationKind.ADD_MEMBER}
                             and o.object_key = 'member:' || c.journal_id || ':' || c.academic_year_id || ':'
                                                || p.member_user_id
                             and o.status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING})) as adding
            from sync.chat c
            join school.sync_journal j on j.journal_id = c.journal_id and j.academic_year_id = c.academic_year_id
                                      and j.subject_chat_requested
            join sync.organization so on so.organization_id = c.organization_id
            left join lateral (select b.person_id, %s as member_user_id, %s as relink_required
                               from school.sync_journal_member b
                               where b.journal_id = c.journal_id and b.person_id = :person
                               limit 1) p on true
            left join sync.chat_member m on m.organization_id = c.organization_id and m.journal_id = c.journal_id
                                        and m.academic_year_id = c.academic_year_id
                                        and m.vk_user_id = p.member_user_id
            where c.journal_id in (:journals) and c.state = {ChatState.ACTIVE}
            """
                    .formatted(MemberAccounts.of("so", "b"), MemberAccounts.relinkRequired("so", "b")));

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final Messengers messengers;
    private final SyncProperties.Calls calls;

    ChatAndCallStatuses(
            JdbcClient jdbc, MessageSource messages, Clock clock, Messengers messengers, SyncProperties properties) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.messengers = messengers;
        this.calls = properties.calls();
    }

    @Override
    public SubjectChatStatus chatOf(UUID journal, boolean requested) {
        var facts = jdbc.sql(CHAT + "where j.journal_id = :journal")
                .param("journal", journal)
                .query((rs, row) -> ChatFacts.of(rs))
                .optional();
        if (facts.isEmpty()) {
            return SubjectChatStatus.of(SubjectChatStatus.State.NOT_REQUESTED);
        }
        return chat(facts.get(), requested).withMove(moves(List.of(journal)).get(journal));
    }

    /**
     * Per journal whose previous chat (of the messenger its school left) is kept, what the move means for it:
     * «перенесён в MAX» once its chat is adopted in the messenger now, else waiting for that.
     */
    private Map<UUID, String> moves(Collection<UUID> journals) {
        var moves = new HashMap<UUID, String>();
        jdbc.sql(MOVES)
                .param("journals", journals)
                .query((rs, row) -> moves.put(
                        rs.getObject("journal_id", UUID.class),
                        text(
                                rs.getBoolean("moved")
                                        ? "sync.move.journal.MOVED"
                                        : "sync.move.journal.WAITING_FOR_ADOPTION")))
                .list();
        return moves;
    }

    @Override
    public Map<UUID, SubjectChatStatus> chatsOf(Collection<UUID> journals) {
        var statuses = new HashMap<UUID, SubjectChatStatus>();
        if (journals.isEmpty()) {
            return statuses;
        }
        jdbc.sql(CHAT + "where j.journal_id in (:journals)")
                .param("journals", journals)
                .query((rs, row) -> {
                    statuses.put(
                            rs.getObject("journal_id", UUID.class),
                            chat(ChatFacts.of(rs), rs.getBoolean("subject_chat_requested")));
                    return null;
                })
                .list();
        journals.forEach(
                journal -> statuses.putIfAbsent(journal, SubjectChatStatus.of(SubjectChatStatus.State.NOT_REQUESTED)));
        moves(journals)
                .forEach((journal, move) -> statuses.computeIfPresent(journal, (key, status) -> status.withMove(move)));
        return statuses;
    }

    private SubjectChatStatus chat(ChatFacts facts, boolean requested) {
        var status = chatState(facts, requested);
        return ProviderCapability.INVITE_LINKS.declaredIn(
                        messengers.provider(facts.messenger()).capabilities())
                ? status
                : status.withoutInviteLinks();
    }

    private SubjectChatStatus chatState(ChatFacts facts, boolean requested) {
        if (facts.state() == ChatState.ARCHIVED) {
            return SubjectChatStatus.of(SubjectChatStatus.State.ARCHIVED);
        }
        var capabilities = messengers.provider(facts.messenger()).capabilities();
        if (facts.state() == ChatState.ACTIVE) {
            var state = requested ? SubjectChatStatus.State.CREATED : SubjectChatStatus.State.NOT_SYNCED;
            var paused = requested && facts.pausedReason() != null;
            if (paused) {
                return new SubjectChatStatus(
                        state,
                        facts.inviteLink(),
                        facts.pausedReason(),
                        text(facts.messenger().textKey("sync.remedy.credentials")));
            }
            // a provider without invite links (MAX) adds people by its bot: no link is missed or waited for, the
            // chat's own link is shown if the messenger gave one
            return new SubjectChatStatus(state, facts.inviteLink(), null, null);
        }
        if (!requested) {
            return SubjectChatStatus.of(SubjectChatStatus.State.NOT_REQUESTED);
        }
        if (facts.pausedReason() != null) {
            return error(facts.pausedReason(), facts.messenger().textKey("sync.remedy.credentials"));
        }
        if (!facts.ready()) {
            // the request stands; the chat follows once the school is connected
            return new SubjectChatStatus(
                    SubjectChatStatus.State.REQUESTED,
                    null,
                    text(facts.messenger().textKey("sync.problem.notConnected")),
                    text("sync.remedy.connect"));
        }
        if (!ProviderCapability.CREATES_CHATS.declaredIn(capabilities)) {
            // the request stands, but the engine will not create the chat: the provider cannot
            return new SubjectChatStatus(
                    SubjectChatStatus.State.REQUESTED, null, text(ProviderCapability.CREATES_CHATS.reasonKey()), null);
        }
        if (facts.state() == ChatState.FAILED) {
            return error(facts.problem(), "sync.remedy.chat");
        }
        if (facts.state() == ChatState.LOST) {
            return error(facts.problem(), "sync.remedy.chatLost");
        }
        if (facts.state() == ChatState.CREATING || facts.hasVideoLesson()) {
            return SubjectChatStatus.of(SubjectChatStatus.State.PENDING);
        }
        return SubjectChatStatus.of(SubjectChatStatus.State.REQUESTED);
    }

    @Override
    public Map<UUID, ChatMembership> membershipsOf(UUID person, Collection<UUID> journals) {
        var memberships = new HashMap<UUID, ChatMembership>();
        if (journals.isEmpty()) {
            return memberships;
        }
        jdbc.sql(MEMBERSHIP)
                .param("person", person)
                .param("journals", journals)
                .query((rs, row) -> {
                    // a messenger that cannot manage members puts nobody in: there is no membership to show
                    var messenger = messengers.provider(Messenger.valueOf(rs.getString("messenger")));
                    if (ProviderCapability.MEMBERS.declaredIn(messenger.capabilities())) {
                        memberships.put(rs.getObject("journal_id", UUID.class), membership(rs));
                    }
                    return null;
                })
                .list();
        return memberships;
    }

    private static ChatMembership membership(ResultSet rs) throws SQLException {
        if (!rs.getBoolean("belongs")) {
            return ChatMembership.of(ChatMembership.State.NOT_MEMBER);
        }
        var state = SqlNames.read(MemberState.class, rs.getString("member_state"));
        if (state == MemberState.ACTIVE) {
            return ChatMembership.of(ChatMembership.State.IN_CHAT);
        }
        if (rs.getObject("member_user_id") == null) {
            return ChatMembership.of(ChatMembership.State.LINK_VK_ID);
        }
        if (rs.getBoolean("relink_required")) {
            return ChatMembership.of(ChatMembership.State.RELINK_VK_ID);
        }
        if (!rs.getBoolean("adding") && state == MemberState.FAILED) {
            return new ChatMembership(ChatMembership.State.ERROR, rs.getString("member_problem"));
        }
        return ChatMembership.of(ChatMembership.State.ADDING);
    }

    @Override
    public List<ArchivedChat> archivedChatsOf(UUID person) {
        return jdbc.sql(
                        sql(
                                """
                        select c.journal_id, c.title, c.archived_at,
                               bool_or(m.state = {MemberState.ACTIVE}) as still_member
                        from sync.chat_member m
                        join sync.chat c on c.organization_id = m.organization_id and c.journal_id = m.journal_id
                                        and c.academic_year_id = m.academic_year_id
                        where m.person_id = :person and c.state = {ChatState.ARCHIVED}
                        group by c.journal_id, c.title, c.archived_at
                        order by c.archived_at desc, c.title
                        """))
                .param("person", person)
                .query((rs, row) -> new ArchivedChat(
                        rs.getObject("journal_id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("archived_at", OffsetDateTime.class)
                                .atZoneSameInstant(clock.getZone())
                                .toOffsetDateTime(),
                        rs.getBoolean("still_member")))
                .list();
    }

    @Override
    public Map<UUID, LessonCallStatus> callsOf(Collection<UUID> lessons) {
        var statuses = new HashMap<UUID, LessonCallStatus>();
        if (lessons.isEmpty()) {
            return statuses;
        }
        jdbc.sql(
                        sql(
                                """
                        select l.lesson_id,
                               l.publication = {Publication.PUBLISHED} and l.format = {LessonFormat.VIDEO_CALL} as wanted,
                               l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes) > :localNow as upcoming,
                               l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes)
                                   + make_interval(secs => :grace) <= :localNow as over,
                               k.state, k.join_link, k.problem, coalesce(so.ready, false) as ready, so.paused_reason,
                               coalesce(so.messenger, 'VK') as messenger, l.lesson_link
                        from school.sync_lesson l
                        left join sync.call k on k.organization_id = l.organization_id and k.lesson_id = l.lesson_id
                        left join sync.organization so on so.organization_id = l.organization_id
                        where l.lesson_id in (:lessons)
                        """))
                .param("lessons", lessons)
                .param("localNow", LocalDateTime.now(clock))
                .param("grace", calls.grace().toSeconds())
                .query((rs, row) -> {
                    var status = call(
                            rs.getBoolean("wanted"),
                            rs.getBoolean("upcoming"),
                            rs.getBoolean("over"),
                            SqlNames.read(CallState.class, rs.getString("state")),
                            rs.getString("join_link"),
                            rs.getString("problem"),
                            rs.getBoolean("ready"),
                            rs.getString("paused_reason"),
                            messengers.provider(Messenger.valueOf(rs.getString("messenger"))),
                            rs.getString("lesson_link"));
                    if (status != null) {
                        statuses.put(rs.getObject("lesson_id", UUID.class), status);
                    }
                    return null;
                })
                .list();
        return statuses;
    }

    private @Nullable LessonCallStatus call(
            boolean wanted,
            boolean upcoming,
            boolean over,
            @Nullable CallState state,
            @Nullable String joinLink,
            @Nullable String problem,
            boolean ready,
            @Nullable String pausedReason,
            MessengerProvider messenger,
            @Nullable String videoLink) {
        if (!wanted) {
            return state == null ? null : new LessonCallStatus(LessonCallStatus.State.FINISHED, null, null);
        }
        // the call served its lesson: finished after it, or about to be; never a dead «Присоединиться»
        if ((state == CallState.ACTIVE && over) || (state == CallState.FINISHED && !upcoming)) {
            return new LessonCallStatus(LessonCallStatus.State.FINISHED, null, null);
        }
        if (state == CallState.ACTIVE) {
            return new LessonCallStatus(LessonCallStatus.State.READY, joinLink, null);
        }
        if (state == CallState.FAILED) {
            return new LessonCallStatus(LessonCallStatus.State.ERROR, null, problem);
        }
        if (!upcoming) {
            return null;
        }
        if (!ProviderCapability.CALLS.declaredIn(messenger.capabilities())) {
            // the messenger starts no calls: the link the teacher pasted on the lesson, or else the journal's
            // standing room, is its call
            return videoLink != null
                    ? new LessonCallStatus(LessonCallStatus.State.READY, videoLink, null)
                    : new LessonCallStatus(
                            LessonCallStatus.State.ERROR, null, text(ProviderCapability.CALLS.reasonKey()));
        }
        if (pausedReason != null) {
            return new LessonCallStatus(LessonCallStatus.State.ERROR, null, pausedReason);
        }
        if (!ready) {
            return new LessonCallStatus(LessonCallStatus.State.ERROR, null, text("sync.problem.notConnected"));
        }
        return new LessonCallStatus(LessonCallStatus.State.PLANNED, null, null);
    }

    private SubjectChatStatus error(@Nullable String problem, String remedyKey) {
        return new SubjectChatStatus(SubjectChatStatus.State.ERROR, null, problem, text(remedyKey));
    }

    private String text(String key) {
        return messages.getMessage(key, null, SyncTexts.RUSSIAN);
    }

    private record ChatFacts(
            @Nullable ChatState state,
            @Nullable String inviteLink,
            @Nullable String problem,
            boolean ready,
            @Nullable String pausedReason,
            boolean hasVideoLesson,
            Messenger messenger) {

        static ChatFacts of(ResultSet rs) throws SQLException {
            return new ChatFacts(
                    SqlNames.read(ChatState.class, rs.getString("state")),
                    rs.getString("invite_link"),
                    rs.getString("problem"),
                    rs.getBoolean("ready"),
                    rs.getString("paused_reason"),
                    rs.getBoolean("has_video"),
                    Messenger.valueOf(rs.getString("messenger")));
        }
    }

    @Override
    /** By the organization's messenger as the engine holds it: a page opens no credentials to ask. */
    public boolean startsCalls(UUID organization) {
        var messenger = jdbc.sql("select messenger from sync.organization where organization_id = :organization")
                .param("organization", organization)
                .query(String.class)
                .optional()
                .map(Messenger::valueOf)
                .orElse(Messenger.VK);
        return ProviderCapability.CALLS.declaredIn(
                messengers.provider(messenger).capabilities());
    }
}
