package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.browser.Browser;
import ru.paragraf.sferum.diary.LinkedVkAccounts;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.Seed;

/**
 * «Закрыть учебный год» in the browser, with the school's default choice (archived chats kept as they are): the
 * school admin sees the preview — the maths chat of 7А with its new title, its live call — confirms, and the chat is
 * renamed with the year in the emulator, its closing message pinned, the pupil still in it. Screenshots of the
 * preview, the confirmation and the closed year go to /tmp/i17-year.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearCloseBrowserTests {

    static final Path SHOTS = Path.of("/tmp/i17-year");
    static final SyncWorld WORLD = SyncWorld.start();
    static final long PUPIL_A_VK = 700_610_001L;

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        WORLD.register(registry);
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
    Clock clock;

    @Autowired
    ApplicationContext context;

    SyncSteps steps;
    Browser browser;

    @BeforeAll
    void connectSchoolAWithAMathsChatAndACall() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        steps.connectSchoolA();
        WORLD.vk.addUser(Seed.User.of(PUPIL_A_VK, "Алиса", "Ученикова", "alisa-browser@vk.test", "pw"));
        new LinkedVkAccounts(context)
                .link(PersonKind.PUPIL, PUPIL_A, SCHOOL_A, PUPIL_A_VK, WORLD.vk.issueUserToken(PUPIL_A_VK));
        var lesson = SchoolFixture.id(72);
        steps.api(
                "adminA",
                put("/api/lessons/" + lesson),
                "{\"date\":\"%s\",\"startsAt\":\"10:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                        .formatted(LocalDate.now(clock).plusDays(1)));
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api("teacherA1", put("/api/lessons/" + lesson + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + lesson + "/publish"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> WORLD.vk.chats().stream()
                .anyMatch(chat -> active(chat).containsAll(List.of(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK))));
        steps.settle();
        Files.createDirectories(SHOTS);
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSchoolAdminSeesThePreviewConfirmsAndTheChatIsArchivedAsShown() throws Exception {
        var year = jdbc.sql("select title from school.academic_year where id = :id")
                .param("id", YEAR)
                .query(String.class)
                .single();
        browser.logIn("adminA", PASSWORD).open("/orgs/" + SCHOOL_A + "/year-close");

        assertThat(browser.text(By.id("year-close-chats"))).isEqualTo("Чатов в архив: 1");
        assertThat(browser.text(By.id("year-close-calls"))).isEqualTo("Видеозвонков завершить: 1");
        assertThat(browser.text(By.id("year-close-members")))
                .isEqualTo("Ученики и родители остаются в архивных чатах.");
        assertThat(browser.text(By.id("year-close-choice"))).contains("не подтверждает", "только для чтения");
        var newTitle = browser.text(By.cssSelector(".year-close-new-title"));
        assertThat(newTitle).isEqualTo("Математика 7А · " + year);
        show(By.id("year-close-chat-table"));
        shot("1-preview");

        show(By.id("year-close-start")).click();
        assertThat(browser.text(By.id("year-close-confirmation"))).contains("Закрыть " + year + " учебный год");
        show(By.id("year-close-confirmation"));
        shot("2-confirmation");
        show(By.id("year-close-confirm")).click();
        assertThat(browser.text(By.id("year-close-status"))).contains("Учебный год " + year + " закрыт");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> WORLD.vk.chats().get(0).title().equals(newTitle)
                        && WORLD.vk.chats().get(0).pinnedMessage().isPresent());
        steps.settle();
        browser.open("/orgs/" + SCHOOL_A + "/year-close");
        assertThat(browser.text(By.id("year-close-chat-table"))).contains(newTitle, "в архиве");
        show(By.id("year-close-chat-table"));
        shot("3-closed");
        var chat = WORLD.vk.chats().get(0);
        assertThat(active(chat)).as("kept as it is: the pupil stays").contains(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK);
        assertThat(WORLD.vk.calls()).allMatch(call -> call.state().equals("finished"));

        show(By.id("logout")).click();
        browser.logIn("teacherA1", PASSWORD).open("/diary/chats");
        assertThat(browser.text(By.id("archived-chats"))).contains("Архив", newTitle);
        shot("4-diary-archive");
    }

    /** Scrolls the element to the middle of the window, where a click reaches it and a screenshot shows it. */
    private org.openqa.selenium.WebElement show(By target) {
        var element = browser.waitFor(target);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        return element;
    }

    private void shot(String name) throws Exception {
        Files.copy(
                browser.screenshot("year-close-" + name),
                SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<Long> active(EmulatorSnapshot.Chat chat) {
        return chat.activeMembers().stream()
                .map(EmulatorSnapshot.Member::memberId)
                .toList();
    }
}
