package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_A;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;

/**
 * «Учётные записи» and «Мои входы» in Chromium: the city operator creates a district operator and disables one; a
 * school admin searches their school's accounts, disables a pupil and resets a teacher's password, all through htmx;
 * then looks at their own logins. Screenshots of each page go to target/screenshots and /tmp/i16-admin.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sferum.test.context=account-administration-browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAdministrationBrowserTests {

    static final Path SHOTS = Path.of("/tmp/i16-admin");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @BeforeAll
    void school() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
    }

    @Test
    void operatorsAndASchoolAdminManageAccountsAndSeeTheirLogins() throws IOException {
        try (var browser = new Browser("http://localhost:" + port)) {
            browser.logIn("city", PASSWORD).click(By.id("nav-accounts"));
            browser.waitFor(By.id("operator-accounts-page"));
            browser.type(By.id("new-username"), "district2b")
                    .type(By.id("new-name"), "Новикова Нина Петровна")
                    .type(By.id("new-password"), "district-2-password");
            new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("new-district")))
                    .selectByVisibleText("Район 2");
            browser.click(By.id("new-operator-save"));
            assertThat(browser.text(By.id("account-created"))).contains("district2b");
            var district2 = row(browser, "district2");
            press(browser, By.cssSelector(district2 + " .account-disable"));
            browser.driver().switchTo().alert().accept();
            waitForText(browser, By.cssSelector(district2 + " .account-state"), "отключена");
            shot(browser, "operators");
            browser.click(By.id("logout"));

            browser.logIn("adminA", PASSWORD).click(By.id("nav-accounts"));
            browser.waitFor(By.id("school-accounts-page"));
            browser.type(By.id("account-search"), "Ученикова");
            waitForText(browser, By.id("account-count"), "Найдено: 2.");
            var pupil = row(browser, "pupilA");
            press(browser, By.cssSelector(pupil + " .account-disable"));
            browser.driver().switchTo().alert().accept();
            waitForText(browser, By.cssSelector(pupil + " .account-state"), "отключена");
            browser.type(By.id("account-search"), "teacherA1");
            waitForText(browser, By.id("account-count"), "Найдено: 1.");
            var teacher = row(browser, "teacherA1");
            press(browser, By.cssSelector(teacher + " summary"));
            browser.type(By.cssSelector(teacher + " .account-password"), "teacher-new-password");
            press(browser, By.cssSelector(teacher + " .account-password-save"));
            waitForText(browser, By.cssSelector(teacher + " .account-notice"), "Пароль изменён.");
            browser.open("/orgs/" + SCHOOL_A + "/accounts");
            waitForText(browser, By.id("account-count"), "Найдено: 4.");
            shot(browser, "school-accounts");
            assertThat(browser.pageText()).contains("Учётные записи", "Школа A", "отключена");

            browser.click(By.id("nav-my-logins"));
            browser.waitFor(By.id("my-logins-page"));
            assertThat(browser.pageText()).contains("Логин и пароль", "успешно");
            shot(browser, "my-logins");
        }
        assertThat(jdbc.sql("select enabled from accounts.user_account where username = 'pupilA'")
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    /** The CSS selector of the row of the account with this login. */
    private String row(Browser browser, String username) {
        var id = jdbc.sql("select id from accounts.user_account where username = :username")
                .param("username", username)
                .query(String.class)
                .single();
        browser.waitFor(By.id("account-" + id));
        return "#account-" + id;
    }

    /** Clicks a row's control once scrolled to the middle of the window: rows low on the page lie under its edge. */
    private static void press(Browser browser, By target) {
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", browser.waitFor(target));
        browser.click(target);
    }

    private static void waitForText(Browser browser, By target, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(target, text));
    }

    private static void shot(Browser browser, String name) throws IOException {
        browser.driver().executeScript("window.scrollTo(0, 0)");
        var file = browser.screenshot("i16-admin-" + name);
        Files.createDirectories(SHOTS);
        Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
