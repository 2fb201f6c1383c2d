package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads a journal's «Состав чата» from the school's read contract and the ledger: one query each for members and strangers. */
@Component
@Transactional(readOnly = true)
class ChatMembers {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private static final String MEMBERS = sql(
            """
            select b.role, b.person_id, b.full_name, %1$s as member_user_id, %2$s as relink_required,
                   m.state as member_state, m.problem,
                   exists (select 1 from sync.operation o
                           where o.kind = {OperationKind.ADD_MEMBER}
                             and o.object_key = 'member:' || b.journal_id || ':' || b.academic_year_id || ':'
                                                || %1$s
                             and o.status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING})) as adding,
                   null::timestamp as substitute_until
            from school.sync_journal_member b
            left join sync.organization so on so.organization_id = b.organization_id
            left join sync.chat_member m on m.organization_id = b.organization_id and m.journal_id = b.journal_id
                                        and m.academic_year_id = b.academic_year_id
                                        and m.vk_user_id = %1$s
            where b.journal_id = :journal
            order by case b.role when 'TEACHER' then 0 when 'PUPIL' then 1 else 2 end, b.full_name
            """
                    .formatted(MemberAccounts.of("so", "b"), MemberAccounts.relinkRequired("so", "b")));

    /**
     * The substitutes of the day who do not teach the journal, as {@code Planner.BELONGING} has them in the chat: from
     * 00:00 of the lesson's day until its end plus the grace; one row each, until their last lesson of the day ends.
     */
    private static final String SUBSTITUTES = sql(
            """
            select distinct on (s.employee_id)
                   {MemberRole.TEACHER} as role, s.employee_id as person_id, s.full_name, %1$s as member_user_id,
                   %2$s as relink_required, m.state as member_state, m.problem,
                   exists (select 1 from sync.operation o
                           where o.kind = {OperationKind.ADD_MEMBER}
                             and o.object_key = 'member:' || s.journal_id || ':' || j.academic_year_id || ':'
                                                || %1$s
                             and o.status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING})) as adding,
                   s.lesson_date + s.starts_at + make_interval(mins => s.duration_minutes)
                       + make_interval(secs => :grace) as substitute_until
            from school.sync_lesson_substitute s
            join school.sync_journal j on j.journal_id = s.journal_id
            left join sync.organization so on so.organization_id = s.organization_id
            left join sync.chat_member m on m.organization_id = s.organization_id and m.journal_id = s.journal_id
                                        and m.academic_year_id = j.academic_year_id
                                        and m.vk_user_id = %1$s
            where s.journal_id = :journal and s.publication = {Publication.PUBLISHED}
              and cast(s.lesson_date as timestamp) <= :localNow
              and s.lesson_date + s.starts_at + make_interval(mins => s.duration_minutes)
                  + make_interval(secs => :grace) > :localNow
              and not exists (select 1 from school.sync_journal_member b
                              where b.journal_id = s.journal_id and b.person_id = s.employee_id
                                and b.role = {MemberRole.TEACHER})
            order by s.employee_id, substitute_until desc
            """
                    .formatted(MemberAccounts.of("so", "s"), MemberAccounts.relinkRequired("so", "s")));

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final SyncProperties properties;

    ChatMembers(JdbcClient jdbc, MessageSource messages, Clock clock, SyncProperties properties) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.properties = properties;
    }

    /** The journal's «Состав чата»; empty for a journal that does not exist. */
    Optional<ChatMembersView> of(UUID journal) {
        return jdbc.sql(
                        sql(
                                """
                        select j.journal_id, j.organization_id, j.chat_title, c.chat_id, c.members_checked_at
                        from school.sync_journal j
                        left join sync.chat c on c.organization_id = j.organization_id and c.journal_id = j.journal_id
                                             and c.academic_year_id = j.academic_year_id
                                             and c.state = {ChatState.ACTIVE}
                        where j.journal_id = :journal
                        """))
                .param("journal", journal)
                .query((rs, row) -> new ChatMembersView(
                        journal,
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("chat_title"),
                        rs.getObject("chat_id") != null,
                        local(rs, "members_checked_at"),
                        members(journal),
                        strangers(journal)))
                .optional();
    }

    /** The journal's members, then the substitutes of the day who are not among them. */
    private List<ChatMembersView.Member> members(UUID journal) {
        var members = new ArrayList<>(
                jdbc.sql(MEMBERS).param("journal", journal).query(this::member).list());
        members.addAll(jdbc.sql(SUBSTITUTES)
                .param("journal", journal)
                .param("localNow", LocalDateTime.now(clock))
                .param("grace", properties.calls().grace().toSeconds())
                .query(this::member)
                .list());
        return members;
    }

    private ChatMembersView.Member member(ResultSet rs, int row) throws SQLException {
        var vkUser = (Long) rs.getObject("member_user_id");
        var stored = rs.getString("member_state");
        var ledger = stored == null ? null : SqlNames.read(MemberState.class, stored);
        ChatMembersView.State state;
        String text;
        if (vkUser == null) {
            state = ChatMembersView.State.NOT_LINKED;
            text = text("chatMembers.state.NOT_LINKED");
        } else if (rs.getBoolean("relink_required")) {
            state = ChatMembersView.State.ERROR;
            text = text("chatMembers.state.ERROR", text("chatMembers.problem.relink"));
        } else if (ledger == MemberState.ACTIVE) {
            state = ChatMembersView.State.IN_CHAT;
            text = text("chatMembers.state.IN_CHAT");
        } else if (ledger == MemberState.FAILED && !rs.getBoolean("adding")) {
            state = ChatMembersView.State.ERROR;
            text = text("chatMembers.state.ERROR", rs.getString("problem"));
        } else if (ledger == MemberState.LEFT) {
            state = ChatMembersView.State.LEFT;
            text = text("chatMembers.state.LEFT");
        } else {
            state = ChatMembersView.State.ADDING;
            text = text("chatMembers.state.ADDING");
        }
        var until = rs.getObject("substitute_until", LocalDateTime.class);
        return new ChatMembersView.Member(
                SqlNames.read(MemberRole.class, rs.getString("role")),
                rs.getObject("person_id", UUID.class),
                rs.getString("full_name"),
                vkUser,
                state,
                text,
                until == null ? null : text("chatMembers.substituteUntil", until.format(HOURS_MINUTES)));
    }

    private List<ChatMembersView.Stranger> strangers(UUID journal) {
        return jdbc.sql(
                        """
                        select s.vk_user_id, s.name, s.first_seen_at, s.last_seen_at, s.removed_at
                        from sync.chat_stranger s
                        join school.sync_journal j on j.journal_id = s.journal_id
                                                  and j.academic_year_id = s.academic_year_id
                        where s.journal_id = :journal
                        order by s.first_seen_at, s.vk_user_id
                        """)
                .param("journal", journal)
                .query((rs, row) -> new ChatMembersView.Stranger(
                        rs.getLong("vk_user_id"),
                        rs.getString("name"),
                        local(rs, "first_seen_at"),
                        local(rs, "last_seen_at"),
                        local(rs, "removed_at")))
                .list();
    }

    /** A time of the ledger in the application's zone, as the other pages show times: the database answers in UTC. */
    private @Nullable OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        var time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, SyncTexts.RUSSIAN);
    }
}
