package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.maxemulator.ChatPermission;
import ru.paragraf.maxemulator.EmulatorConfig;
import ru.paragraf.maxemulator.EmulatorSnapshot;
import ru.paragraf.maxemulator.FaultPlan;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.maxemulator.Seed;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.school.ChatAdoptions;

/**
 * The crash test of MAX message sending. School A is on MAX; an application node in a JVM of its own long-polls its
 * bot and runs the operations: a teacher makes a chat, makes the bot its admin and sends a journal's code, and the
 * node adopts the chat ({@code ADOPT_CHAT}: renames it to the journal's title and greets it), or answers an unknown
 * code ({@code REPLY}). The node is killed with SIGKILL at one {@link KillPoint} of the sending — recognized by a call
 * the MAX emulator holds (a {@code HELD_*} fault) or a statement of the node waiting for a lock the test holds, never
 * by time — and started again with the same command; the emulator lives on in this JVM. After the restart each
 * message the engine meant to post is in the chat exactly once (the emulator's chat and its count of {@code POST
 * /messages}), the chat is renamed once, and no operation is lost. This JVM neither polls nor runs operations.
 * Figures go to target/reliability/max-messages-crash-report.txt.
 */
@SpringBootTest(properties = {"sferum.sync.workers-enabled=false", "sferum.max.inbox.enabled=false"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaxMessagesCrashTests {

    /** What the node is doing in the chat when it dies. */
    enum Work {
        /** A journal's code sent: {@code ADOPT_CHAT} renames the chat and posts the greeting. */
        ADOPT(1, 1),
        /** An unknown code sent: {@code REPLY} posts the answer. */
        REPLY(1, 0),
        /** An adopted chat's year closed: {@code ARCHIVE_CHAT} renames it and posts and pins the closing message. */
        ARCHIVE(2, 2);

        /** The bot's messages in the chat, and its renames, in the end. */
        final int messages, renames;

        Work(int messages, int renames) {
            this.messages = messages;
            this.renames = renames;
        }
    }

    /** Where the node dies. */
    enum KillPoint {
        /** The greeting's attempt is in {@code sync.sent_message}; its {@code POST /messages} has not reached MAX. */
        ATTEMPT_STORED_NOT_POSTED(Work.ADOPT),
        /** MAX posted the greeting; its answer (the {@code mid}) is held. */
        POSTED_ANSWER_HELD(Work.ADOPT),
        /** The {@code mid} stored; the operation's completion waits for the test's lock of its row. */
        MID_STORED_NOT_COMPLETED(Work.ADOPT),
        /**
         * The greeting's answer lost (killed as {@link #POSTED_ANSWER_HELD}); after the restart, killed again while
         * reading the chat's messages for it (the answer of {@code GET /messages} held).
         */
        RECONCILING_THE_LOST_ANSWER(Work.ADOPT),
        /** MAX renamed the chat; the answer of {@code PATCH /chats/{chatId}} is held, the greeting not posted. */
        RENAMED_NOT_GREETED(Work.ADOPT),
        /** MAX posted the answer to an unknown code, which is held. */
        REPLY_POSTED_ANSWER_HELD(Work.REPLY),
        /** MAX pinned the closing message; the answer of {@code PUT /chats/{chatId}/pin} is held. */
        PINNED_ANSWER_HELD(Work.ARCHIVE);

        final Work work;

        KillPoint(Work work) {
            this.work = work;
        }
    }

    static final long BOT = 900_000_734L;
    static final String TOKEN = "max-messages-crash-school-a-3e7b1d9f5a2c4e6b8d0f1a3c5e7b9d2f";
    static final long TEACHER = 300_734_001L;
    static final String POST = "POST /messages",
            READ = "GET /messages",
            RENAME = "PATCH /chats/{chatId}",
            PIN = "PUT /chats/{chatId}/pin";
    static final String YEAR_TITLE = "2025/26";
    /** Well formed, and not issued: a code is 8 random characters of 31. */
    static final String UNKNOWN_CODE = "ZZZZ2345";

    static final List<UUID> JOURNALS =
            List.of(SchoolFixture.JOURNAL_A_MATHS, SchoolFixture.JOURNAL_A_RUSSIAN, SchoolFixture.JOURNAL_A_CHESS);
    static final MaxEmulator MAX = MaxEmulator.start(EmulatorConfig.builder()
            .rateLimitEnabled(false)
            .seed(Seed.of(
                    List.of(new Seed.Bot(BOT, "school734_bot", "Школа 734 — бот", TOKEN)),
                    List.of(new Seed.User(TEACHER, "Анна", "Учителева", false))))
            .build());

    @DynamicPropertySource
    static void max(DynamicPropertyRegistry registry) {
        registry.add("sferum.max.api-url", MAX::baseUrl);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    ChatAdoptions adoptions;

    @Autowired
    Environment environment;

    @Autowired
    Clock clock;

    private final List<String> report = new ArrayList<>();
    private final long started = System.nanoTime();
    private AppNode node;
    private int cases;

    @BeforeAll
    void schoolAOnMaxAndANodeOfItsOwn() throws Exception {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        mvc.perform(put("/api/orgs/" + SchoolFixture.SCHOOL_A + "/messenger")
                        .with(httpBasic("adminA", SchoolFixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"messenger\": \"MAX\", \"botToken\": \"" + TOKEN + "\"}"))
                .andExpect(status().isOk());
        node = MaxCrashNode.node("max-messages-crash", environment, MAX).start();
        report.add("MAX messages crash test: school A's chats adopted and answered by a node in a JVM of its own");
        report.add("setup (fixture, bot, the node's first start): %.1f s".formatted(seconds(started)));
    }

    @AfterAll
    void stopTheNodeAndReport() throws Exception {
        if (node != null) {
            node.close();
        }
        MAX.faults(FaultPlan.NONE);
        report.add("total: %.1f s".formatted(seconds(started)));
        ReliabilityReport.write("max-messages-crash-report.txt", report);
        MAX.close();
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aNodeKilledAtThisPointPostsEveryMessageOnceAfterItsRestart(KillPoint point) throws Exception {
        var caseStarted = System.nanoTime();
        var journal = JOURNALS.get(cases++ % JOURNALS.size());
        // the journal's chat of an earlier case is forgotten: the journal may be bound again
        jdbc.sql("delete from sync.chat where journal_id = :journal")
                .param("journal", journal)
                .update();
        var chat = MAX.createChat(TEACHER, "Чат " + point);
        MAX.addBotToChat(chat, TEACHER, BOT);
        MAX.makeAdmin(chat, TEACHER, BOT, EnumSet.allOf(ChatPermission.class));
        var posts = MAX.stats().callsOf(POST);
        var renames = MAX.stats().callsOf(RENAME);
        var restarts = new ArrayList<String>();

        if (point.work == Work.ARCHIVE) {
            adopt(chat, journal); // unhurt; then the year's close queues the archiving, as the planner does
            MaxCrashNode.await(
                    "Adopted",
                    () -> settled(chat, 1)
                            && count(
                                            "sync.operation where kind = 'ADOPT_CHAT' and status = 'DONE' and object_key = 'adopt:"
                                                    + chat + "'")
                                    == 1,
                    () -> state(chat));
            MAX.faults(faultsFor(point));
            queueArchiving(journal);
        } else {
            MAX.faults(faultsFor(point));
            if (point.work == Work.ADOPT) {
                adopt(chat, journal);
            } else {
                MAX.sendMessage(chat, TEACHER, "Код журнала: " + UNKNOWN_CODE);
            }
        }
        var held =
                switch (point) {
                    case RENAMED_NOT_GREETED -> RENAME;
                    case PINNED_ANSWER_HELD -> PIN;
                    default -> POST;
                };
        MaxCrashNode.await("Held " + held, () -> MAX.heldCalls().contains(held), () -> state(chat));
        String atKill;
        try (var lock = MaxCrashNode.lock(dataSource, lockFor(point, chat))) {
            if (point == KillPoint.MID_STORED_NOT_COMPLETED) {
                MAX.faults(FaultPlan.NONE); // the answer goes to the node, which stores the mid
            }
            MaxCrashNode.await("Kill point " + point, () -> reached(point, chat), () -> state(chat));
            atKill = state(chat);
            node.kill();
            lock.release();
        }
        if (point == KillPoint.RECONCILING_THE_LOST_ANSWER) {
            MAX.faults(FaultPlan.NONE.withHeldResponse(READ, 1));
            restarts.add(restart());
            MaxCrashNode.await("Held " + READ, () -> MAX.heldCalls().contains(READ), () -> state(chat));
            atKill += "; then reading the chat's messages: " + state(chat);
            node.kill();
        }
        MAX.faults(FaultPlan.NONE); // a held call is let go: a held request is dropped unperformed
        restarts.add(restart());
        MaxCrashNode.await(
                "Every message posted",
                () -> settled(chat, point.work.messages)
                        && (point.work != Work.ARCHIVE
                                || count("sync.chat where state = 'ARCHIVED' and chat_id = " + chat) == 1),
                () -> state(chat));
        report.add("%s: at the kill %s; restarted in %s s, settled %.1f s after the case began"
                .formatted(point, atKill, String.join(" and ", restarts), seconds(caseStarted)));

        var ours = botMessages(chat);
        var title = jdbc.sql("select title from sync.chat where journal_id = :journal and chat_id = :chat")
                .param("journal", journal)
                .param("chat", chat)
                .query(String.class)
                .optional()
                .orElse(null);
        var texts = ours.stream().map(EmulatorSnapshot.Message::text).toList();
        switch (point.work) {
            case ADOPT -> assertThat(texts).containsExactly(greeting(title));
            case REPLY -> assertThat(texts).singleElement().asString().startsWith("Код не подошёл: такого кода нет.");
            case ARCHIVE -> {
                assertThat(title).endsWith(" " + YEAR_TITLE);
                var journalTitle = title.substring(0, title.length() - YEAR_TITLE.length() - 1);
                assertThat(texts)
                        .containsExactly(
                                greeting(journalTitle),
                                "Учебный год " + YEAR_TITLE + " закрыт. Этот чат переведён в архив под названием «"
                                        + title + "». Спасибо за работу в этом году! В новом учебном году для журнала"
                                        + " будет создан новый чат.");
                assertThat(MAX.chat(chat).pinnedMid())
                        .as("the closing message pinned")
                        .isEqualTo(ours.get(1).mid());
            }
        }
        if (point.work != Work.REPLY) {
            assertThat(MAX.chat(chat).title()).isEqualTo(title);
        }
        assertThat(MAX.stats().callsOf(RENAME) - renames).as("renames").isEqualTo(point.work.renames);
        assertThat(MAX.stats().callsOf(POST) - posts)
                .as("POST /messages calls: each message once, and the held request MAX never performed")
                .isEqualTo(point.work.messages + (point == KillPoint.ATTEMPT_STORED_NOT_POSTED ? 1 : 0));
        assertThat(jdbc.sql("select mid from sync.sent_message where community_id = :bot and chat_id = :chat"
                                + " order by attempted_at")
                        .param("bot", BOT)
                        .param("chat", chat)
                        .query(String.class)
                        .list())
                .as("the attempts know the messages")
                .containsExactlyElementsOf(
                        ours.stream().map(EmulatorSnapshot.Message::mid).toList());
        assertThat(jdbc.sql("select kind || ' ' || status from sync.operation where community_id = :bot"
                                + " and ((payload ->> 'chatId')::bigint = :chat or object_key = :archive) order by id")
                        .param("bot", BOT)
                        .param("chat", chat)
                        .param("archive", "archive:" + chat)
                        .query(String.class)
                        .list())
                .as("the chat's operations")
                .containsExactlyElementsOf(
                        switch (point.work) {
                            case ADOPT -> List.of("ADOPT_CHAT DONE");
                            case REPLY -> List.of("REPLY DONE");
                            case ARCHIVE -> List.of("ADOPT_CHAT DONE", "ARCHIVE_CHAT DONE");
                        });
        assertThat(count("sync.operation where community_id = " + BOT + " and status <> 'DONE'"))
                .as("the bot's operations not done")
                .isZero();
    }

    private void adopt(long chat, UUID journal) {
        MAX.sendMessage(
                chat,
                TEACHER,
                "Код журнала: "
                        + adoptions.issueCode(SchoolFixture.SCHOOL_A, journal).code());
    }

    /** The operation the year's close queues for an adopted chat (object key of its own here). */
    private void queueArchiving(UUID journal) {
        var chat = jdbc.sql("select chat_id, title from sync.chat where journal_id = :journal and state = 'ACTIVE'")
                .param("journal", journal)
                .query((rs, n) -> new Object[] {rs.getLong("chat_id"), rs.getString("title")})
                .single();
        jdbc.sql(
                        """
                        insert into sync.operation (organization_id, community_id, kind, object_key, payload, status,
                                                    next_attempt_at, created_at)
                        values (:organization, :bot, 'ARCHIVE_CHAT', :key, cast(:payload as jsonb), 'PENDING', now(),
                                now())""")
                .param("organization", SchoolFixture.SCHOOL_A)
                .param("bot", BOT)
                .param("key", "archive:" + chat[0])
                .param(
                        "payload",
                        """
                        {"v": 2, "journal": "%s", "year": "%s", "title": "%s %s", "yearTitle": "%s"}"""
                                .formatted(journal, SchoolFixture.YEAR, chat[1], YEAR_TITLE, YEAR_TITLE))
                .update();
    }

    private static String greeting(String title) {
        return "Чат привязан к журналу «" + title + "». Участников чата теперь ведёт школа.";
    }

    private static FaultPlan faultsFor(KillPoint point) {
        return switch (point) {
            case ATTEMPT_STORED_NOT_POSTED -> FaultPlan.NONE.withHeldRequest(POST, 1);
            case RENAMED_NOT_GREETED -> FaultPlan.NONE.withHeldResponse(RENAME, 1);
            case PINNED_ANSWER_HELD -> FaultPlan.NONE.withHeldResponse(PIN, 1);
            default -> FaultPlan.NONE.withHeldResponse(POST, 1);
        };
    }

    /** What the test holds for the kill point's step to wait for; null: nothing. */
    private static @Nullable String lockFor(KillPoint point, long chat) {
        return point == KillPoint.MID_STORED_NOT_COMPLETED
                ? "select 1 from sync.operation where kind = 'ADOPT_CHAT' and object_key = 'adopt:" + chat
                        + "' for update"
                : null;
    }

    /** The kill point, once the emulator holds its call. */
    private boolean reached(KillPoint point, long chat) {
        return switch (point) {
            case ATTEMPT_STORED_NOT_POSTED -> attempts(chat, "mid is null") == 1
                    && botMessages(chat).isEmpty();
            case POSTED_ANSWER_HELD, RECONCILING_THE_LOST_ANSWER, REPLY_POSTED_ANSWER_HELD -> attempts(
                                    chat, "mid is null")
                            == 1
                    && botMessages(chat).size() == 1;
            case MID_STORED_NOT_COMPLETED -> attempts(chat, "mid is not null") == 1
                    && MaxCrashNode.waiting(jdbc, "update sync.operation%finished_at");
            case RENAMED_NOT_GREETED -> !MAX.chat(chat).title().startsWith("Чат ")
                    && botMessages(chat).isEmpty();
            case PINNED_ANSWER_HELD -> MAX.chat(chat).pinnedMid() != null && attempts(chat, "mid is not null") == 2;
        };
    }

    /** The bot's operations done, and this many messages of the chat posted and known. */
    private boolean settled(long chat, int messages) {
        return count("sync.operation where community_id = " + BOT + " and status <> 'DONE'") == 0
                && attempts(chat, "mid is not null") == messages
                && botMessages(chat).size() == messages;
    }

    private String restart() {
        var restartStarted = System.nanoTime();
        node.start();
        return "%.1f".formatted(seconds(restartStarted));
    }

    private List<EmulatorSnapshot.Message> botMessages(long chat) {
        return MAX.chat(chat).messages().stream()
                .filter(message -> message.senderId() == BOT)
                .toList();
    }

    private int attempts(long chat, String where) {
        return count("sync.sent_message where community_id = " + BOT + " and chat_id = " + chat + " and " + where);
    }

    private String state(long chat) {
        return "held by MAX %s, the bot's messages %d, attempts %d (answered %d), title «%s», operations %s"
                .formatted(
                        MAX.heldCalls(),
                        botMessages(chat).size(),
                        attempts(chat, "true"),
                        attempts(chat, "mid is not null"),
                        MAX.chat(chat).title(),
                        jdbc.sql("select kind || ' ' || status from sync.operation where community_id = :bot"
                                        + " and (status <> 'DONE' or (payload ->> 'chatId')::bigint = :chat"
                                        + " or object_key = 'archive:' || :chat) order by id")
                                .param("bot", BOT)
                                .param("chat", chat)
                                .query(String.class)
                                .list());
    }

    private int count(String from) {
        return MaxCrashNode.count(jdbc, from);
    }

    private static double seconds(long since) {
        return MaxCrashNode.seconds(since);
    }
}
