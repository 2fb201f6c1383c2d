package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.EverydaySteps;
import ru.paragraf.sferum.EverydayWorld;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.diary.PersonVkAccess;
import ru.paragraf.sferum.diary.VkUserAccess;
import ru.paragraf.vkemulator.EmulatorSnapshot;

/**
 * The ledger is a belief, not the truth (DESIGN §4): VK loses what the product created — a whole VK that forgot
 * everything, as the in-process emulator did at a restart without its state, and a teacher who revoked the portal's
 * access in VK. One scheduled SFERUM_SYNC run notices it, nothing dead is shown anywhere, the teacher is told to link
 * VK ID again with one notice and no retry storm, and the next video lesson gets a working chat and call.
 */
@SpringBootTest(properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncLostStateTests {

    static final EverydayWorld WORLD = EverydayWorld.start();
    static final UUID FIRST_MATHS_LESSON = id(71), MATHS_LESSON = id(72);

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        WORLD.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    PersonVkAccess teacherAccess;

    @Autowired
    Clock clock;

    EverydaySteps steps;
    UUID task;
    String week;
    String journal;
    String oldInviteLink;
    String oldJoinLink;

    @BeforeAll
    void aConnectedSchoolWithAChatAndACall() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        steps = new EverydaySteps(mvc, jdbc, WORLD);
        task = steps.connectSchoolA();
        linkTeacherA1();
        var tomorrow = LocalDate.now(clock).plusDays(1);
        steps.moveLesson(MATHS_LESSON, tomorrow, "10:00");
        steps.moveLesson(FIRST_MATHS_LESSON, tomorrow, "08:00");
        week = "/diary?week=" + tomorrow;
        journal = "/journals/" + JOURNAL_A_MATHS + "?month=" + YearMonth.from(tomorrow);
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api("teacherA1", put("/api/lessons/" + MATHS_LESSON + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/publish"), null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> WORLD.vk.chats().size() == 1
                        && WORLD.vk.chats().get(0).textMessages().size() == 1);
        steps.settle();
        oldInviteLink = WORLD.vk.chats().get(0).inviteLink();
        oldJoinLink = WORLD.vk.calls().get(0).joinLink();
        assertThat(steps.html("pupilA", week)).contains(oldJoinLink);
        assertThat(steps.html("pupilA", "/diary/chats")).contains(oldInviteLink);
    }

    @Test
    @Order(1)
    void oneRunAfterVkLostEverythingShowsNothingDeadAndBuildsTheChatAgain() throws Exception {
        WORLD.vk.reset(); // VK forgot every chat, call and issued token; the community and its token remain

        var run = runTheTask();

        var everyPage = List.of(
                steps.html("teacherA1", journal),
                steps.html("adminA", journal),
                steps.html("pupilA", week),
                steps.html("pupilA", "/diary/chats"),
                steps.html("parentA", week),
                steps.html("teacherA1", week),
                steps.html("teacherA1", "/diary/chats"));
        everyPage.forEach(page -> assertThat(page).doesNotContain(oldInviteLink, oldJoinLink));
        assertThat(lessonRow(steps.html("pupilA", week)))
                .doesNotContain("готов", "diary-call-link")
                .contains("ошибка");
        assertThat(steps.html("teacherA1", journal)).contains("VK ID учителя Учителев Пётр", "нужно привязать заново");

        // the chat was rebuilt at once for tomorrow's video lesson, with a new invite link shown everywhere
        var chat = WORLD.vk.chats();
        assertThat(chat).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Математика 7А");
            assertThat(c.inviteLink()).isNotEqualTo(oldInviteLink);
        });
        assertThat(steps.html("pupilA", "/diary/chats")).contains(chat.get(0).inviteLink());
        assertThat(steps.html("teacherA1", journal)).contains(chat.get(0).inviteLink());

        // the teacher is told once, in every place that shows the link
        assertThat(steps.html("teacherA1", "/diary/chats")).contains("vkid-relink-required");
        assertThat(steps.html("adminA", "/staff/" + TEACHER_A1)).contains("sferum-relink-required");
        assertThat(steps.html("adminA", "/orgs/" + SCHOOL_A + "/staff")).contains("нужно привязать заново");
        assertThat(steps.html("adminA", "/orgs/" + SCHOOL_A + "/readiness")).contains("нужно привязать заново");
        assertThat(auditEntries("VK_ID_RELINK_REQUIRED")).isEqualTo(1);

        // the run says what it found, in Russian
        assertThat(items(run))
                .anySatisfy(item -> assertThat(item)
                        .containsEntry("action", "CHECK_CHAT")
                        .containsEntry("result", "WARNING")
                        .extractingByKey("message")
                        .asString()
                        .contains("Чат «Математика 7А» больше не существует в VK Сферум"))
                .anySatisfy(item -> assertThat(item)
                        .containsEntry("action", "CHECK_CALL")
                        .containsEntry("result", "ERROR")
                        .extractingByKey("message")
                        .asString()
                        .contains("Звонок не подтверждён", "нужно привязать заново"));

        // one look at each object, no retry storm: a second run asks VK nothing new about the teacher
        var stats = WORLD.vk.stats();
        assertThat(stats.callsOf("messages.getConversationsById")).isEqualTo(1);
        assertThat(stats.callsOf("users.get")).isEqualTo(1);
        assertThat(stats.callsOf("messages.createChat")).isEqualTo(1);
        assertThat(stats.callsOf("calls.start")).isZero();
        assertThat(stats.callsOf("messages.send")).isZero();
        var second = runTheTask();
        var again = WORLD.vk.stats();
        assertThat(again.callsOf("users.get")).isEqualTo(1);
        assertThat(again.callsOf("calls.start")).isZero();
        assertThat(again.callsOf("messages.createChat")).isEqualTo(1);
        assertThat(auditEntries("VK_ID_RELINK_REQUIRED")).isEqualTo(1);
        ReliabilityReport.write(
                "lost-state-report.txt",
                List.of(
                        "VK lost everything (emulator reset to its seed), then one SFERUM_SYNC run:",
                        "  VK API requests of the run by method: " + new java.util.TreeMap<>(stats.methodCalls()),
                        "  run items: " + summary(run),
                        "  a second run, VK API requests by method so far: "
                                + new java.util.TreeMap<>(again.methodCalls()),
                        "  second run items: " + summary(second),
                        "  notices (audit VK_ID_RELINK_REQUIRED): " + auditEntries("VK_ID_RELINK_REQUIRED"),
                        "  chats in VK: " + WORLD.vk.chats().size() + ", calls started: "
                                + again.callsOf("calls.start")));
    }

    @Test
    @Order(2)
    void afterTheTeacherLinksAgainTheLessonsGetNewCallsInTheOneNewChat() {
        linkTeacherA1();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> activeCalls().size() == 1
                        && WORLD.vk.chats().get(0).textMessages().size() == 1);
        var newJoinLink = activeCalls().get(0).joinLink();
        assertThat(newJoinLink).isNotEqualTo(oldJoinLink);
        assertThat(WORLD.vk.chats().get(0).textMessages().get(0).text()).contains(newJoinLink);
        assertThat(lessonRow(steps.html("pupilA", week))).contains("готов", newJoinLink);
        assertThat(steps.html("teacherA1", "/diary/chats")).doesNotContain("vkid-relink-required");
        assertThat(steps.html("adminA", "/staff/" + TEACHER_A1)).doesNotContain("sferum-relink-required");

        // the next video lesson: a second call, announced in the same single chat
        steps.api("teacherA1", put("/api/lessons/" + FIRST_MATHS_LESSON + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + FIRST_MATHS_LESSON + "/publish"), null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> activeCalls().size() == 2
                        && WORLD.vk.chats().get(0).textMessages().size() == 2);
        steps.settle();
        assertThat(WORLD.vk.chats()).hasSize(1);
        assertThat(WORLD.vk.stats().callsOf("messages.createChat")).isEqualTo(1);
        steps.html("pupilA", week).lines().forEach(line -> assertThat(line).doesNotContain(oldJoinLink));
    }

    @Test
    @Order(3)
    void aTokenVkRefusesIsRefreshedOnceAndTheCallStartsAnyway() {
        steps.api("teacherA1", post("/api/lessons/" + FIRST_MATHS_LESSON + "/withdraw"), null);
        steps.settle();
        var before = WORLD.vk.stats();
        WORLD.vk.revokeToken(currentToken()); // the access token alone: VK ID still honours the refresh token

        steps.api("teacherA1", post("/api/lessons/" + FIRST_MATHS_LESSON + "/publish"), null);

        await().atMost(Duration.ofSeconds(30)).until(() -> activeCalls().size() == 2);
        steps.settle();
        var after = WORLD.vk.stats();
        assertThat(after.errorsOf("calls.start", 5) - before.errorsOf("calls.start", 5))
                .isEqualTo(1);
        assertThat(after.callsOf("calls.start") - before.callsOf("calls.start"))
                .as("refused once, started with the refreshed token")
                .isEqualTo(2);
        assertThat(auditEntries("VK_ID_RELINK_REQUIRED")).isEqualTo(1);
        assertThat(steps.html("teacherA1", "/diary/chats")).doesNotContain("vkid-relink-required");
    }

    @Test
    @Order(4)
    void aTeacherWhoRevokedTheAccessInVkIsToldOnceAndVkIsNotAskedAgain() {
        steps.api("teacherA1", post("/api/lessons/" + FIRST_MATHS_LESSON + "/withdraw"), null);
        steps.settle();
        revokeInVk(currentToken()); // as the teacher does in VK's settings: access and refresh tokens end
        var calls = WORLD.vk.stats().callsOf("calls.start");

        steps.api("teacherA1", post("/api/lessons/" + FIRST_MATHS_LESSON + "/publish"), null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> steps.html("teacherA1", "/diary/chats").contains("vkid-relink-required"));
        steps.settle();

        assertThat(auditEntries("VK_ID_RELINK_REQUIRED")).isEqualTo(2);
        assertThat(steps.html("adminA", "/staff/" + TEACHER_A1)).contains("sferum-relink-required");
        await().atMost(Duration.ofSeconds(20)).until(() -> lessonRow(steps.html("pupilA", week), FIRST_MATHS_LESSON)
                .contains("ошибка"));
        assertThat(lessonRow(steps.html("pupilA", week), FIRST_MATHS_LESSON)).doesNotContain("diary-call-link");
        assertThat(WORLD.vk.stats().callsOf("calls.start"))
                .as("one refused start, then no more requests with the dead token")
                .isEqualTo(calls + 1);

        // planning again (a run) leaves VK alone until the teacher links VK ID again, and the other lesson's call
        // that this teacher started can no longer be vouched for
        runTheTask();
        assertThat(WORLD.vk.stats().callsOf("calls.start")).isEqualTo(calls + 1);
        assertThat(auditEntries("VK_ID_RELINK_REQUIRED")).isEqualTo(2);
        assertThat(lessonRow(steps.html("pupilA", week))).contains("ошибка").doesNotContain("diary-call-link");
    }

    @Test
    @Order(5)
    void aChatDeletedInVkIsNoticedByTheFirstErrorAndReplacedWithoutWaitingForARun() {
        linkTeacherA1();
        await().atMost(Duration.ofSeconds(30)).until(() -> activeCalls().size() == 2);
        steps.settle();
        var deleted = WORLD.vk.chats().get(0);
        var checks = WORLD.vk.stats().callsOf("messages.getConversationsById");
        WORLD.vk.deleteChat(deleted.id()); // the school's admin deleted it in VK

        // the next announcement meets the deleted chat
        steps.api("teacherA1", post("/api/lessons/" + FIRST_MATHS_LESSON + "/withdraw"), null);
        steps.settle();
        steps.api("teacherA1", post("/api/lessons/" + FIRST_MATHS_LESSON + "/publish"), null);

        await().atMost(Duration.ofSeconds(30)).until(() -> WORLD.vk.chats().stream()
                .anyMatch(
                        chat -> chat.id() != deleted.id() && chat.textMessages().size() == 2));
        steps.settle();
        var replacement = WORLD.vk.chats().stream()
                .filter(chat -> chat.id() != deleted.id())
                .toList();
        assertThat(replacement).singleElement().satisfies(chat -> {
            assertThat(chat.title()).isEqualTo("Математика 7А");
            var links = jdbc.sql("select join_link from sync.call where state = 'ACTIVE'")
                    .query(String.class)
                    .list();
            assertThat(links).hasSize(2);
            links.forEach(link -> assertThat(chat.textMessages())
                    .anySatisfy(message -> assertThat(message.text()).contains(link)));
        });
        var page = steps.html("pupilA", "/diary/chats");
        assertThat(page).contains(replacement.get(0).inviteLink()).doesNotContain(deleted.inviteLink());
        assertThat(WORLD.vk.stats().callsOf("messages.getConversationsById"))
                .as("found by the failed announcement, not by a run")
                .isEqualTo(checks);
        assertThat(jdbc.sql("select count(*) from sync.lost_chat where journal_id = :journal")
                        .param("journal", JOURNAL_A_MATHS)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    private void linkTeacherA1() {
        steps.linkVkId(
                "teacherA1",
                TEACHER_A1,
                EverydayWorld.TEACHER_A1_LOGIN,
                EverydayWorld.TEACHER_A1_PASSWORD,
                EverydayWorld.TEACHER_A1_VK);
    }

    private String currentToken() {
        return ((VkUserAccess) teacherAccess.accessFor(TEACHER_A1)).accessToken();
    }

    /** VK ID's revoke endpoint, called as VK does when a person ends an application's access in its settings. */
    private static void revokeInVk(String accessToken) {
        var form = "client_id=" + EverydayWorld.CLIENT_ID + "&access_token="
                + URLEncoder.encode(accessToken, StandardCharsets.UTF_8);
        try {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(WORLD.vk.baseUrl() + "/oauth2/revoke"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the SFERUM_SYNC task now, as «Запустить сейчас» does, and waits until the run has ended. */
    private UUID runTheTask() {
        return steps.runNow("adminA", task);
    }

    private List<Map<String, Object>> items(UUID run) {
        return jdbc.sql("select action, result, message from exchange.run_item where run_id = :run order by id")
                .param("run", run)
                .query()
                .listOfRows();
    }

    private String summary(UUID run) {
        return jdbc.sql(
                        """
                        select string_agg(action || ' ' || result || ' ×' || n, ', ' order by action, result)
                        from (select action, result, count(*) as n from exchange.run_item where run_id = :run
                              group by action, result) counts""")
                .param("run", run)
                .query(String.class)
                .single();
    }

    private int auditEntries(String action) {
        return jdbc.sql("select count(*) from audit.entry where action = :action")
                .param("action", action)
                .query(Integer.class)
                .single();
    }

    private static List<EmulatorSnapshot.Call> activeCalls() {
        return WORLD.vk.calls().stream()
                .filter(call -> call.state().equals("active"))
                .toList();
    }

    private static String lessonRow(String week) {
        return lessonRow(week, MATHS_LESSON);
    }

    /** The lesson's row of the diary week. */
    private static String lessonRow(String week, UUID lesson) {
        int start = week.indexOf("lesson-" + lesson);
        assertThat(start).as("lesson %s is in the week", lesson).isPositive();
        int end = week.indexOf("lesson-", start + 10);
        return week.substring(start, end < 0 ? week.length() : end);
    }
}
