package ru.paragraf.sferum.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * Every ACTIVE chat of the schools, its members in the emulator compared with who belongs: the VK accounts of
 * {@code school.sync_journal_member} (teachers, pupils and, where the school wants them, parents) that VK ID still
 * accepts. The community itself is left out; everyone else in the chat who does not belong is a member too many, and
 * everyone who belongs but is not in the chat one missing.
 */
final class ChatMembersCheck {

    /**
     * @param chats ACTIVE chats of the schools in the ledger
     * @param notInVk of them, chats the emulator does not have (never expected)
     * @param belong people who belong, summed over the chats
     * @param inChats people in the chats in the emulator (the community left out), summed over the chats
     * @param missing people who belong but are not in the chat
     * @param extra people in the chat who do not belong
     */
    record Figures(int chats, int notInVk, long belong, long inChats, long missing, long extra) {

        long wrong() {
            return missing + extra + notInVk;
        }

        @Override
        public String toString() {
            return "%d chats (%d not in VK), %d belong, %d in the chats, %d missing, %d too many"
                    .formatted(chats, notInVk, belong, inChats, missing, extra);
        }
    }

    private ChatMembersCheck() {}

    static Figures of(JdbcClient jdbc, VkEmulator vk, List<UUID> organizations) {
        var expected = new HashMap<UUID, Set<Long>>();
        var chats = new HashMap<UUID, long[]>();
        jdbc.sql(
                        """
                        select journal_id, community_id, chat_id from sync.chat
                        where state = 'ACTIVE' and organization_id in (:organizations)""")
                .param("organizations", organizations)
                .query((rs, row) -> {
                    var journal = rs.getObject(1, UUID.class);
                    chats.put(journal, new long[] {rs.getLong(2), rs.getLong(3)});
                    expected.put(journal, new HashSet<>());
                    return row;
                })
                .list();
        jdbc.sql(
                        """
                        select journal_id, sferum_user_id from school.sync_journal_member
                        where organization_id in (:organizations) and sferum_user_id is not null
                          and not sferum_relink_required""")
                .param("organizations", organizations)
                .query((rs, row) -> {
                    var members = expected.get(rs.getObject(1, UUID.class));
                    if (members != null) {
                        members.add(rs.getLong(2));
                    }
                    return row;
                })
                .list();
        Map<String, EmulatorSnapshot.Chat> inVk = new HashMap<>();
        for (var chat : vk.chats()) {
            chat.localIds().forEach((peer, localId) -> {
                if (peer < 0) {
                    inVk.put(-peer + ":" + localId, chat);
                }
            });
        }
        int notInVk = 0;
        long belong = 0;
        long inChats = 0;
        long missing = 0;
        long extra = 0;
        for (var entry : chats.entrySet()) {
            var want = expected.get(entry.getKey());
            belong += want.size();
            var chat = inVk.get(entry.getValue()[0] + ":" + entry.getValue()[1]);
            if (chat == null) {
                notInVk++;
                continue;
            }
            var actual = new HashSet<Long>();
            chat.activeMembers().stream()
                    .map(EmulatorSnapshot.Member::memberId)
                    .filter(member -> member > 0)
                    .forEach(actual::add);
            inChats += actual.size();
            missing += want.stream().filter(member -> !actual.contains(member)).count();
            extra += actual.stream().filter(member -> !want.contains(member)).count();
        }
        return new Figures(chats.size(), notInVk, belong, inChats, missing, extra);
    }
}
