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
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;
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
import ru.paragraf.sferum.sync.max.RecordingMaxHandler;

/**
 * The crash tests of MAX: the updates inbox ({@link Updates}) and message sending ({@link Messages}), twelve kill
 * points served by one Spring context, one database, one MAX emulator (living on in this JVM) and one application
 * node in a JVM of its own, which long-polls two bots and runs the operations. The node is killed with SIGKILL at a
 * kill point, recognized in the database (a statement of the node waiting for a lock the test holds, or a state) or
 * by a call the MAX emulator holds (a {@code HELD_*} fault), never by time, and started again with the same command.
 * This JVM's own context neither polls nor handles nor runs operations ({@code sferum.max.inbox.enabled=false},
 * {@code sferum.sync.workers-enabled=false}). Figures go to target/reliability/max-updates-crash-report.txt and
 * max-messages-crash-report.txt.
 *
 * <p>School B's bot (updates) is admin of a chat with a teacher and a pupil; the node's {@link RecordingMaxHandler}
 * records each committed handling in {@code public.max_update_seen}. School A's bot (messages) is made admin of a new
 * chat per case, where a teacher sends a journal's code or an unknown one. Each part counts only its own bot.
 */
@SpringBootTest(properties = {"sferum.sync.workers-enabled=false", "sferum.max.inbox.enabled=false"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class MaxCrashTests {

    static final long UPDATES_BOT = 900_000_733L;
    static final String UPDATES_TOKEN = "max-updates-crash-school-b-8d2f4b6a0c1e3f5a7b9d1c3e5f7a9b2d";
    static final long TEACHER = 300_733_001L, PUPIL = 300_733_002L;
    static final long MESSAGES_BOT = 900_000_734L;
    static final String MESSAGES_TOKEN = "max-messages-crash-school-a-3e7b1d9f5a2c4e6b8d0f1a3c5e7b9d2f";
    static final long MESSAGES_TEACHER = 300_734_001L;
    /** The updates bot's stored updates, and its handlings. */
    static final String STORED = "sync.max_update where bot_user_id = " + UPDATES_BOT,
            SEEN = "public.max_update_seen where bot_user_id = " + UPDATES_BOT,
            OPEN = "sync.operation where status in ('PENDING', 'RUNNING')";

    static final MaxEmulator MAX = MaxEmulator.start(EmulatorConfig.builder()
            .rateLimitEnabled(false)
            .seed(Seed.of(
                    List.of(
                            new Seed.Bot(UPDATES_BOT, "school733_bot", "Школа 733 — бот", UPDATES_TOKEN),
                            new Seed.Bot(MESSAGES_BOT, "school734_bot", "Школа 734 — бот", MESSAGES_TOKEN)),
                    List.of(
                            new Seed.User(TEACHER, "Анна", "Учителева", false),
                            new Seed.User(PUPIL, "Пётр", "Учеников", false),
                            new Seed.User(MESSAGES_TEACHER, "Анна", "Учителева", false))))
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

    private final List<String> updatesReport = new ArrayList<>();
    private final List<String> messagesReport = new ArrayList<>();
    private final long started = System.nanoTime();
    private AppNode node;
    private long updatesChat;
    /** The updates bot's updates made by the emulator's people so far. */
    private int madeAtSetUp;

    @BeforeAll
    void twoSchoolsOnMaxTheirBotsAndANodeOfTheirOwn() throws Exception {
        // the node boots while the test prepares the schools: it takes each bot once the bot is verified
        node = MaxCrashNode.node(
                        "max-crash", environment, MAX, "--spring.main.sources=" + RecordingMaxHandler.class.getName())
                .launch();
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        jdbc.sql(RecordingMaxHandler.TABLE).update();
        useMax(SchoolFixture.SCHOOL_B, "adminB", UPDATES_TOKEN);
        useMax(SchoolFixture.SCHOOL_A, "adminA", MESSAGES_TOKEN);
        updatesChat = MAX.createChat(TEACHER, "9В История");
        MAX.addBotToChat(updatesChat, TEACHER, UPDATES_BOT);
        MAX.makeAdmin(updatesChat, TEACHER, UPDATES_BOT, List.of(ChatPermission.READ_ALL_MESSAGES));
        MAX.addMember(updatesChat, TEACHER, PUPIL);
        madeAtSetUp = 2; // bot_added, user_added
        node.awaitHealthy();
        converged(madeAtSetUp);
        var setUp = "setup (fixture, two bots, the node's first start; shared by the MAX crash tests): %.1f s"
                .formatted(seconds(started));
        updatesReport.add(
                "MAX updates crash test: school B's bot long-polled by a node in a JVM of its own, %d updates per case"
                        .formatted(Updates.UPDATES_PER_CASE));
        updatesReport.add(setUp);
        messagesReport.add(
                "MAX messages crash test: school A's chats adopted and answered by a node in a JVM of its own");
        messagesReport.add(setUp);
    }

    @AfterAll
    void stopTheNodeAndReport() throws Exception {
        if (node != null) {
            node.close();
        }
        MAX.faults(FaultPlan.NONE);
        var total = "total of both: %.1f s".formatted(seconds(started));
        updatesReport.add(total);
        messagesReport.add(total);
        ReliabilityReport.write("max-updates-crash-report.txt", updatesReport);
        ReliabilityReport.write("max-messages-crash-report.txt", messagesReport);
        MAX.close();
    }

    private void useMax(UUID school, String admin, String token) throws Exception {
        mvc.perform(put("/api/orgs/" + school + "/messenger")
                        .with(httpBasic(admin, SchoolFixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"messenger\": \"MAX\", \"botToken\": \"" + token + "\"}"))
                .andExpect(status().isOk());
    }

    /**
     * The updates inbox: after each restart every update the emulator's people made is handled exactly once, and
     * none is stored twice.
     */
    @Nested
    @Order(1)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Updates {

        static final int UPDATES_PER_CASE = 3;

        /** Where the node dies. */
        enum KillPoint {
            /** {@code GET /updates} answered; the insert into the inbox waits for the test's lock of the table. */
            POLL_ANSWERED_NOT_STORED,
            /** The batch inserted; saving the marker, in the same transaction, waits for the test's lock of the row. */
            STORED_MARKER_NOT_SAVED,
            /** The batch and marker committed; the dispatcher cannot take the bot (the test holds its advisory lock). */
            STORED_NOT_HANDLED,
            /** Inside the handler's transaction: its insert waits for the test's lock of the handler's table. */
            INSIDE_THE_HANDLER,
            /** Everything handled and committed; the next long poll waits for MAX. */
            HANDLED_BEFORE_THE_NEXT_POLL
        }

        /** The updates bot's updates made by the emulator's people so far. */
        private int made = madeAtSetUp;

        @ParameterizedTest
        @EnumSource(KillPoint.class)
        void aNodeKilledAtThisPointHandlesEveryUpdateExactlyOnceAfterItsRestart(KillPoint point) throws Exception {
            var caseStarted = System.nanoTime();
            var storedBefore = count(STORED);
            try (var lock = MaxCrashNode.lock(dataSource, lockFor(point))) {
                makeUpdates(point);
                MaxCrashNode.await(
                        "Kill point " + point, () -> reached(point, storedBefore), MaxCrashTests.this::updatesState);
                var seenAtKill = updatesState();
                node.kill();
                lock.release();
                var restartStarted = System.nanoTime();
                node.start();
                var restart = seconds(restartStarted);
                converged(made);
                updatesReport.add(
                        "%s: at the kill %s; restarted in %.1f s, every update handled once %.1f s after the case began"
                                .formatted(point, seenAtKill, restart, seconds(caseStarted)));
            }
            assertThat(count(SEEN)).as("handlings").isEqualTo(made);
            assertThat(count(STORED)).as("stored updates").isEqualTo(made);
            assertThat(jdbc.sql("select count(*) from (select update_id from " + SEEN + " group by update_id"
                                    + " having count(*) > 1) twice")
                            .query(Integer.class)
                            .single())
                    .as("updates handled twice")
                    .isZero();
            assertThat(count(STORED + " and (handled_at is null or parked_at is not null)"))
                    .isZero();
            assertThat(pending(UPDATES_BOT)).as("all acknowledged").isZero();
        }

        /** Three updates of the people: two messages and a deep link, unique to the case. */
        private void makeUpdates(KillPoint point) {
            MAX.sendMessage(updatesChat, PUPIL, "Сообщение 1 до " + point);
            MAX.sendMessage(updatesChat, TEACHER, "Сообщение 2 до " + point);
            MAX.openDeepLink(
                    PUPIL, "https://max.ru/school733_bot?start=" + point.name().toLowerCase());
            made += UPDATES_PER_CASE;
        }

        /** What the test holds for the kill point's step to wait for; null: nothing. */
        private @Nullable String lockFor(KillPoint point) {
            return switch (point) {
                case POLL_ANSWERED_NOT_STORED -> "lock table sync.max_update in share mode";
                case STORED_MARKER_NOT_SAVED -> "select 1 from sync.max_bot_feed where bot_user_id = " + UPDATES_BOT
                        + " for update";
                case STORED_NOT_HANDLED -> "select pg_advisory_xact_lock(%d, hashtext('%d'))"
                        .formatted(0x4d415855, UPDATES_BOT);
                case INSIDE_THE_HANDLER -> "lock table public.max_update_seen in share mode";
                case HANDLED_BEFORE_THE_NEXT_POLL -> null;
            };
        }

        private boolean reached(KillPoint point, int storedBefore) {
            return switch (point) {
                case POLL_ANSWERED_NOT_STORED -> MaxCrashNode.waiting(jdbc, "insert into sync.max_update");
                case STORED_MARKER_NOT_SAVED -> MaxCrashNode.waiting(jdbc, "update sync.max_bot_feed set marker");
                case STORED_NOT_HANDLED -> count(STORED + " and handled_at is null") == UPDATES_PER_CASE
                        && pending(UPDATES_BOT) == 0;
                case INSIDE_THE_HANDLER -> MaxCrashNode.waiting(jdbc, "insert into public.max_update_seen");
                case HANDLED_BEFORE_THE_NEXT_POLL -> count(SEEN) == made && pending(UPDATES_BOT) == 0;
            };
        }
    }

    /**
     * Message sending: a teacher makes a chat, makes the bot its admin and sends a journal's code, and the node adopts
     * the chat ({@code ADOPT_CHAT}: renames it to the journal's title and greets it), or answers an unknown code
     * ({@code REPLY}), or archives an adopted chat ({@code ARCHIVE_CHAT}). After the restart each message the engine
     * meant to post is in the chat exactly once (the emulator's chat and its count of {@code POST /messages}), the
     * chat is renamed once, and no operation is lost.
     */
    @Nested
    @Order(2)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Messages {

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

        static final String POST = "POST /messages",
                READ = "GET /messages",
                RENAME = "PATCH /chats/{chatId}",
                PIN = "PUT /chats/{chatId}/pin";
        static final String YEAR_TITLE = "2025/26";
        /** Well formed, and not issued: a code is 8 random characters of 31. */
        static final String UNKNOWN_CODE = "ZZZZ2345";

        static final List<UUID> JOURNALS =
                List.of(SchoolFixture.JOURNAL_A_MATHS, SchoolFixture.JOURNAL_A_RUSSIAN, SchoolFixture.JOURNAL_A_CHESS);
        private int cases;

        @ParameterizedTest
        @EnumSource(KillPoint.class)
        void aNodeKilledAtThisPointPostsEveryMessageOnceAfterItsRestart(KillPoint point) throws Exception {
            var caseStarted = System.nanoTime();
            var journal = JOURNALS.get(cases++ % JOURNALS.size());
            // the journal's chat of an earlier case is forgotten: the journal may be bound again
            jdbc.sql("delete from sync.chat where journal_id = :journal")
                    .param("journal", journal)
                    .update();
            // the updates bot's answers to its deep links are sent: a call MAX holds is this case's
            MaxCrashNode.await("No operation open", () -> count(OPEN) == 0, () -> jdbc.sql(
                            "select kind || ' ' || status from " + OPEN)
                    .query(String.class)
                    .list()
                    .toString());
            var chat = MAX.createChat(MESSAGES_TEACHER, "Чат " + point);
            MAX.addBotToChat(chat, MESSAGES_TEACHER, MESSAGES_BOT);
            MAX.makeAdmin(chat, MESSAGES_TEACHER, MESSAGES_BOT, EnumSet.allOf(ChatPermission.class));
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
                    MAX.sendMessage(chat, MESSAGES_TEACHER, "Код журнала: " + UNKNOWN_CODE);
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
            messagesReport.add("%s: at the kill %s; restarted in %s s, settled %.1f s after the case began"
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
                case REPLY -> assertThat(texts)
                        .singleElement()
                        .asString()
                        .startsWith("Код не подошёл: такого кода нет.");
                case ARCHIVE -> {
                    assertThat(title).endsWith(" " + YEAR_TITLE);
                    var journalTitle = title.substring(0, title.length() - YEAR_TITLE.length() - 1);
                    assertThat(texts)
                            .containsExactly(
                                    greeting(journalTitle),
                                    "Учебный год " + YEAR_TITLE + " закрыт. Этот чат переведён в архив под названием «"
                                            + title
                                            + "». Спасибо за работу в этом году! В новом учебном году для журнала"
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
                            .param("bot", MESSAGES_BOT)
                            .param("chat", chat)
                            .query(String.class)
                            .list())
                    .as("the attempts know the messages")
                    .containsExactlyElementsOf(
                            ours.stream().map(EmulatorSnapshot.Message::mid).toList());
            assertThat(jdbc.sql(
                                    "select kind || ' ' || status from sync.operation where community_id = :bot"
                                            + " and ((payload ->> 'chatId')::bigint = :chat or object_key = :archive) order by id")
                            .param("bot", MESSAGES_BOT)
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
            assertThat(count("sync.operation where community_id = " + MESSAGES_BOT + " and status <> 'DONE'"))
                    .as("the bot's operations not done")
                    .isZero();
        }

        private void adopt(long chat, UUID journal) {
            MAX.sendMessage(
                    chat,
                    MESSAGES_TEACHER,
                    "Код журнала: "
                            + adoptions
                                    .issueCode(SchoolFixture.SCHOOL_A, journal)
                                    .code());
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
                    .param("bot", MESSAGES_BOT)
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
            return count("sync.operation where community_id = " + MESSAGES_BOT + " and status <> 'DONE'") == 0
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
                    .filter(message -> message.senderId() == MESSAGES_BOT)
                    .toList();
        }

        private int attempts(long chat, String where) {
            return count("sync.sent_message where community_id = " + MESSAGES_BOT + " and chat_id = " + chat + " and "
                    + where);
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
                                    .param("bot", MESSAGES_BOT)
                                    .param("chat", chat)
                                    .query(String.class)
                                    .list());
        }
    }

    /** Every update of the updates bot so far ({@code made}) handled, stored ones all handled, MAX acknowledged. */
    private void converged(int made) {
        MaxCrashNode.await(
                "Every update handled",
                () -> count(SEEN) >= made
                        && count(STORED + " and handled_at is null") == 0
                        && pending(UPDATES_BOT) == 0,
                this::updatesState);
    }

    private String updatesState() {
        return "stored %d (unhandled %d), handlings %d, unacknowledged in MAX %d"
                .formatted(count(STORED), count(STORED + " and handled_at is null"), count(SEEN), pending(UPDATES_BOT));
    }

    private static int pending(long bot) {
        return MAX.snapshot().bots().stream()
                .filter(each -> each.userId() == bot)
                .findFirst()
                .orElseThrow()
                .pendingUpdates();
    }

    private int count(String from) {
        return MaxCrashNode.count(jdbc, from);
    }

    private static double seconds(long since) {
        return MaxCrashNode.seconds(since);
    }
}
