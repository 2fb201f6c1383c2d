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
        var steps = new BrowserSteps(browser, "preparatory");
        // the hand-down document: school 1's community and its first teacher's VK account, from the Demo page
        var handDown = steps.handDown(1);
        assertThat(handDown.teacherLogin()).isEqualTo("teacher1-01");
        assertThat(handDown.vkLogin()).isEqualTo("teacher1-01@vk.demo");
        assertThat(handDown.vkUserId()).isEqualTo("710001001");
        var teacherName = handDown.teacherName();

        // before anything: the readiness page of the admin's school says what is missing
        browser.logIn("admin1", "demo");
        browser.click(By.id("nav-readiness"));
        assertThat(browser.title()).startsWith("Готовность к работе со Сферум — ");
        assertThat(browser.text(By.id("readiness-stage"))).isEqualTo("Этап: не подключена");
        assertThat(browser.text(By.id("credentials-state"))).isEqualTo("не введены");
        assertThat(browser.text(By.id("task-state"))).isEqualTo("Задача не добавлена.");
        assertThat(browser.text(By.id("readiness-fixes")))
                .contains("Введите идентификатор и токен сообщества VK Сферум в «Базе ссылок».")
                .contains("Добавьте задачу обмена «" + BrowserSteps.SFERUM_SYNC_TITLE + "».");
        assertThat(teacherState(teacherName)).isEqualTo("не привязан");
        steps.shot("readiness-before");
        var readinessPath = browser.currentPath();

        // step 1: «База ссылок»; step 2: «Задачи обмена данными»
        steps.enterCommunity(handDown);
        steps.addSyncTask();
        steps.logOut();

        // step 3: the teacher links a VK ID from the diary's «Чаты» tab through VK ID's login page
        browser.logIn(handDown.teacherLogin(), "demo");
        steps.linkVkId(handDown);
        steps.logOut();

        // the admin: the id arrives in the staff file «Общая», and readiness shows the teacher as linked
        browser.logIn("admin1", "demo");
        await().atMost(Duration.ofSeconds(15)).until(() -> teacherState(browser.open(readinessPath), teacherName)
                .equals("привязан: " + handDown.vkUserId()));
        // the teacher's name links the staff file; followed by its address, as a click would race smooth scrolling
        browser.driver()
                .get(browser.driver().findElement(By.linkText(teacherName)).getAttribute("href"));
        assertThat(browser.text(By.id("tab-general"))).isEqualTo("Общая");
        assertThat(browser.text(By.id("sferum-user-id"))).isEqualTo(handDown.vkUserId());
        steps.shot("staff-file-general");

        browser.open(readinessPath);
        assertThat(browser.text(By.id("credentials-state"))).isEqualTo("проверено ✓");
        assertThat(browser.text(By.id("task-state"))).isEqualTo("включена");
        assertThat(browser.text(By.id("readiness-credentials"))).contains("Сообщество " + handDown.communityId());
        assertThat(browser.text(By.id("readiness-fixes")))
                .doesNotContain("Введите идентификатор", "Добавьте задачу обмена");
        assertThat(browser.text(By.id("readiness-stage"))).isEqualTo("Этап: задача обмена включена");
        assertThat(browser.text(By.id("step-TASK"))).contains("задача обмена включена");
        assertThat(browser.driver().findElement(By.id("step-TASK")).getAttribute("aria-current"))
                .isEqualTo("step");
        assertThat(teacherState(teacherName)).isEqualTo("привязан: " + handDown.vkUserId());
        steps.shot("readiness-after");
        steps.scrollTo(teacherRow(teacherName));
        steps.shot("readiness-teachers");
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
}
