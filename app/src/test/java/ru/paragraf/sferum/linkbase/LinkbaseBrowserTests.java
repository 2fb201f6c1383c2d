package ru.paragraf.sferum.linkbase;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_A;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_A;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_B;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_C;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
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

/**
 * The seed's step 1 in a real browser: the school admin enters the community id and token handed down for a demo-like
 * community and sees «проверено ✓»; the city operator sees the state and hands down the other schools' by CSV.
 * Screenshots: target/screenshots/linkbase-*.png.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sferum.linkbase.recheck.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkbaseBrowserTests {

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
    static void vk(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.api-url", LinkbaseWorld.emulator::baseUrl);
    }

    @BeforeAll
    void start() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        LinkbaseWorld.reset();
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    /** Enter in the token field, as people do; a click would race Bootstrap's smooth scrolling to the button. */
    private void submit() {
        browser.driver().findElement(By.id("token")).sendKeys(Keys.ENTER);
    }

    @Test
    void schoolAdminEntersTheCommunityAndOperatorHandsDownTheRest(@TempDir Path files) throws Exception {
        browser.logIn("adminA", PASSWORD);
        browser.click(By.id("nav-linkbase"));
        assertThat(browser.currentPath()).isEqualTo("/orgs/" + SCHOOL_A + "/linkbase");
        assertThat(browser.text(By.id("tab-linkbase"))).isEqualTo("База ссылок");
        assertThat(browser.text(By.id("linkbase-empty"))).isEqualTo("Данные сообщества VK Сферум ещё не введены.");
        browser.screenshot("linkbase-01-empty");

        browser.type(By.id("communityId"), "club227000011");
        browser.type(By.id("token"), TOKEN_A);
        submit();
        assertThat(browser.text(By.id("communityId-error")))
                .startsWith("Идентификатор сообщества — целое число из цифр");
        assertThat(browser.driver().findElement(By.id("token")).getAttribute("value"))
                .isEmpty();
        browser.screenshot("linkbase-02-invalid-id");

        browser.type(By.id("communityId"), "227000011");
        browser.type(By.id("token"), TOKEN_B);
        submit();
        assertThat(browser.text(By.id("form-error")))
                .startsWith("Данные не сохранены: токен выдан для другого сообщества");
        browser.screenshot("linkbase-03-token-of-another-community");

        browser.type(By.id("communityId"), "227000011");
        browser.type(By.id("token"), TOKEN_A);
        submit();
        assertThat(browser.text(By.id("community-state"))).isEqualTo("проверено ✓");
        assertThat(browser.text(By.id("linkbase-notice")))
                .isEqualTo("Данные сообщества сохранены и проверены в VK Сферум ✓");
        assertThat(browser.text(By.id("community-name"))).isEqualTo("ГБОУ школа № 622 — Сферум");
        assertThat(browser.text(By.id("community-token"))).isEqualTo("vk1.a.****…9f3c");
        assertThat(browser.driver().getPageSource()).doesNotContain(TOKEN_A);
        assertThat(Files.size(browser.screenshot("linkbase-04-verified"))).isPositive();
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));

        browser.logIn("city", PASSWORD);
        browser.click(By.id("nav-linkbase"));
        assertThat(browser.text(By.id("linkbase-organizations")))
                .contains("Школа A", "227000011", "проверено ✓", "Школа B", "не введены");
        browser.screenshot("linkbase-05-overview");

        browser.click(By.id("linkbase-import"));
        var csv = Files.writeString(
                files.resolve("handdown.csv"),
                "\uFEFFКод ОО;Идентификатор сообщества;Токен\nB-002;227000012;%s\nC-003;227000013;%s\nZ-404;1;%s\n"
                        .formatted(TOKEN_B, TOKEN_C, TOKEN_C));
        browser.driver()
                .findElement(By.id("linkbase-file"))
                .sendKeys(csv.toAbsolutePath().toString());
        browser.click(By.id("linkbase-upload"));
        assertThat(browser.text(By.id("handdown-summary")))
                .isEqualTo(
                        "Строк в файле: 3. Проверено: 2, не проверено из-за недоступности VK Сферум: 0, с ошибками: 1. "
                                + "Применены будут только строки без ошибок.");
        browser.screenshot("linkbase-06-handdown-preview");
        browser.click(By.id("handdown-apply"));
        assertThat(browser.text(By.id("linkbase-notice")))
                .isEqualTo("Применено строк: 2. Данные сохранены в «Базе ссылок» организаций.");
        assertThat(browser.text(By.id("handdown-rows"))).contains("применено, проверено ✓", "ошибка");
        browser.screenshot("linkbase-07-handdown-applied");

        browser.click(By.linkText("Система мониторинга информационных ресурсов"));
        assertThat(browser.text(By.id("linkbase-counts"))).contains("проверено: 3");
        browser.click(By.id("logout"));
    }
}
