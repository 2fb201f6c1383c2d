package ru.paragraf.sferum.sync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.vkemulator.VkEmulator;

/** What the emulator holds compared with the ledger: duplicates, orphans, announcements. */
record SyncLedgerChecks(
        int chats,
        int duplicateChats,
        int ledgerChats,
        int calls,
        int ledgerCalls,
        int orphanCalls,
        int unconfirmedStarts,
        int announcements,
        int duplicateMessages,
        int announcedCalls,
        int openOperations,
        int failedOperations,
        long rateLimitViolations) {

    static SyncLedgerChecks of(VkEmulator vk, JdbcClient jdbc) {
        var chats = vk.chats();
        var perTitle = chats.stream()
                .collect(Collectors.groupingBy(chat -> chat.ownerId() + ":" + chat.title(), Collectors.counting()));
        var duplicateChats = perTitle.values().stream().mapToLong(n -> n - 1).sum();
        var ledgerCallIds = new HashSet<>(jdbc.sql("select call_id from sync.call where call_id is not null")
                .query(String.class)
                .list());
        var calls = vk.calls();
        var orphans = calls.stream()
                .filter(call -> !ledgerCallIds.contains(call.callId()))
                .count();
        Map<String, Integer> texts = new HashMap<>();
        chats.forEach(chat ->
                chat.textMessages().forEach(message -> texts.merge(chat.id() + ":" + message.text(), 1, Integer::sum)));
        var duplicateMessages = texts.values().stream().mapToInt(n -> n - 1).sum();
        var announcements = texts.values().stream().mapToInt(Integer::intValue).sum();
        return new SyncLedgerChecks(
                chats.size(),
                (int) duplicateChats,
                count(jdbc, "sync.chat where state = 'ACTIVE'"),
                calls.size(),
                count(jdbc, "sync.call where call_id is not null"),
                (int) orphans,
                jdbc.sql("select coalesce(sum(unconfirmed_starts), 0) from sync.call")
                        .query(Integer.class)
                        .single(),
                announcements,
                duplicateMessages,
                count(jdbc, "sync.call where announced"),
                count(jdbc, "sync.operation where status in ('PENDING', 'RUNNING')"),
                count(jdbc, "sync.operation where status = 'FAILED'"),
                vk.stats().totalRateLimitViolations());
    }

    private static int count(JdbcClient jdbc, String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }
}
