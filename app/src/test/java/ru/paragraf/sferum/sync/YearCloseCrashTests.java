package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.diary.LinkedVkAccounts;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.FaultPlan;
import ru.paragraf.vkemulator.Seed;

/**
 * The crash test of a year close (issue 17, acceptance 6). School A, which chose «Выводить учеников и родителей из
 * архивных чатов», has in each case an academic year of its own with two subject chats (Математика and Русский язык
 * of a class of that year) holding their teacher, a pupil and her parent, and a live call for each chat's next
 * lesson. The school admin closes the year through the API of an application node in a JVM of its own; the node is
 * killed with SIGKILL at one {@link KillPoint} of the close, seen in the emulator or the database rather than guessed
 * by time, and started again, a new JVM with the same command and database; the emulator (VK) lives on in this JVM
 * and holds the answers of the methods the close uses (700 ms: VK has done the work, the node waits). After it
 * converges, every chat of the year is archived exactly once: one closing message, pinned once, the title with the
 * year, no pupil or parent left in, the teacher in, the link from before dead; every call of the year is finished and
 * none started; the ledger says ARCHIVED; the audit log has the close once.
 *
 * <p>A new year per case, since a closed year stays closed (the product has no re-opening): its rows, a class of that
 * year with the pupil moved into it, and its two journals. Figures go to target/reliability/year-close-crash-report.txt.
 */
@SpringBootTest(properties = {"sferum.sync.workers-enabled=false", "sferum.sync.hold.share=1"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearCloseCrashTests {

    /** Where in a year close the node dies; each is recognized in the emulator or the database. */
    enum KillPoint {
        /** Inside the close's own transaction, waiting for sync.year_close that the test holds: rolled back. */
        CLOSE_TRANSACTION,
        /** The close committed (and audited); planning its operations blocked on sync.operation, held by the test. */
        CLOSE_PLANNING,
        /** The first call's calls.forceFinish done by VK, its answer not back yet. */
        FORCE_FINISH_IN_FLIGHT,
        /** The first call recorded FINISHED. */
        CALL_FINISH_RECORDED,
        /** The first chat's rename (messages.editChat) done by VK, its answer not back yet. */
        RENAME_IN_FLIGHT,
        /** The first closing message (messages.send) posted by VK, its answer not back yet. */
        CLOSING_MESSAGE_IN_FLIGHT,
        /** The first closing message pinned by VK, the answer not back yet: the chat not yet ARCHIVED in the ledger. */
        PIN_IN_FLIGHT,
        /** A chat recorded ARCHIVED; the removals it made due wait at the claim, held by the test. */
        ARCHIVED_BEFORE_EMPTYING,
        /** The first pupil or parent removed by VK (messages.removeChatUser), the answer not back yet. */
        REMOVAL_IN_FLIGHT,
        /** The first removal recorded DONE. */
        REMOVAL_RECORDED,
        /** The first emptied chat's link renewal (getInviteLink with reset) done by VK, the answer not back yet. */
        LINK_RENEWAL_IN_FLIGHT
    }

    static final long PUPIL_VK = 700_610_001L, PARENT_VK = 700_610_002L;
    static final SyncWorld WORLD = SyncWorld.start(
            Seed.User.of(PUPIL_VK, "Алиса", "Ученикова", "alisa-crash@vk.test", "pw"),
            Seed.User.of(PARENT_VK, "Елена", "Ученикова", "elena-crash@vk.test", "pw"));
    static final List<String> CLOSE_METHODS = List.of(
            "calls.forceFinish",
            "messages.getConversationsById",
            "messages.editChat",
            "messages.send",
            "messages.pin",
            "messages.removeChatUser",
            "messages.getInviteLink");
    /** Every answer of the close's methods waits this long: VK has done the work, the node waits for the answer. */
    static final Duration ANSWER_LATENCY = Duration.ofMillis(700);

    static final String LETTERS = "БВГДЕЖЗИКЛМНП";

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.api-url", WORLD.vk::baseUrl);
        registry.add("sferum.vk.id-url", WORLD.vk::baseUrl);
        registry.add("sferum.vkid.client-id", () -> SyncWorld.CLIENT_ID);
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
    ApplicationContext context;

    @Autowired
    Environment environment;

    @Autowired
    Planner planner;

    @Autowired
    Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> report = new ArrayList<>();
    private final long started = System.nanoTime();
    private AppNode node;
    private ClaimGate gate;
    private int cases;

    /** One case's academic year: its two journals (Математика, Русский язык of one class) and their lessons. */
    record Year(UUID id, String title, String className, List<UUID> journals, List<UUID> lessons) {

        String journalList() {
            return journals.stream().map(j -> "'" + j + "'").collect(Collectors.joining(", "));
        }

        String lessonList() {
            return lessons.stream().map(l -> "'" + l + "'").collect(Collectors.joining(", "));
        }
    }

    @BeforeAll
    void schoolAWithItsTeacherPupilAndParentLinkedAndANodeOfItsOwn() throws Exception {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        api(
                put("/api/orgs/" + SCHOOL_A + "/sferum-community"),
                "{\"communityId\": %d, \"token\": \"%s\"}".formatted(SyncWorld.COMMUNITY_A, SyncWorld.TOKEN_A));
        api(post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"), "{\"type\":\"SFERUM_SYNC\",\"enabled\":true}");
        api(
                put("/api/orgs/" + SCHOOL_A + "/chat-policy"),
                "{\"parentsInChats\":true,\"removeStrangers\":false,\"emptyArchivedChats\":true}");
        var linked = new LinkedVkAccounts(context);
        linked.link(
                PersonKind.EMPLOYEE,
                TEACHER_A1,
                SCHOOL_A,
                SyncWorld.TEACHER_A1_VK,
                WORLD.vk.issueUserToken(SyncWorld.TEACHER_A1_VK));
        linked.link(PersonKind.PUPIL, PUPIL_A, SCHOOL_A, PUPIL_VK, WORLD.vk.issueUserToken(PUPIL_VK));
        linked.link(PersonKind.PARENT, PARENT_A, SCHOOL_A, PARENT_VK, WORLD.vk.issueUserToken(PARENT_VK));
        gate = ClaimGate.install(dataSource);
        node = new AppNode(
                "year-close-crash",
                environment.getRequiredProperty("spring.datasource.url"),
                WORLD.vk.baseUrl(),
                SyncWorld.CLIENT_ID,
                "--sferum.sync.hold.share=1",
                "--sferum.sync.calls.interval=2s",
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000");
        node.start();
        report.add("Year close crash test: school A, a year per case with 2 subject chats (teacher, pupil, parent in"
                + " each), 2 live calls; the school empties archived chats");
        report.add("setup (fixture, links, the node's first start): %.1f s".formatted(seconds(started)));
    }

    @AfterAll
    void stopTheNodeAndReport() throws Exception {
        if (node != null) {
            node.close();
        }
        if (gate != null) {
            gate.close();
        }
        report.add("total: %.1f s".formatted(seconds(started)));
        ReliabilityReport.write("year-close-crash-report.txt", report);
        WORLD.vk.close();
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aYearCloseKilledAtThisPointArchivesEveryChatOnceAndStartsNoCall(KillPoint point) throws Exception {
        var year = aYearWithTwoLiveChatsAndCalls(cases++);
        var caseStarted = System.nanoTime();
        var before = Before.take(this, year);
        WORLD.vk.faults(latencies());
        var lock = lockFor(point);
        var closing = CompletableFuture.supplyAsync(() -> closeOnNode(year));
        var seenAtKill = awaitPoint(point, before, year, closing);
        node.kill();
        // the answers were held to have them in flight at the kill; the restarted node converges without waiting
        WORLD.vk.faults(FaultPlan.NONE);
        if (lock != null) {
            lock.rollback();
            lock.close();
        }
        gate.release();
        var restartStarted = System.nanoTime();
        node.start();
        var restart = seconds(restartStarted);
        if (point == KillPoint.CLOSE_TRANSACTION) {
            assertThat(closing.join()).as("the close died with the node").isNegative();
            assertThat(count("sync.year_close where academic_year_id = '%s'".formatted(year.id())))
                    .as("the rolled back close closed nothing")
                    .isZero();
            // the admin got no answer and presses «Закрыть учебный год» again
            assertThat(closeOnNode(year)).isEqualTo(200);
        }
        converged(year);

        var calls = checkArchivedOnce(before, year);
        checkCallsFinishedNoneStarted(before, year);
        checkLedgerAndAudit(before, year);
        report.add("%s (%s): at the kill %s; restarted in %.1f s, converged %.1f s after the close; VK since: %s"
                .formatted(point, year.title(), seenAtKill, restart, seconds(caseStarted), calls));
        WORLD.vk.faults(FaultPlan.NONE);
    }

    /**
     * A new academic year for case {@code n} (containing today, titled after no real year, so the scheduled run never
     * closes it as ended), a class of it with the pupil moved in, its Математика and Русский язык journals with chats
     * requested and a video lesson tomorrow each; planned as the events would, the node creates both chats, brings
     * in the teacher, the pupil and the parent, and starts and announces both calls.
     */
    private Year aYearWithTwoLiveChatsAndCalls(int n) {
        WORLD.vk.faults(FaultPlan.NONE);
        var today = LocalDate.now(clock);
        var year = new Year(
                UUID.randomUUID(),
                (2040 + n) + "/" + (2041 + n),
                "7" + LETTERS.charAt(n),
                List.of(UUID.randomUUID(), UUID.randomUUID()),
                List.of(UUID.randomUUID(), UUID.randomUUID()));
        jdbc.sql("insert into school.academic_year (id, title, starts_on, ends_on) values (?, ?, ?, ?)")
                .params(year.id(), year.title(), today.minusDays(30), today.plusDays(300))
                .update();
        var classUnit = UUID.randomUUID();
        jdbc.sql(
                        "insert into school.class_unit (id, organization_id, academic_year_id, grade, letter) values (?, ?, ?, 7, ?)")
                .params(classUnit, SCHOOL_A, year.id(), year.className().substring(1))
                .update();
        jdbc.sql("update school.pupil set class_unit_id = ? where id = ?")
                .params(classUnit, PUPIL_A)
                .update();
        var subjects = List.of(MATHS, RUSSIAN);
        for (var i = 0; i < 2; i++) {
            jdbc.sql(
                            """
                            insert into school.journal (id, organization_id, academic_year_id, kind, subject_id,
                                                        class_unit_id, subject_chat_requested)
                            values (?, ?, ?, 'GENERAL_EDUCATION', ?, ?, true)""")
                    .params(year.journals().get(i), SCHOOL_A, year.id(), subjects.get(i), classUnit)
                    .update();
            jdbc.sql("insert into school.journal_teacher (journal_id, employee_id) values (?, ?)")
                    .params(year.journals().get(i), TEACHER_A1)
                    .update();
            jdbc.sql(
                            """
                            insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at,
                                                       duration_minutes, topic, format, publication)
                            values (?, ?, ?, ?, cast(? as time), 45, 'Итоговый урок', 'VIDEO_CALL', 'PUBLISHED')""")
                    .params(
                            year.lessons().get(i),
                            year.journals().get(i),
                            SCHOOL_A,
                            today.plusDays(1),
                            i == 0 ? "10:00" : "11:00")
                    .update();
        }
        planner.plan(SCHOOL_A, null, null);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .during(Duration.ofMillis(1000))
                .until(() ->
                        count("sync.chat where state = 'ACTIVE' and journal_id in (%s)".formatted(year.journalList()))
                                        == 2
                                && count("sync.chat_member where state = 'ACTIVE' and journal_id in (%s)"
                                                .formatted(year.journalList()))
                                        == 6
                                && count("sync.call where state = 'ACTIVE' and announced and lesson_id in (%s)"
                                                .formatted(year.lessonList()))
                                        == 2
                                && count("sync.operation where status in ('PENDING', 'RUNNING')") == 0);
        for (var journal : year.journals()) {
            assertThat(members(chat(journal)))
                    .as("the chat of %s before the close", journal)
                    .isEqualTo(new TreeSet<>(Set.of(SyncWorld.TEACHER_A1_VK, PUPIL_VK, PARENT_VK)));
        }
        return year;
    }

    private static FaultPlan latencies() {
        var plan = FaultPlan.NONE;
        for (var method : CLOSE_METHODS) {
            plan = plan.withMethodLatency(method, FaultPlan.Latency.fixed(ANSWER_LATENCY));
        }
        return plan;
    }

    /**
     * A transaction of the test holding a table the kill point's step needs, or null (the claim gate holding the
     * removals for {@code ARCHIVED_BEFORE_EMPTYING}).
     */
    private Connection lockFor(KillPoint point) throws Exception {
        if (point == KillPoint.ARCHIVED_BEFORE_EMPTYING) {
            gate.hold(Set.of("REMOVE_MEMBER"));
            return null;
        }
        var table =
                switch (point) {
                    case CLOSE_TRANSACTION -> "sync.year_close";
                    case CLOSE_PLANNING -> "sync.operation";
                    default -> null;
                };
        if (table == null) {
            return null;
        }
        var connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("lock table " + table + " in share mode");
        }
        return connection;
    }

    /** Polls until the point is reached; fails if the time is up first. */
    private String awaitPoint(KillPoint point, Before before, Year year, CompletableFuture<Integer> closing)
            throws Exception {
        var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!reached(point, before, year)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Kill point %s not reached in 2 minutes; the close answered %s; operations %s"
                        .formatted(point, closing.getNow(null), statuses()));
            }
            AppNode.pause(5);
        }
        return "operations %s, VK since the close %s".formatted(statuses(), before.callsSince());
    }

    private boolean reached(KillPoint point, Before before, Year year) throws Exception {
        return switch (point) {
            case CLOSE_TRANSACTION -> waitingForALock();
            case CLOSE_PLANNING -> count("sync.year_close where academic_year_id = '%s'".formatted(year.id())) == 1
                    && waitingForALock();
            case FORCE_FINISH_IN_FLIGHT -> before.callsSince("calls.forceFinish") >= 1;
            case CALL_FINISH_RECORDED -> count(
                            "sync.call where state = 'FINISHED' and lesson_id in (%s)".formatted(year.lessonList()))
                    >= 1;
            case RENAME_IN_FLIGHT -> before.callsSince("messages.editChat") >= 1;
            case CLOSING_MESSAGE_IN_FLIGHT -> before.callsSince("messages.send") >= 1;
            case PIN_IN_FLIGHT -> before.callsSince("messages.pin") >= 1;
            case ARCHIVED_BEFORE_EMPTYING -> count("sync.chat where state = 'ARCHIVED' and journal_id in (%s)"
                                    .formatted(year.journalList()))
                            >= 1
                    && gate.waiting();
            case REMOVAL_IN_FLIGHT -> before.callsSince("messages.removeChatUser") >= 1;
            case REMOVAL_RECORDED -> count(
                            "sync.operation where kind = 'REMOVE_MEMBER' and status = 'DONE' and payload ->> 'journal' in (%s)"
                                    .formatted(year.journalList()))
                    >= 1;
            case LINK_RENEWAL_IN_FLIGHT -> before.callsSince("messages.getInviteLink") >= 1;
        };
    }

    /** A backend of the node waits for a lock the test holds. */
    private boolean waitingForALock() {
        return count("pg_stat_activity where wait_event_type = 'Lock' and state = 'active' and pid <> pg_backend_pid()")
                > 0;
    }

    /**
     * The close's end state in the ledger — both chats ARCHIVED, emptied and their links renewed after the removals,
     * no call of the year live — and no operation open, for a second and a half on end.
     */
    private void converged(Year year) {
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(100))
                .during(Duration.ofMillis(1500))
                .until(() -> count(("sync.chat where state = 'ARCHIVED' and journal_id in (%s)"
                                                + " and invite_link_at > members_removed_at")
                                        .formatted(year.journalList()))
                                == 2
                        && count(("sync.chat_member where state = 'ACTIVE' and role in ('PUPIL', 'PARENT')"
                                                + " and journal_id in (%s)")
                                        .formatted(year.journalList()))
                                == 0
                        && count("sync.call where state = 'ACTIVE' and lesson_id in (%s)".formatted(year.lessonList()))
                                == 0
                        && count("sync.operation where status in ('PENDING', 'RUNNING')") == 0);
    }

    /**
     * Each chat of the year in VK: renamed with the year, one closing message and one pin of it, the pupil and the
     * parent removed once each and not back, the teacher in, the link from before dead. Returns VK's calls since the
     * close.
     */
    private String checkArchivedOnce(Before before, Year year) {
        var titleUpdates = new ArrayList<Long>();
        for (var journal : year.journals()) {
            var chat = chat(journal);
            var title = jdbc.sql("select title from sync.chat where journal_id = :journal")
                    .param("journal", journal)
                    .query(String.class)
                    .single();
            assertThat(title).as("the ledger's title").endsWith(" " + year.className() + " · " + year.title());
            assertThat(chat.title()).as("the title in VK").isEqualTo(title);
            var closing = chat.textMessages().stream()
                    .filter(m -> m.text().startsWith("Учебный год " + year.title() + " закрыт"))
                    .toList();
            assertThat(closing).as("closing messages in %s", title).hasSize(1);
            assertThat(chat.pinnedMessage())
                    .as("the pinned message of %s", title)
                    .contains(closing.get(0));
            assertThat(chat.messages().stream().filter(m -> "chat_pin_message".equals(m.action())))
                    .as("pins in %s", title)
                    .hasSize(1);
            var renames = chat.messages().stream()
                    .filter(m -> "chat_title_update".equals(m.action()))
                    .count();
            titleUpdates.add(renames);
            // an archive carried out again after a kill reads the title first and does not rename the chat again
            assertThat(renames).as("renames of %s", title).isEqualTo(1);
            assertThat(members(chat)).as("who is in %s", title).containsExactly(SyncWorld.TEACHER_A1_VK);
            var removals = chat.history().stream()
                    .filter(c -> c.seq() > before.seq() && !c.bringsIn())
                    .map(EmulatorSnapshot.MembershipChange::memberId)
                    .sorted()
                    .toList();
            assertThat(removals).as("removals from %s, each once", title).containsExactly(PUPIL_VK, PARENT_VK);
            assertThat(chat.history().stream().filter(c -> c.seq() > before.seq() && c.bringsIn()))
                    .as("nobody came in during the close")
                    .isEmpty();
            assertThat(chat.inviteLink()).as("the ledger's link is VK's").isEqualTo(link(journal));
            assertThat(WORLD.vk
                            .joinByLink(PUPIL_VK, before.links().get(journal))
                            .done())
                    .as("the link of %s from before the close lets the pupil back", title)
                    .isFalse();
        }
        return before.callsSince() + ", chat_title_update per chat " + titleUpdates + ", ARCHIVE_CHAT operations "
                + count("sync.operation where kind = 'ARCHIVE_CHAT' and payload ->> 'journal' in (%s)"
                        .formatted(year.journalList()));
    }

    /** Every call of the year is finished, in VK and in the ledger; no call was started. */
    private void checkCallsFinishedNoneStarted(Before before, Year year) {
        assertThat(before.callsSince("calls.start"))
                .as("calls started during the close")
                .isZero();
        for (var callId : before.callIds()) {
            var call = WORLD.vk.calls().stream()
                    .filter(c -> c.callId().equals(callId))
                    .findFirst()
                    .orElseThrow();
            assertThat(call.state()).as("call %s in VK", callId).isEqualTo("finished");
        }
        assertThat(count("sync.call where state <> 'FINISHED' and lesson_id in (%s)".formatted(year.lessonList())))
                .isZero();
    }

    /** The ledger's queue and the audit log: one archive per chat, nothing open or failed, the close audited once. */
    private void checkLedgerAndAudit(Before before, Year year) {
        assertThat(count("sync.operation where status <> 'DONE'"))
                .as("operations open, failed or cancelled: %s", statuses())
                .isZero();
        // an archive planned again (by the call-times step or the close) while the first was being recorded finds
        // the chat ARCHIVED and does nothing: VK's counts say so
        assertThat(count("sync.operation where kind = 'ARCHIVE_CHAT' and payload ->> 'journal' in (%s)"
                        .formatted(year.journalList())))
                .as("ARCHIVE_CHAT operations of the year's chats")
                .isGreaterThanOrEqualTo(2);
        assertThat(before.callsSince("messages.editChat")).as("renames in VK").isEqualTo(2);
        assertThat(count("event_publication where completion_date is null")).isZero();
        assertThat(count("sync.year_close where academic_year_id = '%s'".formatted(year.id())))
                .isEqualTo(1);
        assertThat(count("audit.entry where action = 'ACADEMIC_YEAR_CLOSED' and subject = 'academic-year:%s'"
                        .formatted(year.id())))
                .as("the close in the audit log")
                .isEqualTo(1);
        assertThat(count("audit.entry where action = 'ACADEMIC_YEAR_CLOSED'") - before.closesAudited())
                .isEqualTo(1);
    }

    /** What the test needs from before a close to judge it. */
    record Before(
            EmulatorSnapshot.Stats stats,
            long seq,
            java.util.Map<UUID, String> links,
            List<String> callIds,
            int closesAudited) {

        static Before take(YearCloseCrashTests test, Year year) {
            var seq = WORLD.vk.snapshot().chats().stream()
                    .flatMap(chat -> chat.history().stream())
                    .mapToLong(EmulatorSnapshot.MembershipChange::seq)
                    .max()
                    .orElse(0);
            var links = new java.util.HashMap<UUID, String>();
            year.journals().forEach(journal -> links.put(journal, test.link(journal)));
            var callIds = test.jdbc
                    .sql("select call_id from sync.call where lesson_id in (%s)".formatted(year.lessonList()))
                    .query(String.class)
                    .list();
            return new Before(
                    WORLD.vk.stats(),
                    seq,
                    links,
                    callIds,
                    test.count("audit.entry where action = 'ACADEMIC_YEAR_CLOSED'"));
        }

        long callsSince(String method) {
            return WORLD.vk.stats().callsOf(method) - stats.callsOf(method);
        }

        String callsSince() {
            return CLOSE_METHODS.stream()
                    .map(method -> method.substring(method.indexOf('.') + 1) + " " + callsSince(method))
                    .collect(Collectors.joining(", "));
        }
    }

    /** Sends the close to the node's API, as the school admin's page would; the HTTP status, -1 if none. */
    private int closeOnNode(Year year) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + "/api/orgs/"
                                            + SCHOOL_A + "/year-close"))
                                    .header("Content-Type", "application/json")
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString(("adminA:" + PASSWORD)
                                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"year\":\"" + year.id() + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String link(UUID journal) {
        return jdbc.sql("select invite_link from sync.chat where journal_id = :journal")
                .param("journal", journal)
                .query(String.class)
                .single();
    }

    /** The journal's chat in the emulator, by its id in the ledger. */
    private EmulatorSnapshot.Chat chat(UUID journal) {
        var local = jdbc.sql("select chat_id from sync.chat where journal_id = :journal")
                .param("journal", journal)
                .query(Long.class)
                .single();
        return WORLD.vk.chats().stream()
                .filter(chat -> chat.localIds().get(-SyncWorld.COMMUNITY_A) == local.longValue())
                .findFirst()
                .orElseThrow();
    }

    /** The people in the chat in VK (the community, a member too, left out). */
    private static Set<Long> members(EmulatorSnapshot.Chat chat) {
        return chat.activeMembers().stream()
                .map(EmulatorSnapshot.Member::memberId)
                .filter(member -> member > 0)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private String statuses() {
        return jdbc.sql(
                        """
                        select coalesce(string_agg(kind || ' ' || status || ' ' || n, ', ' order by kind, status), 'none')
                        from (select kind, status, count(*) n from sync.operation group by kind, status) s""")
                .query(String.class)
                .single();
    }

    int count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void api(MockHttpServletRequestBuilder request, String body) throws Exception {
        var response = mvc.perform(request.with(httpBasic("adminA", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
    }
}
