package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.KeyMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.EverydaySteps;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.diary.LinkedVkAccounts;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.vkemulator.FaultPlan;
import ru.paragraf.vkemulator.Seed;
import tools.jackson.databind.JsonNode;

/**
 * People told when they must act (issue 17, acceptance 5): each cause — the teacher's subject chat created, their
 * VK ID to be linked again, a call not started for their lesson; the school admin's credentials failed, a run with
 * errors, strangers removed; the district operator's summary of schools not ready — makes one notice (the bell, the
 * page, the API) and one email, received by a real SMTP server (GreenMail); fixed causes close their notices. The
 * chats, calls and runs are the real engine's against the VK emulator; the digests and the summary are the module's
 * Quartz jobs, fired as the scheduler fires them. Each rule is a test named after it.
 */
@SpringBootTest(
        properties = {
            "sferum.sync.pump-interval=100ms",
            "sferum.sync.backoff=200ms",
            // the jobs fire only when the test fires them
            "sferum.notices.digest-cron=0 0 0 1 1 ? 2099",
            "sferum.notices.summary-cron=0 0 0 1 1 ? 2099",
            "sferum.notices.mail-from=sferum@school.test"
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class NoticeCausesTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final GreenMail SMTP = smtp();
    static final long PUPIL_A_VK = 700_600_001L;
    static final UUID MATHS_LESSON = SchoolFixture.id(72);
    static final String TEACHER_MAIL = "uchitelev@school.test", ADMIN_MAIL = "adminova@school.test";
    static final String DISTRICT_MAIL = "rayon1@district.test";
    static final JobKey DIGESTS = JobKey.jobKey("digests", "notices");
    static final JobKey SUMMARY = JobKey.jobKey("schools-summary", "notices");

    @DynamicPropertySource
    static void vkAndMail(DynamicPropertyRegistry registry) {
        WORLD.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    @Autowired
    Scheduler scheduler;

    SyncSteps steps;
    UUID task;
    final AtomicInteger jobsDone = new AtomicInteger();

    private static GreenMail smtp() {
        var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @AfterAll
    void stopSmtp() {
        SMTP.stop();
    }

    @BeforeAll
    void connectSchoolAWithAChatOfATeacher() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        scheduler.getListenerManager().addJobListener(new Done(), KeyMatcher.keyEquals(DIGESTS));
        scheduler.getListenerManager().addJobListener(new Done(), KeyMatcher.keyEquals(SUMMARY));
        task = steps.connectSchoolA();
        WORLD.vk.addUser(Seed.User.of(PUPIL_A_VK, "Алиса", "Ученикова", "alisa-n@vk.test", "pw"));
        new LinkedVkAccounts(context)
                .link(PersonKind.PUPIL, PUPIL_A, SCHOOL_A, PUPIL_A_VK, WORLD.vk.issueUserToken(PUPIL_A_VK));
        steps.api(
                "adminA",
                put("/api/lessons/" + MATHS_LESSON),
                "{\"date\":\"%s\",\"startsAt\":\"10:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                        .formatted(LocalDate.now(clock).plusDays(1)));
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api("teacherA1", put("/api/lessons/" + MATHS_LESSON + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/publish"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> WORLD.vk.calls().size() == 1);
        steps.settle();
        for (var who : List.of("teacherA1", "adminA", "district1")) {
            var address = who.equals("teacherA1") ? TEACHER_MAIL : who.equals("adminA") ? ADMIN_MAIL : DISTRICT_MAIL;
            steps.api(who, put("/api/notices/mail"), "{\"address\":\"%s\",\"enabled\":true}".formatted(address));
        }
    }

    @Test
    @Order(1)
    void aCreatedSubjectChatTellsItsTeacher() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> kinds("teacherA1").contains("CHAT_CREATED"));
        assertThat(notice("teacherA1", "CHAT_CREATED").get("text").asString())
                .isEqualTo("Создан чат по предмету «Математика 7А» в Сферуме; ученики войдут в него по"
                        + " ссылке-приглашению.");
        assertThat(steps.html("teacherA1", "/notices"))
                .contains("id=\"notice-count\"")
                .contains("Создан чат по предмету «Математика 7А»");
        assertThat(kinds("adminA"))
                .as("the admin is not told the teacher's chat")
                .doesNotContain("CHAT_CREATED");
    }

    @Test
    @Order(2)
    void removedStrangersTellTheSchoolAdmin() throws Exception {
        var link = WORLD.vk.chats().get(0).inviteLink();
        var stranger = EverydaySteps.json(
                        emulator("/_emulator/accounts", "{\"first_name\":\"Чужой\",\"last_name\":\"Человеков\"}")
                                .body())
                .get("user_id")
                .asLong();
        assertThat(emulator("/_emulator/chats/join", "{\"user_id\":%d,\"link\":\"%s\"}".formatted(stranger, link))
                        .statusCode())
                .isEqualTo(200);

        steps.runNow("adminA", task);

        await().atMost(Duration.ofSeconds(20)).until(() -> kinds("adminA").contains("STRANGERS_REMOVED"));
        assertThat(notice("adminA", "STRANGERS_REMOVED").get("text").asString())
                .contains("удалены посторонние (сегодня: 1; последний — из чата «Математика 7А»)");
    }

    @Test
    @Order(4)
    void failedCredentialsTellTheSchoolAdminOnce() throws Exception {
        WORLD.vk.faults(FaultPlan.NONE.withError(5, 1.0, null));
        try {
            verifyCredentials();
            verifyCredentials();
        } finally {
            WORLD.vk.clearFaults();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> kinds("adminA").contains("CREDENTIALS_FAILED"));
        assertThat(kinds("adminA")).filteredOn("CREDENTIALS_FAILED"::equals).hasSize(1);
    }

    @Test
    @Order(3)
    void vkForgettingTheTeacherTellsThemToRelinkAndTheAdminOfTheRunsErrors() throws Exception {
        WORLD.vk.reset(); // VK forgot every chat, call and issued token: the teacher must link again
        steps.runNow("adminA", task);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> kinds("teacherA1").contains("VK_ID_RELINK")
                        && kinds("adminA").contains("RUN_ERRORS"));
        assertThat(notice("adminA", "RUN_ERRORS").get("link").asString()).startsWith("/exchange-runs/");

        // the next video lesson: no teacher whose token VK takes, so its call cannot start
        var next = SchoolFixture.id(71);
        steps.api(
                "adminA",
                put("/api/lessons/" + next),
                "{\"date\":\"%s\",\"startsAt\":\"12:00\",\"durationMinutes\":45,\"topic\":\"Уравнения\"}"
                        .formatted(LocalDate.now(clock).plusDays(2)));
        steps.api("teacherA1", put("/api/lessons/" + next + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + next + "/publish"), null);
        steps.settle();
        // told of this lesson (an earlier lesson whose call is due at this time of day may be told of too)
        var told = "Не удалось начать видеозвонок урока «Математика 7А» "
                + LocalDate.now(clock).plusDays(2).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                + " в 12:00";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(texts("teacherA1", "CALL_FAILED"))
                .anySatisfy(text -> assertThat(text).startsWith(told)));
    }

    @Test
    @Order(5)
    void aCauseIsToldOnce() throws Exception {
        // the run rebuilt the chat VK forgot: the chat's cause is still open, so the teacher is not told again
        assertThat(kinds("teacherA1")).filteredOn("CHAT_CREATED"::equals).hasSize(1);
        steps.runNow("adminA", task);
        assertThat(kinds("teacherA1")).filteredOn("VK_ID_RELINK"::equals).hasSize(1);
        assertThat(kinds("adminA")).filteredOn("RUN_ERRORS"::equals).hasSize(1);
        assertThat(notice("adminA", "RUN_ERRORS").get("occurrences").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(6)
    void theDistrictOperatorGetsADailySummaryOfSchoolsNotReady() throws Exception {
        fire(SUMMARY);
        await().atMost(Duration.ofSeconds(20)).until(() -> kinds("district1").contains("SCHOOLS_NOT_READY"));
        assertThat(notice("district1", "SCHOOLS_NOT_READY").get("text").asString())
                .startsWith("Не готовы к работе со Сферумом")
                .contains("Школа B");
        fire(SUMMARY);
        assertThat(kinds("district1")).filteredOn("SCHOOLS_NOT_READY"::equals).hasSize(1);
        assertThat(kinds("adminA")).doesNotContain("SCHOOLS_NOT_READY");
    }

    @Test
    @Order(7)
    void nobodyGetsEmailWhoTurnedItOff() throws Exception {
        steps.api(
                "teacherA1",
                put("/api/notices/mail"),
                "{\"address\":\"%s\",\"enabled\":false}".formatted(TEACHER_MAIL));

        fire(DIGESTS);

        assertThat(mailTo(TEACHER_MAIL)).isEmpty();
        assertThat(mailTo(ADMIN_MAIL)).hasSize(1);
        assertThat(mailTo(DISTRICT_MAIL)).hasSize(1);
    }

    @Test
    @Order(8)
    void eachCauseMakesOneEmail() throws Exception {
        steps.api(
                "teacherA1", put("/api/notices/mail"), "{\"address\":\"%s\",\"enabled\":true}".formatted(TEACHER_MAIL));
        fire(DIGESTS);

        for (var who : List.of("teacherA1", "adminA", "district1")) {
            var mail =
                    mailTo(who.equals("teacherA1") ? TEACHER_MAIL : who.equals("adminA") ? ADMIN_MAIL : DISTRICT_MAIL);
            assertThat(mail).as("one digest for %s", who).hasSize(1);
            var open = new ArrayList<String>();
            notices(who).forEach(notice -> {
                if (notice.get("closedAt") == null || notice.get("closedAt").isNull()) {
                    open.add(notice.get("text").asString());
                }
            });
            assertThat(mail.get(0).getSubject()).isEqualTo("Сферум: новых уведомлений — " + open.size());
            var body = body(mail.get(0));
            for (var text : open) {
                assertThat(body.split(java.util.regex.Pattern.quote(text), -1))
                        .as("%s: «%s» once in %s", who, text, body)
                        .hasSize(2);
            }
            assertThat(body).contains("http://localhost:8080/notices").doesNotContain(SyncWorld.TOKEN_A);
            assertThat(mail.get(0).getFrom()[0].toString()).isEqualTo("sferum@school.test");
        }
        assertThat(body(mailTo(TEACHER_MAIL).get(0)))
                .contains("Создан чат по предмету «Математика 7А»")
                .contains("привяжите VK ID заново")
                .contains("Не удалось начать видеозвонок урока «Математика 7А»");
        assertThat(body(mailTo(ADMIN_MAIL).get(0)))
                .contains("удалены посторонние")
                .contains("Сферум отклонил данные сообщества")
                .contains("закончился с ошибками");
        assertThat(body(mailTo(DISTRICT_MAIL).get(0))).contains("Не готовы к работе со Сферумом");
    }

    @Test
    @Order(9)
    void anEmailDigestIsSentAtMostOnceADay() throws Exception {
        // a new cause for the admin today: it waits for tomorrow's digest
        jdbc.sql("update notices.notice set closed_at = now() where kind = 'STRANGERS_REMOVED'")
                .update();
        jdbc.sql(
                        """
                        insert into notices.notice (id, audience, audience_id, kind, cause, args, created_at, updated_at)
                        values (gen_random_uuid(), 'SCHOOL_ADMINS', :school, 'STRANGERS_REMOVED', 'strangers:test',
                                array['Русский язык 7А'], now(), now())
                        """)
                .param("school", SCHOOL_A)
                .update();
        fire(DIGESTS);
        assertThat(mailTo(ADMIN_MAIL)).hasSize(1);

        // the next day (the day of the last digest moved back): only what was not mailed yet
        jdbc.sql("update notices.mail_setting set last_digest_on = last_digest_on - 1")
                .update();
        fire(DIGESTS);
        var admin = mailTo(ADMIN_MAIL);
        assertThat(admin).hasSize(2);
        assertThat(admin.get(1).getSubject()).isEqualTo("Сферум: новых уведомлений — 1");
        assertThat(body(admin.get(1))).contains("Русский язык 7А").doesNotContain("Сферум отклонил");
        assertThat(mailTo(TEACHER_MAIL))
                .as("nothing new for the teacher: no mail")
                .hasSize(1);
    }

    @Test
    @Order(10)
    void aFixedCauseClosesItsNotice() throws Exception {
        verifyCredentials();
        await().atMost(Duration.ofSeconds(20)).until(() -> closed("adminA", "CREDENTIALS_FAILED"));

        linkTeacherA1();
        await().atMost(Duration.ofSeconds(20)).until(() -> closed("teacherA1", "VK_ID_RELINK"));
        steps.runNow("adminA", task);
        await().atMost(Duration.ofSeconds(30)).until(() -> closed("teacherA1", "CALL_FAILED"));

        assertThat(open("teacherA1", "CHAT_CREATED"))
                .as("a chat created is nothing to fix")
                .isTrue();
        var unread = EverydaySteps.json(steps.api("teacherA1", get("/api/notices"), null))
                .get("unread")
                .asInt();
        assertThat(unread).as("closed notices leave the bell").isEqualTo(1);
    }

    @Test
    @Order(11)
    void notesAreMarkedReadOneByOneOrAll() throws Exception {
        var chat = notice("teacherA1", "CHAT_CREATED").get("id").asString();
        steps.api("teacherA1", post("/api/notices/read"), "{\"notice\":\"%s\"}".formatted(chat));
        assertThat(EverydaySteps.json(steps.api("teacherA1", get("/api/notices"), null))
                        .get("unread")
                        .asInt())
                .isZero();
        assertThat(steps.html("teacherA1", "/notices")).doesNotContain("id=\"notice-count\"");
        var response = mvc.perform(post("/api/notices/read")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("adminA", PASSWORD))
                        .contentType("application/json")
                        .content("{\"notice\":\"%s\"}".formatted(chat)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus())
                .as("another's notice does not exist for the admin")
                .isEqualTo(404);
        steps.api("adminA", post("/api/notices/read-all"), null);
        assertThat(EverydaySteps.json(steps.api("adminA", get("/api/notices"), null))
                        .get("unread")
                        .asInt())
                .isZero();
    }

    @Test
    @Order(12)
    void aCallStartedAfterAllClosesItsFailureNotice() throws Exception {
        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/withdraw"), null);
        steps.settle();
        var failures = kinds("teacherA1").stream().filter("CALL_FAILED"::equals).count();
        // VK refuses this lesson's call for good (access to the community denied): the teacher is told
        WORLD.vk.faults(FaultPlan.NONE.withError(203, 1.0, "calls.start"));
        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/publish"), null);
        steps.settle();
        // (an earlier failure of this lesson's call, closed, is there too: the new one is open)
        await().atMost(Duration.ofSeconds(20)).until(() -> openCallFailure("teacherA1", "10:00") != null);

        // VK takes it again: the next run starts the call, and the notice of its failure closes by itself
        WORLD.vk.faults(FaultPlan.NONE);
        var calls = WORLD.vk.calls().size();
        steps.runNow("adminA", task);
        await().atMost(Duration.ofSeconds(30)).until(() -> WORLD.vk.calls().size() == calls + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> openCallFailure("teacherA1", "10:00") == null);
        assertThat(kinds("teacherA1"))
                .as("one new notice for this failure of the lesson's call")
                .filteredOn("CALL_FAILED"::equals)
                .hasSize((int) failures + 1);
    }

    @Test
    @Order(13)
    void aTeacherWhoNeverSetTheirMailGetsItAtTheStaffFilesAddressUntilTheyTurnItOff() throws Exception {
        var account = jdbc.sql("select id from accounts.user_account where username = 'teacherA1'")
                .query(UUID.class)
                .single();
        // the teacher never set their mail; their staff file has an address (as the roster import brings it)
        jdbc.sql("delete from notices.mail_setting where account_id = :account")
                .param("account", account)
                .update();
        jdbc.sql("update school.employee set email = ' P.Uchitelev@School.test ' where id = :teacher")
                .param("teacher", SchoolFixture.TEACHER_A1)
                .update();
        var staffFile = "p.uchitelev@school.test";
        tellTeacherA1("staff-mail:1");

        fire(DIGESTS);
        assertThat(mailTo(staffFile)).hasSize(1);
        assertThat(body(mailTo(staffFile).get(0))).contains("Русский язык 7А");
        var mail = EverydaySteps.json(steps.api("teacherA1", get("/api/notices/mail"), null));
        assertThat(mail.get("address").asString()).isEqualTo(staffFile);
        assertThat(mail.get("fromStaffFile").asBoolean()).isTrue();
        assertThat(steps.html("teacherA1", "/notices")).contains("Адрес взят из вашего личного дела");

        // the teacher turns mail off: the staff file's address never turns it on again
        steps.api("teacherA1", put("/api/notices/mail"), "{\"address\":\"%s\",\"enabled\":false}".formatted(staffFile));
        tellTeacherA1("staff-mail:2");
        jdbc.sql("update notices.mail_setting set last_digest_on = last_digest_on - 1")
                .update();
        fire(DIGESTS);
        assertThat(mailTo(staffFile)).as("mail off: no second digest").hasSize(1);
        assertThat(EverydaySteps.json(steps.api("teacherA1", get("/api/notices/mail"), null))
                        .get("fromStaffFile")
                        .asBoolean())
                .isFalse();
    }

    /** An open notice for teacher A1 of a cause of its own (what the digest sends is tested above). */
    private void tellTeacherA1(String cause) {
        jdbc.sql(
                        """
                        insert into notices.notice (id, audience, audience_id, kind, cause, args, created_at, updated_at)
                        values (gen_random_uuid(), 'EMPLOYEE', :teacher, 'CHAT_CREATED', :cause,
                                array['Русский язык 7А'], now(), now())
                        """)
                .param("teacher", SchoolFixture.TEACHER_A1)
                .param("cause", cause)
                .update();
    }

    /** The teacher's open CALL_FAILED notice of the lesson at {@code time}, or null. */
    private @org.jspecify.annotations.Nullable JsonNode openCallFailure(String who, String time) throws Exception {
        for (var notice : notices(who)) {
            if (notice.get("kind").asString().equals("CALL_FAILED")
                    && notice.get("text").asString().contains(" в " + time)
                    && (notice.get("closedAt") == null || notice.get("closedAt").isNull())) {
                return notice;
            }
        }
        return null;
    }

    /** «Проверить снова» in «База ссылок». */
    private void verifyCredentials() throws Exception {
        steps.api("adminA", post("/api/orgs/" + SCHOOL_A + "/sferum-community/verify"), null);
    }

    private void linkTeacherA1() throws Exception {
        steps.linkVkId(
                "teacherA1",
                TEACHER_A1,
                SyncWorld.TEACHER_A1_VK,
                SyncWorld.TEACHER_A1_LOGIN,
                SyncWorld.TEACHER_A1_PASSWORD);
    }

    /** Fires the job as its trigger would, on the clustered scheduler, and waits until it ran. */
    private void fire(JobKey job) throws SchedulerException {
        var before = jobsDone.get();
        scheduler.triggerJob(job);
        await().atMost(Duration.ofSeconds(30)).until(() -> jobsDone.get() > before);
    }

    private List<String> kinds(String who) throws Exception {
        var kinds = new ArrayList<String>();
        notices(who).forEach(notice -> kinds.add(notice.get("kind").asString()));
        return kinds;
    }

    private JsonNode notices(String who) throws Exception {
        return EverydaySteps.json(steps.api(who, get("/api/notices"), null)).get("notices");
    }

    /** The texts of the person's notices of this kind. */
    private List<String> texts(String who, String kind) throws Exception {
        var texts = new ArrayList<String>();
        for (var notice : notices(who)) {
            if (notice.get("kind").asString().equals(kind)) {
                texts.add(notice.get("text").asString());
            }
        }
        return texts;
    }

    private JsonNode notice(String who, String kind) throws Exception {
        for (var notice : notices(who)) {
            if (notice.get("kind").asString().equals(kind)) {
                return notice;
            }
        }
        throw new AssertionError(who + " has no notice " + kind);
    }

    /** Every notice of this kind the person has is closed (a cause per lesson may have told of several lessons). */
    private boolean closed(String who, String kind) throws Exception {
        var any = false;
        for (var notice : notices(who)) {
            if (notice.get("kind").asString().equals(kind)) {
                any = true;
                var closedAt = notice.get("closedAt");
                if (closedAt == null || closedAt.isNull()) {
                    return false;
                }
            }
        }
        if (!any) {
            throw new AssertionError(who + " has no notice " + kind);
        }
        return true;
    }

    private boolean open(String who, String kind) throws Exception {
        var closedAt = notice(who, kind).get("closedAt");
        return closedAt == null || closedAt.isNull();
    }

    private static List<MimeMessage> mailTo(String address) {
        return List.of(SMTP.getReceivedMessagesForDomain(address));
    }

    private static String body(MimeMessage message) throws Exception {
        return (String) message.getContent();
    }

    private static HttpResponse<String> emulator(String path, String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(WORLD.vk.baseUrl() + path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Counts the runs of the notices' jobs that ended. */
    private final class Done implements JobListener {

        @Override
        public String getName() {
            return "notice-causes-tests-" + System.identityHashCode(this);
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {}

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {}

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
            jobsDone.incrementAndGet();
        }
    }
}
