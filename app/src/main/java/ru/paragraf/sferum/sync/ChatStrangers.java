package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.sync.messenger.MessengerProvider.ChatMember;

/**
 * What a member check found in a chat, written to the ledger: the strangers ({@code sync.chat_stranger}), the
 * members who left on their own, and when the chat was checked. Part of the {@link Ledger}.
 */
final class ChatStrangers {

    private final JdbcClient jdbc;

    ChatStrangers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The chat's members as the messenger listed them when asked at {@code asked}. Who belongs to the journal with
     * that VK account, whom the engine put in, the community itself and the chat's owner (who made a chat the community
     * took over, and whom nobody can remove) are no strangers; nor is someone whose row in the ledger changed at or
     * after {@code asked}: the engine removed them after the list was taken (their removal ran beside the check).
     * Someone the engine put in before {@code asked} whom the messenger does not list left on their own. Returns how
     * many left.
     */
    int checked(ChatKey key, long community, List<ChatMember> listed, OffsetDateTime asked) {
        // the chat's row first, as every writer of a chat and its members locks them (Ledger.memberRemoved): a check
        // that wrote its members first deadlocked with a removal in the same chat
        keyed(
                        jdbc.sql(
                                """
                        update sync.chat set members_checked_at = :asked
                        where organization_id = :organization and journal_id = :journal and academic_year_id = :year
                        """),
                        key)
                .param("asked", asked)
                .update();
        var known = new HashSet<Long>(belonging(key));
        var active = new HashMap<Long, OffsetDateTime>();
        ledgered(key, asked, known, active);
        var present = new HashSet<Long>();
        for (var member : listed) {
            present.add(member.id());
            if (member.id() != -community && !member.owner() && !known.contains(member.id())) {
                seen(key, member, asked);
            }
        }
        var left = 0;
        for (var entry : active.entrySet()) {
            if (!present.contains(entry.getKey()) && entry.getValue().isBefore(asked)) {
                left += left(key, entry.getKey(), asked);
            }
        }
        return left;
    }

    /** The community took the stranger out of the chat; the chat's invite link is due for renewal. */
    void removed(ChatKey key, long vkUser, OffsetDateTime at) {
        // the chat's row first, then its strangers: the order of every writer of a chat (see checked)
        keyed(
                        jdbc.sql(
                                """
                        update sync.chat set members_removed_at = :at, updated_at = :at
                        where organization_id = :organization and journal_id = :journal and academic_year_id = :year
                        """),
                        key)
                .param("at", at)
                .update();
        keyed(
                        jdbc.sql(
                                """
                        update sync.chat_stranger set removed_at = :at
                        where organization_id = :organization and journal_id = :journal and academic_year_id = :year
                          and vk_user_id = :vkUser and removed_at is null
                        """),
                        key)
                .param("vkUser", vkUser)
                .param("at", at)
                .update();
    }

    private Set<Long> belonging(ChatKey key) {
        return Set.copyOf(jdbc.sql(
                        """
                        select distinct %1$s from school.sync_journal_member p
                        join sync.organization o on o.organization_id = p.organization_id
                        where p.journal_id = :journal and %1$s is not null
                        """
                                .formatted(MemberAccounts.of("o", "p")))
                .param("journal", key.journal())
                .query(Long.class)
                .list());
    }

    /**
     * The ledger's rows of the chat that the check must know: each ACTIVE member, with when their row last changed
     * (into {@code active}), and anyone whose row changed at or after {@code asked}, whatever its state now; all of
     * them into {@code known}.
     */
    private void ledgered(ChatKey key, OffsetDateTime asked, Set<Long> known, Map<Long, OffsetDateTime> active) {
        keyed(
                        jdbc.sql(
                                sql(
                                        """
                        select vk_user_id, state = {MemberState.ACTIVE} as active, updated_at from sync.chat_member
                        where organization_id = :organization and journal_id = :journal and academic_year_id = :year
                          and (state = {MemberState.ACTIVE} or updated_at >= :asked)
                        """)),
                        key)
                .param("asked", asked)
                .query((rs, row) -> {
                    var member = rs.getLong("vk_user_id");
                    known.add(member);
                    if (rs.getBoolean("active")) {
                        active.put(member, rs.getObject("updated_at", OffsetDateTime.class));
                    }
                    return member;
                })
                .list();
    }

    private void seen(ChatKey key, ChatMember member, OffsetDateTime asked) {
        keyed(
                        jdbc.sql(
                                """
                        insert into sync.chat_stranger (organization_id, journal_id, academic_year_id, vk_user_id, name,
                                                        first_seen_at, last_seen_at)
                        values (:organization, :journal, :year, :vkUser, :name, :asked, :asked)
                        on conflict (organization_id, journal_id, academic_year_id, vk_user_id)
                        do update set name = coalesce(excluded.name, sync.chat_stranger.name),
                                      last_seen_at = excluded.last_seen_at, removed_at = null
                        """),
                        key)
                .param("vkUser", member.id())
                .param("name", member.name())
                .param("asked", asked)
                .update();
    }

    private int left(ChatKey key, long vkUser, OffsetDateTime asked) {
        return keyed(
                        jdbc.sql(
                                sql(
                                        """
                        update sync.chat_member set state = {MemberState.LEFT}, updated_at = :asked
                        where organization_id = :organization and journal_id = :journal and academic_year_id = :year
                          and vk_user_id = :vkUser and state = {MemberState.ACTIVE}
                        """)),
                        key)
                .param("vkUser", vkUser)
                .param("asked", asked)
                .update();
    }

    private static JdbcClient.StatementSpec keyed(JdbcClient.StatementSpec statement, ChatKey key) {
        return statement
                .param("organization", key.organization())
                .param("journal", key.journal())
                .param("year", key.year());
    }
}
