package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.maxemulator.Seed;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.sync.max.RecordingMaxHandler;

/**
 * The crash test of the MAX updates inbox. School A's bot is long-polled by an application node in a JVM of its own
 * (its handler {@link RecordingMaxHandler} records each committed handling in {@code public.max_update_seen}); the
 * node is killed with SIGKILL at one {@link KillPoint}, recognized in the database (a statement of the node waiting
 * for a lock the test holds, or the inbox's state) rather than guessed by time, and started again. The MAX emulator
 * lives on in this JVM. After each restart every update the emulator's people made is handled exactly once, and none
 * is stored twice. This JVM's own context neither polls nor handles ({@code sferum.max.inbox.enabled=false}).
 * Figures go to target/reliability/max-updates-crash-report.txt.
 */
@SpringBootTest(properties = {"sferum.sync.workers-enabled=false", "sferum.max.inbox.enabled=false"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaxUpdatesCrashTests {

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

    static final long BOT = 900_000_733L;
    static final String TOKEN = "max-updates-crash-school-a-8d2f4b6a0c1e3f5a7b9d1c3e5f7a9b2d";
    static final long TEACHER = 300_733_001L, PUPIL = 300_733_002L;
    static final int UPDATES_PER_CASE = 3;
    static final MaxEmulator MAX = MaxEmulator.start(EmulatorConfig.builder()
            .rateLimitEnabled(false)
            .seed(Seed.of(
                    List.of(new Seed.Bot(BOT, "school733_bot", "Школа 733 — бот", TOKEN)),
                    List.of(
                            new Seed.User(TEACHER, "Анна", "Учителева", false),
                            new Seed.User(PUPIL, "Пётр", "Учеников", false))))
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
    Environment environment;

    @Autowired
    Clock clock;

    private final List<String> report = new ArrayList<>();
    private final long started = System.nanoTime();
    private AppNode node;
    private long chat;
    private int made;

    @BeforeAll
    void schoolAWithItsBotInAChatAndANodeOfItsOwn() throws Exception {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        jdbc.sql(RecordingMaxHandler.TABLE).update();
        mvc.perform(put("/api/orgs/" + SchoolFixture.SCHOOL_A + "/messenger")
                        .with(httpBasic("adminA", SchoolFixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"messenger\": \"MAX\", \"botToken\": \"" + TOKEN + "\"}"))
                .andExpect(status().isOk());
        chat = MAX.createChat(TEACHER, "9В История");
        MAX.addBotToChat(chat, TEACHER, BOT);
        MAX.makeAdmin(chat, TEACHER, BOT, List.of(ChatPermission.READ_ALL_MESSAGES));
        MAX.addMember(chat, TEACHER, PUPIL);
        made = 2; // bot_added, user_added
        node = MaxCrashNode.node(
                "max-updates-crash", environment, MAX, "--spring.main.sources=" + RecordingMaxHandler.class.getName());
        node.start();
        converged();
        report.add(
                "MAX updates crash test: school A's bot long-polled by a node in a JVM of its own, %d updates per case"
                        .formatted(UPDATES_PER_CASE));
        report.add("setup (fixture, bot, the node's first start): %.1f s".formatted(seconds(started)));
    }

    @AfterAll
    void stopTheNodeAndReport() throws Exception {
        if (node != null) {
            node.close();
        }
        report.add("total: %.1f s".formatted(seconds(started)));
        ReliabilityReport.write("max-updates-crash-report.txt", report);
        MAX.close();
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aNodeKilledAtThisPointHandlesEveryUpdateExactlyOnceAfterItsRestart(KillPoint point) throws Exception {
        var caseStarted = System.nanoTime();
        var storedBefore = count("sync.max_update");
        try (var lock = MaxCrashNode.lock(dataSource, lockFor(point))) {
            makeUpdates(point);
            MaxCrashNode.await("Kill point " + point, () -> reached(point, storedBefore), this::state);
            var seenAtKill = state();
            node.kill();
            lock.release();
            var restartStarted = System.nanoTime();
            node.start();
            var restart = seconds(restartStarted);
            converged();
            report.add("%s: at the kill %s; restarted in %.1f s, every update handled once %.1f s after the case began"
                    .formatted(point, seenAtKill, restart, seconds(caseStarted)));
        }
        assertThat(count("public.max_update_seen")).as("handlings").isEqualTo(made);
        assertThat(count("sync.max_update")).as("stored updates").isEqualTo(made);
        assertThat(jdbc.sql("select count(*) from (select update_id from public.max_update_seen group by update_id"
                                + " having count(*) > 1) twice")
                        .query(Integer.class)
                        .single())
                .as("updates handled twice")
                .isZero();
        assertThat(count("sync.max_update where handled_at is null or parked_at is not null"))
                .isZero();
        assertThat(MAX.snapshot().bots().get(0).pendingUpdates())
                .as("all acknowledged")
                .isZero();
    }

    /** Three updates of the people: two messages and a deep link, unique to the case. */
    private void makeUpdates(KillPoint point) {
        MAX.sendMessage(chat, PUPIL, "Сообщение 1 до " + point);
        MAX.sendMessage(chat, TEACHER, "Сообщение 2 до " + point);
        MAX.openDeepLink(
                PUPIL, "https://max.ru/school733_bot?start=" + point.name().toLowerCase());
        made += UPDATES_PER_CASE;
    }

    /** What the test holds for the kill point's step to wait for; null: nothing. */
    private @Nullable String lockFor(KillPoint point) {
        return switch (point) {
            case POLL_ANSWERED_NOT_STORED -> "lock table sync.max_update in share mode";
            case STORED_MARKER_NOT_SAVED -> "select 1 from sync.max_bot_feed where bot_user_id = " + BOT
                    + " for update";
            case STORED_NOT_HANDLED -> "select pg_advisory_xact_lock(%d, hashtext('%d'))".formatted(0x4d415855, BOT);
            case INSIDE_THE_HANDLER -> "lock table public.max_update_seen in share mode";
            case HANDLED_BEFORE_THE_NEXT_POLL -> null;
        };
    }

    private boolean reached(KillPoint point, int storedBefore) {
        return switch (point) {
            case POLL_ANSWERED_NOT_STORED -> waiting("insert into sync.max_update");
            case STORED_MARKER_NOT_SAVED -> waiting("update sync.max_bot_feed set marker");
            case STORED_NOT_HANDLED -> count("sync.max_update where handled_at is null") == UPDATES_PER_CASE
                    && MAX.snapshot().bots().get(0).pendingUpdates() == 0;
            case INSIDE_THE_HANDLER -> waiting("insert into public.max_update_seen");
            case HANDLED_BEFORE_THE_NEXT_POLL -> count("public.max_update_seen") == made
                    && MAX.snapshot().bots().get(0).pendingUpdates() == 0;
        };
    }

    private String state() {
        return "stored %d (unhandled %d), handlings %d, unacknowledged in MAX %d"
                .formatted(
                        count("sync.max_update"),
                        count("sync.max_update where handled_at is null"),
                        count("public.max_update_seen"),
                        MAX.snapshot().bots().get(0).pendingUpdates());
    }

    private void converged() {
        MaxCrashNode.await(
                "Every update handled",
                () -> count("public.max_update_seen") >= made
                        && count("sync.max_update where handled_at is null") == 0
                        && MAX.snapshot().bots().get(0).pendingUpdates() == 0,
                this::state);
    }

    private boolean waiting(String statement) {
        return MaxCrashNode.waiting(jdbc, statement);
    }

    private int count(String from) {
        return MaxCrashNode.count(jdbc, from);
    }

    private static double seconds(long since) {
        return MaxCrashNode.seconds(since);
    }
}
