package ru.paragraf.sferum.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * Strangers planted before the member check: new VK accounts that join chats of the schools by the chats' invite
 * links on their own, as someone a link was forwarded to would; and what the check made of them.
 */
final class Strangers {

    /** A stranger in a chat: the emulator's chat id and the VK account. */
    record Planted(long chat, long user) {}

    /**
     * @param planted strangers who joined a chat
     * @param listed of them, listed in {@code sync.chat_stranger}
     * @param removed of them, with {@code removed_at} there
     * @param stillIn of them, still in their chat in the emulator
     * @param runs the SFERUM_SYNC runs of the check by status
     */
    record Figures(int planted, long listed, long removed, long stillIn, Map<String, Long> runs) {}

    private Strangers() {}

    static List<Planted> plant(VkEmulator vk, JdbcClient jdbc, List<UUID> organizations, int count) {
        var chats = jdbc.sql(
                        """
                        select community_id, chat_id from sync.chat
                        where state = 'ACTIVE' and organization_id in (:organizations)
                        order by md5(journal_id::text) limit :n""")
                .param("organizations", organizations)
                .param("n", count)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        var byLocalId = new HashMap<String, ru.paragraf.vkemulator.EmulatorSnapshot.Chat>();
        vk.chats().forEach(chat -> chat.localIds().forEach((peer, local) -> byLocalId.put(peer + ":" + local, chat)));
        var planted = new ArrayList<Planted>();
        for (var chat : chats) {
            var inVk = byLocalId.get(-chat[0] + ":" + chat[1]);
            var stranger = vk.addAccount("Чужой", "№" + (planted.size() + 1));
            var joined = vk.joinByLink(stranger.userId(), inVk.inviteLink());
            if (joined.errorCode() != null) {
                throw new IllegalStateException("A stranger could not join by the chat's link: " + joined);
            }
            planted.add(new Planted(inVk.id(), stranger.userId()));
        }
        return planted;
    }

    static Figures figures(VkEmulator vk, JdbcClient jdbc, List<Planted> planted, java.time.OffsetDateTime runsFrom) {
        long listed = 0;
        long removed = 0;
        long stillIn = 0;
        var snapshot = vk.snapshot();
        for (var stranger : planted) {
            var rows = jdbc.sql("select removed_at is not null from sync.chat_stranger where vk_user_id = :user")
                    .param("user", stranger.user())
                    .query(Boolean.class)
                    .list();
            listed += rows.isEmpty() ? 0 : 1;
            removed += rows.contains(true) ? 1 : 0;
            stillIn += snapshot.chat(stranger.chat()).activeMembers().stream()
                    .filter(member -> member.memberId() == stranger.user())
                    .count();
        }
        var runs = new java.util.TreeMap<String, Long>();
        jdbc.sql("select status, count(*) from exchange.run where queued_at >= :from group by 1")
                .param("from", runsFrom)
                .query((rs, row) -> runs.put(rs.getString(1), rs.getLong(2)))
                .list();
        return new Figures(planted.size(), listed, removed, stillIn, runs);
    }
}
