package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;

/** A school admin and a pupil click through the product in a real browser, in Russian. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundationBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    Browser browser;

    @BeforeAll
    void start() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        browser = new Browser("http://localhost:" + port);
    }

    private YearMonth monthOf(java.util.UUID lesson) {
        return YearMonth.from(jdbc.sql("select lesson_date from school.lesson where id = :id")
                .param("id", lesson)
                .query(LocalDate.class)
                .single());
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void schoolAdminOpensAJournalAndAnEmployeesGeneralTab() throws Exception {
        browser.open("/");
        assertThat(browser.currentPath()).isEqualTo("/login");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Вход в АИСУ «Параграф»");
        assertThat(Files.size(browser.screenshot("01-login"))).isPositive();

        browser.logIn("adminA", PASSWORD);
        assertThat(browser.currentPath()).isEqualTo("/orgs/" + SCHOOL_A + "/journals");
        assertThat(browser.text(By.id("journals"))).contains("Математика", "Русский язык", "Шахматы", "7А");
        browser.screenshot("02-journals");

        browser.click(By.linkText("Математика"));
        assertThat(browser.text(By.id("journal-title"))).isEqualTo("Математика 7А");
        // the page shows this month; the week's Monday, the first lesson's day, may lie in the month before
        browser.click(By.cssSelector("#month-picker a[data-month='" + monthOf(id(71)) + "']"));
        assertThat(browser.text(By.id("lessons"))).contains("Линейные уравнения", "Опубликован");
        browser.screenshot("03-journal");

        browser.click(By.id("nav-staff"));
        assertThat(browser.text(By.id("employees"))).contains("Учителев Пётр", "Учитель математики");
        browser.click(By.linkText("Учителев Пётр"));
        assertThat(browser.text(By.id("tab-general"))).isEqualTo("Общая");
        assertThat(browser.text(By.id("sferum-account")))
                .isEqualTo("Идентификатор учётной записи VK Сферум: не привязан");
        browser.screenshot("04-employee-general");

        browser.open("/journals/" + JOURNAL_B_MATHS);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Страница не найдена");
        browser.screenshot("05-other-school-not-found");
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));
    }
}
