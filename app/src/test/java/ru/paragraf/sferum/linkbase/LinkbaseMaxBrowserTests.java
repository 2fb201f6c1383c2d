package ru.paragraf.sferum.linkbase;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_A;
import static ru.paragraf.sferum.linkbase.LinkbaseMaxWorld.BOT_TOKEN_A;
import static ru.paragraf.sferum.linkbase.LinkbaseMaxWorld.WRONG_BOT_TOKEN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.browser.Browser;
import ru.paragraf.sferum.secrets.SecretMask;

/**
 * A school admin chooses MAX in «База ссылок», enters the school's bot token and sees the bot MAX named with «проверено
 * ✓» and the masked token. Screenshots: target/screenshots/linkbase-max-*.png, copied to /tmp/i18-max/.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sferum.linkbase.recheck.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkbaseMaxBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    Browser browser;

    @DynamicPropertySource
    static void messengers(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.api-url", LinkbaseWorld.emulator::baseUrl);
        registry.add("sferum.max.api-url", LinkbaseMaxWorld.emulator::baseUrl);
    }

    @BeforeAll
    void start() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        LinkbaseMaxWorld.reset();
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private void submit() {
        browser.driver().findElement(By.id("botToken")).sendKeys(Keys.ENTER);
    }

    private void screenshot(String name) throws Exception {
        var shot = browser.screenshot(name);
        var copies = Files.createDirectories(Path.of("/tmp/i18-max"));
        Files.copy(shot, copies.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isPositive();
    }

    @Test
    void schoolAdminEntersTheMaxBotToken() throws Exception {
        browser.logIn("adminA", PASSWORD);
        browser.click(By.id("nav-linkbase"));
        assertThat(browser.currentPath()).isEqualTo("/orgs/" + SCHOOL_A + "/linkbase");
        assertThat(browser.text(By.id("messenger-choice"))).contains("VK Сферум", "MAX");
        screenshot("linkbase-max-01-choice");

        browser.click(By.id("messenger-max"));
        browser.type(By.id("botToken"), WRONG_BOT_TOKEN);
        submit();
        assertThat(browser.text(By.id("form-error"))).startsWith("MAX отклонил токен: токен бота MAX недействителен");
        assertThat(browser.driver().findElement(By.id("messenger-max")).isSelected())
                .as("the choice stays MAX")
                .isTrue();
        assertThat(browser.driver().getPageSource()).doesNotContain(WRONG_BOT_TOKEN);
        screenshot("linkbase-max-02-refused");

        browser.type(By.id("botToken"), BOT_TOKEN_A);
        submit();
        assertThat(browser.text(By.id("bot-state"))).isEqualTo("@school622_bot, проверено ✓");
        assertThat(browser.text(By.id("linkbase")))
                .contains("Мессенджер школы: MAX")
                .doesNotContain("Сообщество VK Сферум");
        assertThat(browser.text(By.id("linkbase-notice"))).isEqualTo("Токен бота сохранён и проверен в MAX ✓");
        assertThat(browser.text(By.id("bot-name"))).isEqualTo(LinkbaseMaxWorld.BOT_A_NAME);
        assertThat(browser.text(By.id("bot-token"))).isEqualTo(SecretMask.mask(BOT_TOKEN_A));
        assertThat(browser.driver().getPageSource()).doesNotContain(BOT_TOKEN_A);
        screenshot("linkbase-max-03-verified");

        browser.click(By.id("bot-verify"));
        assertThat(browser.text(By.id("linkbase-notice"))).isEqualTo("Проверка бота MAX: @school622_bot, проверено ✓");
        browser.click(By.id("logout"));
    }
}
