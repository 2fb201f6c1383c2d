package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.paragraf.sferum.SchoolFixture.*;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * The seed's step 3 in a real browser: a teacher links a VK ID in the diary's «Чаты» tab through the emulator's
 * VK ID login page, and the school admin then finds the VK Sferum account id in the staff file «Общая». A pupil
 * links their own VK ID the same way (issue 15).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VkIdBrowserTests {

    static final String CLIENT_ID = "51900077";
    static final long VK_USER = 700200001L, SECOND_VK_USER = 700200002L, PUPIL_VK_USER = 700200003L;
    static final VkEmulator VK = VkEmulator.start(Seed.of(
            List.of(),
            List.of(
                    Seed.User.of(VK_USER, "Пётр", "Учителев", "p.uchitelev@vk.test", "vk-secret"),
                    Seed.User.of(SECOND_VK_USER, "Мария", "Словесникова", "m.slovesnikova@vk.test", "vk-secret-2"),
                    Seed.User.of(PUPIL_VK_USER, "Алиса", "Ученикова", "a.uchenikova@vk.test", "vk-secret-3")),
            List.of()));

    @DynamicPropertySource
    static void vkId(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.id-url", VK::baseUrl);
        registry.add("sferum.vkid.client-id", () -> CLIENT_ID);
    }

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
        accounts.registerAll(
                List.of(NewAccount.teacher("teacherA2", "Словесникова М.", SCHOOL_A, TEACHER_A2)), PASSWORD);
        VK.addClient(Seed.Client.of(CLIENT_ID, "http://localhost:" + port + "/diary/vkid/callback"));
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
        VK.close();
    }

    @Test
    void teacherLinksVkIdAndTheSchoolAdminSeesItInTheStaffFile() {
        browser.logIn("teacherA1", PASSWORD);
        browser.click(By.id("nav-diary"));
        browser.click(By.id("diary-nav-chats"));
        assertThat(browser.currentPath()).isEqualTo("/diary/chats");
        assertThat(browser.text(By.id("vkid-not-linked"))).startsWith("VK ID не привязан");
        browser.screenshot("vkid-01-chats-not-linked");

        browser.click(By.id("vkid-link"));
        browser.waitFor(By.id("vkid-login-form"));
        assertThat(browser.title()).isEqualTo("Вход — VK ID");
        browser.type(By.id("login"), "p.uchitelev@vk.test").type(By.id("password"), "vk-secret");
        browser.screenshot("vkid-02-vk-id-login");
        browser.click(By.id("submit"));

        assertThat(browser.text(By.id("vkid-status"))).isEqualTo("VK ID привязан");
        assertThat(browser.text(By.id("vkid-user-id"))).isEqualTo(String.valueOf(VK_USER));
        assertThat(browser.text(By.id("vkid-notice"))).startsWith("VK ID привязан.");
        assertThat(browser.currentPath()).isEqualTo("/diary/chats?vkid=linked");
        browser.screenshot("vkid-03-chats-linked");
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));

        browser.logIn("adminA", PASSWORD);
        browser.open("/staff/" + TEACHER_A1);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.open("/staff/" + TEACHER_A1)
                .text(By.id("sferum-account"))
                .contains(String.valueOf(VK_USER)));
        assertThat(browser.text(By.id("sferum-account")))
                .startsWith("Идентификатор учётной записи VK Сферум: " + VK_USER)
                .contains("Привязан ");
        browser.screenshot("vkid-04-staff-file-general");
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));
    }

    @Test
    void teacherCancelsAtVkIdThenUnlinksAfterConfirming() {
        browser.logIn("teacherA2", PASSWORD);
        browser.open("/diary/chats").click(By.id("vkid-link"));
        browser.click(By.id("cancel"));
        assertThat(browser.text(By.id("vkid-failure"))).isEqualTo("Не удалось привязать VK ID");
        assertThat(browser.text(By.id("vkid-failure-reason"))).contains("отменили вход в VK ID");
        browser.screenshot("vkid-05-cancelled-at-vk-id");

        browser.click(By.id("vkid-back")).click(By.id("vkid-link"));
        browser.type(By.id("login"), "m.slovesnikova@vk.test").type(By.id("password"), "vk-secret-2");
        browser.click(By.id("submit"));
        assertThat(browser.text(By.id("vkid-user-id"))).isEqualTo(String.valueOf(SECOND_VK_USER));

        browser.click(By.id("vkid-unlink"));
        assertThat(browser.text(By.id("vkid-unlink-title"))).isEqualTo("Отвязать VK ID?");
        browser.screenshot("vkid-06-unlink-confirmation");
        browser.click(By.id("vkid-unlink-confirm"));
        assertThat(browser.text(By.id("vkid-notice"))).startsWith("VK ID отвязан");
        assertThat(browser.text(By.id("vkid-link"))).isEqualTo("Привязать к VK ID");
        browser.screenshot("vkid-07-unlinked");
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));
    }

    @Test
    void pupilLinksVkIdInChatsAndSeesItLinked() {
        browser.logIn("pupilA", PASSWORD);
        browser.click(By.id("diary-nav-chats"));
        assertThat(browser.currentPath()).isEqualTo("/diary/chats");
        assertThat(browser.text(By.id("vkid-not-linked")))
                .startsWith("VK ID не привязан")
                .contains("вы будете добавлены в чаты ваших предметов автоматически");
        browser.screenshot("vkid-08-pupil-chats-not-linked");

        browser.click(By.id("vkid-link"));
        browser.waitFor(By.id("vkid-login-form"));
        assertThat(browser.title()).isEqualTo("Вход — VK ID");
        browser.type(By.id("login"), "a.uchenikova@vk.test").type(By.id("password"), "vk-secret-3");
        browser.click(By.id("submit"));

        assertThat(browser.text(By.id("vkid-status"))).isEqualTo("VK ID привязан");
        assertThat(browser.text(By.id("vkid-user-id"))).isEqualTo(String.valueOf(PUPIL_VK_USER));
        assertThat(browser.text(By.id("vkid-notice")))
                .isEqualTo("VK ID привязан. Вы будете добавлены в чаты ваших предметов автоматически.");
        assertThat(browser.currentPath()).isEqualTo("/diary/chats?vkid=linked");
        browser.screenshot("vkid-09-pupil-chats-linked");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> PUPIL_VK_USER
                        == jdbc.sql("select coalesce(sferum_user_id, 0) from school.pupil where id = :id")
                                .param("id", PUPIL_A)
                                .query(Long.class)
                                .single());
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));
    }
}
