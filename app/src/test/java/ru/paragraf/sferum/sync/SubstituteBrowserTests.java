package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.MovableClock;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.sferum.browser.Browser;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.Seed;

/**
 * The substitute («замена», issue 17, acceptance 3) as the school admin gives it on the journal page, in Chromium
 * against the emulator with a clock the test moves: the evening before, the admin picks teacher A2 (Russian) in
 * «Назначить замену» for tomorrow's 11:00 maths lesson of teacher A1, and the row says «Замена: …»; the lesson is
 * published by video and its call is started by A2's VK user; on the lesson's day A2 is in the chat and «Состав чата»
 * says «замена до 12:00»; at 12:00 (the end, 11:45, plus 15 minutes) A2 is out. Screenshots in /tmp/i17-demo/sub-*.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sferum.sync.pump-interval=100ms",
            "sferum.sync.backoff=200ms",
            "sferum.sync.calls.interval=1s",
            "sferum.sync.hold.share=1"
        })
@AutoConfigureMockMvc
@Import(SubstituteBrowserTests.Clocks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubstituteBrowserTests {

    static final Path SHOTS = Path.of("/tmp/i17-demo");
    static final long TEACHER_A2_VK = 700_300_002L;
    static final String TEACHER_A2_LOGIN = "slovesnikova@vk.test", TEACHER_A2_PASSWORD = "vk-password-a2";
    static final SyncWorld WORLD = SyncWorld.start(
            Seed.User.of(TEACHER_A2_VK, "Мария", "Словесникова", TEACHER_A2_LOGIN, TEACHER_A2_PASSWORD));
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25), TOMORROW = TODAY.plusDays(1);
    static final UUID LESSON = id(72);

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.api-url", WORLD.vk::baseUrl);
        registry.add("sferum.vk.id-url", WORLD.vk::baseUrl);
        registry.add("sferum.vkid.client-id", () -> SyncWorld.CLIENT_ID);
    }

    /** The evening before: 25 November 2026, 18:00 in St Petersburg. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        MovableClock movableClock() {
            return MovableClock.at(at(TODAY, "18:00").toInstant());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    MovableClock clock;

    @Autowired
    CallTimes callTimes;

    SyncSteps steps;
    Browser browser;

    @BeforeAll
    void schoolAConnectedWithTheMathsChatAndBothTeachersLinked() throws Exception {
        Files.createDirectories(SHOTS);
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        accounts.registerAll(
                List.of(NewAccount.teacher("teacherA2", "Словесникова М.", SCHOOL_A, TEACHER_A2)), PASSWORD);
        steps.api(
                "adminA",
                put("/api/orgs/" + SCHOOL_A + "/sferum-community"),
                "{\"communityId\": %d, \"token\": \"%s\"}".formatted(SyncWorld.COMMUNITY_A, SyncWorld.TOKEN_A));
        steps.api(
                "adminA",
                post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"),
                "{\"type\":\"SFERUM_SYNC\",\"cron\":\"0 0 3 1 1 ?\",\"enabled\":true}");
        steps.linkVkId(
                "teacherA1",
                TEACHER_A1,
                SyncWorld.TEACHER_A1_VK,
                SyncWorld.TEACHER_A1_LOGIN,
                SyncWorld.TEACHER_A1_PASSWORD);
        steps.linkVkId("teacherA2", TEACHER_A2, TEACHER_A2_VK, TEACHER_A2_LOGIN, TEACHER_A2_PASSWORD);
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api(
                "adminA",
                put("/api/lessons/" + LESSON),
                "{\"date\":\"%s\",\"startsAt\":\"11:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                        .formatted(TOMORROW));
        steps.settle();
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        WORLD.vk.close();
    }

    @Test
    void theSchoolAdminGivesALessonToASubstituteWhoHoldsItsCallAndIsInTheChatForTheDay() throws Exception {
        // the evening before: the admin gives tomorrow's lesson to teacher A2 on the journal page
        browser.logIn("adminA", PASSWORD);
        openJournal();
        click(row(" .lesson-substitute-action"));
        var select = new Select(browser.waitFor(By.cssSelector(row(" .lesson-substitute-select"))));
        assertThat(select.getOptions())
                .extracting(option -> option.getText())
                .as("the school's other teachers, not the journal's own")
                .anyMatch(name -> name.startsWith("Словесникова"))
                .noneMatch(name -> name.startsWith("Учителев"));
        select.selectByVisibleText(select.getOptions().stream()
                .map(option -> option.getText())
                .filter(name -> name.startsWith("Словесникова"))
                .findFirst()
                .orElseThrow());
        shot("sub-01-choosing");
        click(row(" .lesson-substitute-save"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(
                        () -> browser.text(By.cssSelector(row(" .lesson-substitute"))),
                        text -> text.startsWith("Замена: Словесникова Мария"));
        shot("sub-02-row-says-substitute");
        assertThat(substitute()).isEqualTo(TEACHER_A2);

        // another school's teacher, over the same form: refused in Russian, nothing changes
        var refused = mvc.perform(post("/lessons/" + LESSON + "/substitute")
                        .session(steps.login("adminA"))
                        .with(csrf())
                        .param("employee", TEACHER_B1.toString()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Заменять урок может только сотрудник этой школы");
        assertThat(substitute()).isEqualTo(TEACHER_A2);

        // the lesson by video, published: its call is started with the substitute's token
        steps.api("teacherA1", put("/api/lessons/" + LESSON + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + LESSON + "/publish"), null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !WORLD.vk.calls().isEmpty() && members().contains(SyncWorld.TEACHER_A1_VK));
        steps.settle();
        assertThat(WORLD.vk.calls().get(0).startedBy()).isEqualTo(TEACHER_A2_VK);
        assertThat(members()).as("not in the chat the evening before").doesNotContain(TEACHER_A2_VK);
        browser.driver().get(WORLD.vk.baseUrl() + "/_emulator/calls");
        shot("sub-03-emulator-call-started-by-the-substitute");

        // the lesson's day: the substitute is in the chat, and «Состав чата» says until when
        clock.moveTo(at(TOMORROW, "00:00").plusSeconds(30).toInstant());
        callTimes.planDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> members().contains(TEACHER_A2_VK));
        steps.settle();
        browser.open("/journals/" + JOURNAL_A_MATHS + "/chat-members");
        var member = browser.text(By.id("member-TEACHER-" + TEACHER_A2));
        assertThat(member).contains("Словесникова Мария", "замена до 12:00", "в чате");
        shot("sub-04-chat-members-substitute-until");
        browser.driver().get(WORLD.vk.baseUrl() + "/_emulator/chats");
        shot("sub-05-emulator-chat-with-the-substitute");

        // 12:00, the lesson's end (11:45) plus 15 minutes: out of the chat, and off «Состав чата»
        clock.moveTo(at(TOMORROW, "12:00").plusSeconds(30).toInstant());
        callTimes.planDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> !members().contains(TEACHER_A2_VK));
        steps.settle();
        assertThat(members()).contains(SyncWorld.TEACHER_A1_VK);
        browser.open("/journals/" + JOURNAL_A_MATHS + "/chat-members");
        browser.waitFor(By.id("chat-members-expected"));
        assertThat(browser.driver().findElements(By.id("member-TEACHER-" + TEACHER_A2)))
                .isEmpty();
        shot("sub-06-chat-members-after-the-lesson");

        // «Отменить замену»: the lesson is the journal's teachers' again
        openJournal();
        click(row(" .lesson-substitute-action"));
        assertThat(new Select(browser.waitFor(By.cssSelector(row(" .lesson-substitute-select"))))
                        .getFirstSelectedOption()
                        .getText())
                .as("the form shows who holds the lesson")
                .startsWith("Словесникова");
        click(row(" .lesson-substitute-clear"));
        await().atMost(Duration.ofSeconds(10)).until(() -> substitute() == null);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.driver()
                .findElements(By.cssSelector(row(" .lesson-substitute")))
                .isEmpty());
        shot("sub-07-substitution-cancelled");
    }

    private void openJournal() {
        browser.open("/journals/" + JOURNAL_A_MATHS + "?month=" + YearMonth.from(TOMORROW));
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                        browser.waitFor(By.cssSelector(row(""))));
    }

    /** Clicks the element after scrolling it to the middle of the window: the journal's table is wider than it. */
    private void click(String selector) {
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'})",
                        browser.waitFor(By.cssSelector(selector)));
        browser.click(By.cssSelector(selector));
    }

    private static String row(String inner) {
        return "#lesson-" + LESSON + inner;
    }

    private UUID substitute() {
        return jdbc.sql("select substitute_employee_id from school.lesson where id = :id")
                .param("id", LESSON)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    /** The people in the maths chat (the community, a member too, left out). */
    private static List<Long> members() {
        if (WORLD.vk.chats().isEmpty()) {
            return List.of();
        }
        return WORLD.vk.chats().get(0).activeMembers().stream()
                .map(EmulatorSnapshot.Member::memberId)
                .filter(member -> member > 0)
                .toList();
    }

    private void shot(String name) {
        try {
            Files.copy(
                    browser.screenshot("i17-demo-" + name),
                    SHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ZonedDateTime at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), MOSCOW);
    }
}
