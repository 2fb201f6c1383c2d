package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.linkbase.MessengerMoved;

/**
 * The ledger's side of a school's move to another messenger, in the link base's transaction of the move: the
 * journals' chats of the messenger the school left become their previous chats ({@code sync.previous_chat}, with the
 * members the engine had put in), neither archived nor deleted, and nothing more is done in them but the closing
 * message ({@link PreviousChatHandler}); chats of the new messenger kept from an earlier stay there (same account)
 * become the journals' chats again. Operations still waiting are cancelled (the planner plans what the new messenger
 * needs), and the organization's messenger and account in {@code sync.organization} follow at once, so nothing is
 * planned for the old messenger after the move.
 *
 * <p>Moving back to VK: the VK chats are the journals' chats again and are synchronized as before; the MAX chats stay
 * bound as previous chats, not synchronized and told nothing, until the school moves to MAX with the same bot again.
 */
@Component
class MessengerMove {

    private static final String CHAT_KEY =
            """
            p.organization_id = c.organization_id and p.journal_id = c.journal_id
            and p.academic_year_id = c.academic_year_id""";

    private static final String STASH_MEMBERS = sql(
            """
            insert into sync.previous_chat_member (organization_id, journal_id, academic_year_id, messenger,
                                                   vk_user_id, person_id, role, state, problem, updated_at)
            select m.organization_id, m.journal_id, m.academic_year_id, :left, m.vk_user_id, m.person_id, m.role,
                   m.state, m.problem, m.updated_at
            from sync.chat_member m
            join sync.chat c on c.organization_id = m.organization_id and c.journal_id = m.journal_id
                            and c.academic_year_id = m.academic_year_id
            where c.organization_id = :organization and c.state = {ChatState.ACTIVE} and c.community_id = :previous
            on conflict (organization_id, journal_id, academic_year_id, messenger, vk_user_id) do update
                set person_id = excluded.person_id, role = excluded.role, state = excluded.state,
                    problem = excluded.problem, updated_at = excluded.updated_at
            """);

    private static final String DROP_MEMBERS = sql(
            """
            delete from sync.chat_member m
            using sync.chat c
            where c.organization_id = m.organization_id and c.journal_id = m.journal_id
              and c.academic_year_id = m.academic_year_id
              and c.organization_id = :organization and c.state = {ChatState.ACTIVE} and c.community_id = :previous
            """);

    private static final String DROP_STRANGERS = sql(
            """
            delete from sync.chat_stranger s
            using sync.chat c
            where c.organization_id = s.organization_id and c.journal_id = s.journal_id
              and c.academic_year_id = s.academic_year_id
              and c.organization_id = :organization and c.state = {ChatState.ACTIVE} and c.community_id = :previous
            """);

    private static final String STASH_CHATS = sql(
            """
            with left_chats as (
                delete from sync.chat c
                where c.organization_id = :organization and c.state = {ChatState.ACTIVE}
                  and c.community_id = :previous and c.chat_id is not null
                returning c.*)
            insert into sync.previous_chat (organization_id, journal_id, academic_year_id, messenger, community_id,
                                            chat_id, title, invite_link, invite_link_at, chat_link, adopted_at,
                                            created_at, left_at, closed_at)
            select organization_id, journal_id, academic_year_id, :left, community_id, chat_id, title, invite_link,
                   invite_link_at, chat_link, adopted_at, created_at, :now, null
            from left_chats
            on conflict (organization_id, journal_id, academic_year_id, messenger) do update
                set community_id = excluded.community_id, chat_id = excluded.chat_id, title = excluded.title,
                    invite_link = excluded.invite_link, invite_link_at = excluded.invite_link_at,
                    chat_link = excluded.chat_link, adopted_at = excluded.adopted_at,
                    created_at = excluded.created_at, left_at = excluded.left_at,
                    closed_at = null
            """);

    private static final String RESTORE_CHATS = sql(
            """
            insert into sync.chat (organization_id, journal_id, academic_year_id, community_id, title, state, chat_id,
                                   invite_link, invite_link_at, chat_link, adopted_at, created_at, updated_at)
            select p.organization_id, p.journal_id, p.academic_year_id, p.community_id, p.title, {ChatState.ACTIVE},
                   p.chat_id, p.invite_link, p.invite_link_at, p.chat_link, p.adopted_at, p.created_at, :now
            from sync.previous_chat p
            where p.organization_id = :organization and p.messenger = :to and p.community_id = :account
            on conflict (organization_id, journal_id, academic_year_id) do update
                set community_id = excluded.community_id, title = excluded.title, state = excluded.state,
                    chat_id = excluded.chat_id, invite_link = excluded.invite_link,
                    invite_link_at = excluded.invite_link_at, chat_link = excluded.chat_link,
                    adopted_at = excluded.adopted_at, problem = null,
                    problem_category = null, lost_at = null, updated_at = excluded.updated_at
                -- a chat failed or lost in the messenger left is replaced; a live or archived one stays
                where sync.chat.state not in ({ChatState.ACTIVE}, {ChatState.ARCHIVED}, {ChatState.CREATING})
            """);

    private static final String RESTORE_MEMBERS = sql(
            """
            insert into sync.chat_member (organization_id, journal_id, academic_year_id, vk_user_id, person_id, role,
                                          state, problem, updated_at)
            select m.organization_id, m.journal_id, m.academic_year_id, m.vk_user_id, m.person_id, m.role, m.state,
                   m.problem, m.updated_at
            from sync.previous_chat_member m
            join sync.chat c on c.organization_id = m.organization_id and c.journal_id = m.journal_id
                            and c.academic_year_id = m.academic_year_id
            where m.organization_id = :organization and m.messenger = :to
              and c.state = {ChatState.ACTIVE} and c.community_id = :account
            on conflict (organization_id, journal_id, academic_year_id, vk_user_id) do nothing
            """);

    private static final String FORGET_RESTORED = sql(
            """
            delete from sync.previous_chat p
            using sync.chat c
            where %s and p.organization_id = :organization and p.messenger = :to
              and c.community_id = :account and c.chat_id = p.chat_id and c.state = {ChatState.ACTIVE}
            """
                    .formatted(CHAT_KEY));

    private static final String FORGET_RESTORED_MEMBERS =
            """
            delete from sync.previous_chat_member m
            where m.organization_id = :organization and m.messenger = :to
              and not exists (select 1 from sync.previous_chat p
                              where p.organization_id = m.organization_id and p.journal_id = m.journal_id
                                and p.academic_year_id = m.academic_year_id and p.messenger = m.messenger)
            """;

    private static final String CANCEL_WAITING = sql(
            """
            update sync.operation set status = {OperationStatus.CANCELLED}, finished_at = :now
            where organization_id = :organization and status = {OperationStatus.PENDING}
            """);

    private final JdbcClient jdbc;
    private final Readiness readiness;
    private final Clock clock;

    MessengerMove(JdbcClient jdbc, Readiness readiness, Clock clock) {
        this.jdbc = jdbc;
        this.readiness = readiness;
        this.clock = clock;
    }

    /** In the transaction of the move: see the class. */
    @EventListener
    void on(MessengerMoved event) {
        var organization = event.organization();
        var to = Messenger.valueOf(event.to());
        var left = to == Messenger.MAX ? Messenger.VK : Messenger.MAX;
        var now = OffsetDateTime.now(clock);
        readiness.refresh(organization);
        update(CANCEL_WAITING, organization, now).update();
        for (var statement : new String[] {STASH_MEMBERS, DROP_MEMBERS, DROP_STRANGERS, STASH_CHATS}) {
            update(statement, organization, now)
                    .param("previous", event.previousAccount())
                    .param("left", left.name())
                    .update();
        }
        for (var statement : new String[] {RESTORE_CHATS, RESTORE_MEMBERS, FORGET_RESTORED, FORGET_RESTORED_MEMBERS}) {
            update(statement, organization, now)
                    .param("account", event.account())
                    .param("to", to.name())
                    .update();
        }
    }

    private JdbcClient.StatementSpec update(String statement, UUID organization, OffsetDateTime now) {
        var spec = jdbc.sql(statement).param("organization", organization);
        return statement.contains(":now") ? spec.param("now", now) : spec;
    }
}
