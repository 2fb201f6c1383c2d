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

    /** Where the node dies. */
    enum KillPoint {
        /** The greeting's attempt is in {@code sync.sent_message}; its {@code POST /messages} has not reached MAX. */
        ATTEMPT_STORED_NOT_POSTED(true),
        /** MAX posted the greeting; its answer (the {@code mid}) is held. */
        POSTED_ANSWER_HELD(true),
        /** The {@code mid} stored; the operation's completion waits for the test's lock of its row. */
        MID_STORED_NOT_COMPLETED(true),
        /**
         * The greeting's answer lost (killed as {@link #POSTED_ANSWER_HELD}); after the restart, killed again while
         * reading the chat's messages for it (the answer of {@code GET /messages} held).
         */
        RECONCILING_THE_LOST_ANSWER(true),
        /** MAX renamed the chat; the answer of {@code PATCH /chats/{chatId}} is held, the greeting not posted. */
        RENAMED_NOT_GREETED(true),
        /** An unknown code answered ({@code REPLY}): MAX posted the answer, which is held. */
        REPLY_POSTED_ANSWER_HELD(false);

        /** A code of a journal, adopted ({@code ADOPT_CHAT}); otherwise an unknown code, answered ({@code REPLY}). */
        final boolean adopts;

        KillPoint(boolean adopts) {
            this.adopts = adopts;
        }
    }

    static final long BOT = 900_000_734L;
    static final String TOKEN = "max-messages-crash-school-a-3e7b1d9f5a2c4e6b8d0f1a3c5e7b9d2f";
    static final long TEACHER = 300_734_001L;
    static final String POST = "POST /messages", READ = "GET /messages", RENAME = "PATCH /chats/{chatId}";
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

        MAX.faults(faultsFor(point));
        if (point.adopts) {
            MAX.sendMessage(
                    chat,
                    TEACHER,
                    "Код журнала: "
                            + adoptions
                                    .issueCode(SchoolFixture.SCHOOL_A, journal)
                                    .code());
        } else {
            MAX.sendMessage(chat, TEACHER, "Код журнала: " + UNKNOWN_CODE);
        }
        var held = point == KillPoint.RENAMED_NOT_GREETED ? RENAME : POST;
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
        MaxCrashNode.await("Every message posted", () -> settled(chat), () -> state(chat));
        report.add("%s: at the kill %s; restarted in %s s, settled %.1f s after the case began"
                .formatted(point, atKill, String.join(" and ", restarts), seconds(caseStarted)));

        var ours = botMessages(chat);
        assertThat(ours).as("the bot's messages in the chat").hasSize(1);
        if (point.adopts) {
            var title = jdbc.sql("select title from sync.chat where journal_id = :journal and chat_id = :chat")
                    .param("journal", journal)
                    .param("chat", chat)
                    .query(String.class)
                    .single();
            assertThat(ours.get(0).text())
                    .isEqualTo("Чат привязан к журналу «" + title + "». Участников чата теперь ведёт школа.");
            assertThat(MAX.chat(chat).title()).isEqualTo(title);
            assertThat(MAX.stats().callsOf(RENAME) - renames).as("renamed once").isEqualTo(1);
        } else {
            assertThat(ours.get(0).text()).startsWith("Код не подошёл: такого кода нет.");
            assertThat(MAX.stats().callsOf(RENAME) - renames).as("not renamed").isZero();
        }
        assertThat(MAX.stats().callsOf(POST) - posts)
                .as("POST /messages calls: the message once, and the held request MAX never performed")
                .isEqualTo(point == KillPoint.ATTEMPT_STORED_NOT_POSTED ? 2 : 1);
        assertThat(jdbc.sql("select mid from sync.sent_message where community_id = :bot and chat_id = :chat")
                        .param("bot", BOT)
                        .param("chat", chat)
                        .query(String.class)
                        .list())
                .as("the attempt knows the message")
                .containsExactly(ours.get(0).mid());
        assertThat(jdbc.sql("select kind || ' ' || status from sync.operation where community_id = :bot"
                                + " and (payload ->> 'chatId')::bigint = :chat")
                        .param("bot", BOT)
                        .param("chat", chat)
                        .query(String.class)
                        .list())
                .as("the chat's operations")
                .containsExactly(point.adopts ? "ADOPT_CHAT DONE" : "REPLY DONE");
        assertThat(count("sync.operation where community_id = " + BOT + " and status <> 'DONE'"))
                .as("the bot's operations not done")
                .isZero();
    }

    private static FaultPlan faultsFor(KillPoint point) {
        return switch (point) {
            case ATTEMPT_STORED_NOT_POSTED -> FaultPlan.NONE.withHeldRequest(POST, 1);
            case RENAMED_NOT_GREETED -> FaultPlan.NONE.withHeldResponse(RENAME, 1);
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
        };
    }

    /** The chat's operations done and its message posted. */
    private boolean settled(long chat) {
        return count("sync.operation where community_id = " + BOT + " and status <> 'DONE'") == 0
                && count("sync.operation where (payload ->> 'chatId')::bigint = " + chat) == 1
                && attempts(chat, "mid is not null") >= 1;
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
                        jdbc.sql(
                                        "select kind || ' ' || status from sync.operation where community_id = :bot"
                                                + " and (status <> 'DONE' or (payload ->> 'chatId')::bigint = :chat) order by id")
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
