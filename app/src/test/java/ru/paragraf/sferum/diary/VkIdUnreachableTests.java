package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.paragraf.sferum.SchoolFixture.*;
import static ru.paragraf.sferum.diary.VkIdTamperingTests.parameter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.school.PersonKind;

/**
 * VK ID does not answer (nothing listens at {@code sferum.vk.id-url}): linking fails with a clear page and
 * changes nothing, unlinking still unlinks here and says that VK did not confirm, and token refresh is
 * postponed without touching the link.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VkIdUnreachableTests {

    static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void deadVkId(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.id-url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("sferum.vkid.client-id", () -> VkIdWorld.CLIENT_ID);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @Autowired
    VkLinks links;

    @Autowired
    VkIdSecrets secrets;

    @Autowired
    PersonVkAccess access;

    MockHttpSession teacher;

    @BeforeAll
    void schools() throws Exception {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        var login =
                mvc.perform(formLogin().user("teacherA1").password(PASSWORD)).andReturn();
        teacher = (MockHttpSession) login.getRequest().getSession(false);
    }

    @BeforeEach
    void noLink() {
        jdbc.sql("delete from diary.vk_link").update();
        links.remembered().forgetAll();
    }

    @Test
    void linkingFailsWithAClearPageAndStoresNothing() throws Exception {
        var authorize = mvc.perform(post("/diary/vkid/start").session(teacher).with(csrf()))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        var callback = "http://localhost/diary/vkid/callback?code=some-code&device_id=device&state="
                + parameter(authorize, "state");

        var response = mvc.perform(get(URI.create(callback)).session(teacher))
                .andReturn()
                .getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/diary/vkid/failure?reason=VK_UNAVAILABLE");
        assertThat(mvc.perform(get(response.getRedirectedUrl()).session(teacher))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("VK ID сейчас не отвечает");
        assertThat(links.find(TEACHER_A1)).isEmpty();
    }

    @Test
    void unlinkingStillUnlinksAndSaysThatVkDidNotConfirm() throws Exception {
        storeLink(OffsetDateTime.now(clock).plusHours(1));

        var response = mvc.perform(post("/diary/vkid/unlink").session(teacher).with(csrf()))
                .andReturn()
                .getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/diary/chats?vkid=unlinked-vk-unreachable");
        assertThat(mvc.perform(get(response.getRedirectedUrl()).session(teacher))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("VK ID не подтвердил отзыв доступа", "Привязать к VK ID");
        assertThat(links.find(TEACHER_A1)).isEmpty();
        assertThat(jdbc.sql("select details ->> 'revokedAtVk' from audit.entry where action = 'VK_ID_UNLINKED'")
                        .query(String.class)
                        .single())
                .isEqualTo("false");
    }

    @Test
    void refreshIsPostponedWithoutTouchingTheLink() {
        storeLink(OffsetDateTime.now(clock).plusMinutes(1));
        var before = links.find(TEACHER_A1).orElseThrow();

        assertThat(access.accessFor(TEACHER_A1)).isEqualTo(new VkAccess.Unavailable());

        var after = links.find(TEACHER_A1).orElseThrow();
        assertThat(after.sealedRefreshToken()).isEqualTo(before.sealedRefreshToken());
        assertThat(after.relinkRequired()).isFalse();
    }

    private void storeLink(OffsetDateTime accessExpiresAt) {
        var now = OffsetDateTime.now(clock);
        links.save(new VkLink(
                TEACHER_A1,
                PersonKind.EMPLOYEE,
                SCHOOL_A,
                TEACHER_A1,
                700400001L,
                secrets.sealAccessToken(TEACHER_A1, "access-token-of-an-unreachable-vk"),
                accessExpiresAt,
                secrets.sealRefreshToken(TEACHER_A1, "refresh-token-of-an-unreachable-vk"),
                "device",
                "vkid.personal_info",
                now,
                null,
                false));
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
