package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.diary.VkIdRelinkRequired;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.sferum.sync.SubjectChatCreated;

/**
 * «Уведомления» in Chromium: the teacher's bell counts two causes (their VK ID to be linked again, their chat
 * created, published as the diary and sync publish them), the page lists them newest first and marks one read; the
 * teacher gives an address, and with no SMTP server configured (the embedded default) the day's digest is kept and
 * shown to the city operator on «Отправленная почта» ({@code /demo/mail}). Screenshots go to /tmp/i17-notices.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sferum.test.context=notices-browser",
            "sferum.notices.digest-cron=0 0 0 1 1 ? 2099",
            "sferum.notices.summary-cron=0 0 0 1 1 ? 2099"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticesBrowserTests {

    static final Path SHOTS = Path.of("/tmp/i17-notices");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Scheduler scheduler;

    @BeforeAll
    void school() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
    }

    @Test
    void theBellCountsATeachersNoticesAndTheEmbeddedDefaultKeepsTheirMailOnTheDemoPage() throws Exception {
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new SubjectChatCreated(SCHOOL_A, JOURNAL_A_MATHS));
            events.publishEvent(new VkIdRelinkRequired(TEACHER_A1, PersonKind.EMPLOYEE, SCHOOL_A, 700_300_001L));
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> count("notices.notice") == 2);

        try (var browser = new Browser("http://localhost:" + port)) {
            browser.logIn("teacherA1", PASSWORD);
            waitForText(browser, By.id("notice-count"), "2");
            browser.click(By.id("nav-notices"));
            browser.waitFor(By.id("notices-page"));
            assertThat(browser.text(By.id("notices")))
                    .contains("Создан чат по предмету «Математика 7А»")
                    .contains("привяжите VK ID заново");
            assertThat(browser.text(By.id("notices-mail-kept"))).contains("Почтовый сервер не настроен");
            shot(browser, "notices");

            browser.click(By.cssSelector(".notice-unread[data-kind='VK_ID_RELINK'] .notice-mark-read"));
            waitForText(browser, By.id("notice-count"), "1");
            browser.type(By.id("mail-address"), "uchitelev@school.test").click(By.id("mail-save"));
            browser.waitFor(By.id("notices-mail-saved"));
            shot(browser, "notices-one-read");
            browser.click(By.id("logout"));

            var before = count("notices.outbox");
            scheduler.triggerJob(JobKey.jobKey("digests", "notices"));
            await().atMost(Duration.ofSeconds(30)).until(() -> count("notices.outbox") == before + 1);

            browser.logIn("city", PASSWORD).open("/demo/mail");
            browser.waitFor(By.id("demo-mail-page"));
            assertThat(browser.text(By.cssSelector(".demo-mail-to"))).isEqualTo("uchitelev@school.test");
            assertThat(browser.text(By.cssSelector(".demo-mail-subject"))).isEqualTo("Сферум: новых уведомлений — 1");
            assertThat(browser.text(By.cssSelector(".demo-mail-body")))
                    .as("what the teacher read is not mailed")
                    .contains("Создан чат по предмету «Математика 7А»")
                    .doesNotContain("привяжите VK ID заново");
            shot(browser, "demo-mail");
        }
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static void waitForText(Browser browser, By target, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(target, text));
    }

    private static void shot(Browser browser, String name) throws IOException {
        browser.driver().executeScript("window.scrollTo(0, 0)");
        var file = browser.screenshot("i17-notices-" + name);
        Files.createDirectories(SHOTS);
        Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
