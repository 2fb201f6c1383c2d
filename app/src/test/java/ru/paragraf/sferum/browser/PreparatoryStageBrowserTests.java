package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.paragraf.sferum.SferumApplication;

/**
 * The seed's preparatory stage clicked through in a real Chromium against the embedded demo, as it ships: embedded
 * PostgreSQL, the demo city and the in-process VK emulator with the demo schools' communities and the demo teachers'
 * VK accounts. The school admin takes the community id and token from the Demo page (the hand-down document), enters
 * them in «База ссылок» and adds the exchange task; a teacher links a VK ID through the emulator's VK ID login page;
 * the staff file «Общая» and «Готовность к работе со Сферум» then show the teacher as linked. Screenshots:
 * target/screenshots/preparatory-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreparatoryStageBrowserTests {

    static final String SFERUM_SYNC_TITLE = "Сервис выгрузки данных в Электронный дневник портала Петербургское "
            + "образование - Синхронизация чатов и ВКС с платформой VK Сферум";

    @TempDir
    static Path directory;

    ConfigurableApplicationContext application;
    Browser browser;

    @BeforeAll
    void start() {
        application = new SpringApplicationBuilder(SferumApplication.class)
                .run(
                        "--server.port=0",
                        "--sferum.embedded.database.data-directory=" + directory.resolve("pg"),
                        "--sferum.demo.enabled=true",
                        "--spring.main.banner-mode=off");
        browser = new Browser("http://localhost:" + application.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (application != null) {
            application.close();
        }
    }

    @Test
    void schoolAdminAndTeacherPassThePreparatoryStage() {
        // the hand-down document: school 1's community and its first teacher's VK account, from the Demo page
        browser.open("/demo");
        var communityId = browser.text(By.cssSelector("#demo-community-1 .demo-community-id"));
        var token = browser.text(By.cssSelector("#demo-community-1 .demo-community-token"));
        var featured = browser.waitFor(By.cssSelector("#demo-vk-accounts-1 .demo-vk-account"));
        var teacherName = cell(featured, 1);
        var teacherLogin = cell(featured, 2);
        var vkLogin = cell(featured, 3);
        var vkUserId = cell(featured, 4);
        var vkPassword = browser.text(By.cssSelector("#demo-vk-accounts-1 .demo-vk-password"));
        assertThat(teacherLogin).isEqualTo("teacher1-01");
        assertThat(vkLogin).isEqualTo("teacher1-01@vk.demo");
        assertThat(vkUserId).isEqualTo("710001001");
        scrollTo(By.id("demo-community-1"));
        browser.screenshot("preparatory-01-demo-hand-down");

        // before anything: the readiness page of the admin's school says what is missing
        browser.logIn("admin1", "demo");
        browser.click(By.id("nav-readiness"));
        assertThat(browser.title()).startsWith("Готовность к работе со Сферум — ");
        assertThat(browser.text(By.id("readiness-stage"))).isEqualTo("Этап: не подключена");
        assertThat(browser.text(By.id("credentials-state"))).isEqualTo("не введены");
        assertThat(browser.text(By.id("task-state"))).isEqualTo("Задача не добавлена.");
        assertThat(browser.text(By.id("readiness-fixes")))
                .contains("Введите идентификатор и токен сообщества VK Сферум в «Базе ссылок».")
                .contains("Добавьте задачу обмена «" + SFERUM_SYNC_TITLE + "».");
        assertThat(teacherState(teacherName)).isEqualTo("не привязан");
        browser.screenshot("preparatory-02-readiness-before");
        var readinessPath = browser.currentPath();

        // step 1: «База ссылок»
        scrollTo(By.id("open-linkbase"));
        browser.click(By.id("open-linkbase"));
        assertThat(browser.text(By.id("tab-linkbase"))).isEqualTo("База ссылок");
        browser.type(By.id("communityId"), communityId);
        browser.type(By.id("token"), token);
        browser.driver().findElement(By.id("token")).sendKeys(Keys.ENTER);
        assertThat(browser.text(By.id("community-state"))).isEqualTo("проверено ✓");
        assertThat(browser.driver().getPageSource()).doesNotContain(token);
        browser.screenshot("preparatory-03-linkbase-verified");

        // step 2: «Задачи обмена данными»
        browser.click(By.id("nav-exchange"));
        var types = new Select(browser.waitFor(By.id("task-type")));
        assertThat(types.getOptions()).extracting(WebElement::getText).containsExactly(SFERUM_SYNC_TITLE);
        browser.screenshot("preparatory-04-exchange-add-task");
        types.selectByVisibleText(SFERUM_SYNC_TITLE);
        browser.click(By.id("add-task-submit"));
        assertThat(browser.text(By.id("notice"))).startsWith("Задача добавлена.");
        assertThat(browser.driver().findElement(By.id("enabled")).isSelected()).isTrue();
        browser.screenshot("preparatory-05-exchange-task");
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));

        // step 3: the teacher links a VK ID from the diary's «Чаты» tab through VK ID's login page
        browser.logIn(teacherLogin, "demo");
        browser.click(By.id("nav-diary"));
        browser.click(By.id("diary-nav-chats"));
        assertThat(browser.currentPath()).isEqualTo("/diary/chats");
        assertThat(browser.text(By.id("vkid-not-linked"))).startsWith("VK ID не привязан");
        browser.screenshot("preparatory-06-diary-chats");
        browser.click(By.id("vkid-link"));
        browser.waitFor(By.id("vkid-login-form"));
        assertThat(browser.title()).isEqualTo("Вход — VK ID");
        browser.type(By.id("login"), vkLogin).type(By.id("password"), vkPassword);
        browser.screenshot("preparatory-07-vk-id-login");
        browser.click(By.id("submit"));
        assertThat(browser.text(By.id("vkid-status"))).isEqualTo("VK ID привязан");
        assertThat(browser.text(By.id("vkid-user-id"))).isEqualTo(vkUserId);
        browser.screenshot("preparatory-08-diary-linked");
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));

        // the admin: the id arrives in the staff file «Общая», and readiness shows the teacher as linked
        browser.logIn("admin1", "demo");
        await().atMost(Duration.ofSeconds(15)).until(() -> teacherState(browser.open(readinessPath), teacherName)
                .equals("привязан: " + vkUserId));
        // the teacher's name links the staff file; followed by its address, as a click would race smooth scrolling
        browser.driver()
                .get(browser.driver().findElement(By.linkText(teacherName)).getAttribute("href"));
        assertThat(browser.text(By.id("tab-general"))).isEqualTo("Общая");
        assertThat(browser.text(By.id("sferum-user-id"))).isEqualTo(vkUserId);
        browser.screenshot("preparatory-09-staff-file-general");

        browser.open(readinessPath);
        assertThat(browser.text(By.id("credentials-state"))).isEqualTo("проверено ✓");
        assertThat(browser.text(By.id("task-state"))).isEqualTo("включена");
        assertThat(browser.text(By.id("readiness-credentials"))).contains("Сообщество " + communityId);
        assertThat(browser.text(By.id("readiness-fixes")))
                .doesNotContain("Введите идентификатор", "Добавьте задачу обмена");
        assertThat(browser.text(By.id("readiness-stage"))).isEqualTo("Этап: задача обмена включена");
        assertThat(browser.text(By.id("step-TASK"))).contains("задача обмена включена");
        assertThat(browser.driver().findElement(By.id("step-TASK")).getAttribute("aria-current"))
                .isEqualTo("step");
        assertThat(teacherState(teacherName)).isEqualTo("привязан: " + vkUserId);
        browser.screenshot("preparatory-10-readiness-after");
        scrollTo(teacherRow(teacherName));
        browser.screenshot("preparatory-11-readiness-teachers");
    }

    /** Scrolls at once, not smoothly as Bootstrap's CSS asks: a click during smooth scrolling hits another element. */
    private void scrollTo(By target) {
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", browser.waitFor(target));
    }

    private String teacherState(Browser page, String teacherName) {
        return page.driver()
                .findElement(teacherRow(teacherName))
                .findElement(By.className("readiness-teacher-state"))
                .getText();
    }

    private static By teacherRow(String teacherName) {
        return By.xpath("//tr[contains(@class,'readiness-teacher')][td/a[normalize-space()='" + teacherName + "']]");
    }

    private String teacherState(String teacherName) {
        return teacherState(browser, teacherName);
    }

    private static String cell(WebElement row, int column) {
        return row.findElement(By.xpath("td[" + column + "]")).getText();
    }
}
