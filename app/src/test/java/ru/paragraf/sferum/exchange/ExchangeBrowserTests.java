package ru.paragraf.sferum.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.paragraf.sferum.browser.Browser;

/**
 * A school admin works with «Задачи обмена данными» in a real Chromium: adds a task, watches a run's progress bar
 * move by htmx polling under the application's CSP, and reads a run's errors. Screenshots go to
 * target/screenshots/exchange-*.png.
 */
class ExchangeBrowserTests extends ExchangeContextTests {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void schoolAdminAddsATaskRunsItAndWatchesTheProgress() throws Exception {
        ExchangeFixture.insert(jdbc);
        browser.logIn("adminA", PASSWORD);

        browser.click(By.id("nav-exchange"));
        assertThat(browser.text(By.id("exchange-tasks")))
                .contains("Сервис выгрузки данных в Электронный дневник портала Петербургское образование - "
                        + "Синхронизация чатов и ВКС с платформой VK Сферум");
        new Select(browser.waitFor(By.id("task-type"))).selectByValue("TEST_GATED");
        browser.click(By.id("add-task-submit"));
        assertThat(browser.text(By.id("notice"))).startsWith("Задача добавлена.");
        assertThat(browser.text(By.id("schedule-words"))).isEqualTo("Сейчас задача запускается каждые 10 минут.");
        browser.click(By.id("preset-DAILY"));
        assertThat(browser.waitFor(By.id("daily-at")).getAttribute("value")).isEqualTo("06:00");
        browser.click(By.id("save-schedule"));
        assertThat(browser.text(By.id("schedule-words"))).isEqualTo("Сейчас задача запускается ежедневно в 06:00.");
        assertThat(browser.text(By.id("next-runs")).lines()).hasSize(3);
        browser.screenshot("exchange-task");

        browser.click(By.id("breadcrumb-tasks"));
        assertThat(browser.text(By.id("exchange-tasks"))).contains("TEST_GATED", "ежедневно в 06:00");
        browser.screenshot("exchange-tasks");

        browser.driver().navigate().back();
        browser.click(By.id("run-now"));
        assertThat(gate.entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
        waitForText(By.id("run-processed"), "Обработано 3 из 10");
        assertThat(browser.waitFor(By.id("run-progress-bar")).getAttribute("value"))
                .isEqualTo("30");
        assertThat(browser.text(By.id("run-status"))).isEqualTo("Выполняется");
        browser.screenshot("exchange-run-progress");

        gate.open.release();
        waitForText(By.id("run-status"), "Успешно");
        assertThat(browser.text(By.id("run-items"))).contains("Employee 10");
        assertThat(browser.text(By.id("run-processed"))).isEqualTo("Обработано 10 из 10");
        browser.screenshot("exchange-run");

        browser.open("/exchange-runs/" + ExchangeFixture.RUN_A);
        browser.click(By.id("errors-only"));
        browser.click(By.id("items-filter-submit"));
        assertThat(browser.text(By.id("run-items"))).contains("Not linked").doesNotContain("Успешно");
        browser.screenshot("exchange-run-errors");

        browser.open("/exchange-runs/" + ExchangeFixture.RUN_B);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Страница не найдена");
    }

    /** Found anew at every look: the page's polling replaces the element between finding it and reading it. */
    private void waitForText(By target, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(target).getText().equals(text));
    }
}
