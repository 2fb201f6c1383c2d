package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;

/**
 * One application context for the VK ID tests (in production mode, on a fresh database): the real VK emulator
 * in-process, the application's clock under the tests' control, schools A/B/C and a second teacher account, and
 * the steps of the flow as a teacher's browser takes them. Test classes extending it share the context.
 */
@SpringBootTest(
        properties = {
            "logging.level.ru.paragraf.sferum=DEBUG",
            "sferum.vkid.transfer-lock-timeout=300ms",
            "sferum.events.resubmit-every=1s",
            "sferum.secrets.keys.old=" + VkIdTestContext.OLD_KEY
        })
@AutoConfigureMockMvc
@Import(VkIdTestContext.Clocks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VkIdTestContext {

    static final VkIdWorld WORLD = VkIdWorld.start();

    /** A retired encryption key, still configured so that values sealed with it can be re-sealed. */
    static final String OLD_KEY = "T0xELWtleS1mb3Itcm90YXRpb24tdGVzdHMtMzJieXQ=";

    @DynamicPropertySource
    static void vkId(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.id-url", WORLD.vk::baseUrl);
        registry.add("sferum.vkid.client-id", () -> VkIdWorld.CLIENT_ID);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        MutableClock applicationClock() {
            return MutableClock.startingNow();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    VkIdSecrets secrets;

    @Autowired
    VkLinks links;

    @BeforeAll
    void schools() {
        if (!accounts.exists("teacherA1")) {
            SchoolFixture.insert(jdbc, accounts, LocalDate.now());
            accounts.registerAll(
                    List.of(NewAccount.teacher("teacherA2", "Словесникова М.", SCHOOL_A, TEACHER_A2)), PASSWORD);
        }
    }

    @BeforeEach
    void noLinks() {
        clock.set(java.time.Instant.now());
        WORLD.resetClock();
        jdbc.sql("delete from diary.vk_link").update();
        links.remembered().forgetAll(); // rows deleted behind the links' back
        jdbc.sql("delete from diary.vkid_authorization").update();
        for (var table : List.of("school.employee", "school.pupil", "school.parent")) {
            jdbc.sql("update " + table
                            + " set sferum_user_id = null, sferum_linked_at = null, sferum_relink_required = false")
                    .update();
        }
    }

    MockHttpSession logIn(String username) throws Exception {
        var result = mvc.perform(formLogin().user(username).password(PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** Presses «Привязать к VK ID»; returns VK ID's authorize URL that the browser is sent to. */
    String pressLink(MockHttpSession session) throws Exception {
        var response = mvc.perform(post("/diary/vkid/start").session(session).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(303);
        var location = response.getHeader("Location");
        assertThat(location).startsWith(WORLD.vk.baseUrl() + "/authorize?");
        return location;
    }

    /** The browser arrives at the callback URL VK ID redirected to; returns our answer. */
    MockHttpServletResponse arrive(MockHttpSession session, String callbackUrl) throws Exception {
        return mvc.perform(get(URI.create(callbackUrl)).session(session))
                .andReturn()
                .getResponse();
    }

    /** The whole flow: «Привязать к VK ID», log in at VK ID, back at the callback. Returns VK's callback URL. */
    String link(MockHttpSession session, String vkLogin, String vkPassword) throws Exception {
        var callback = WORLD.logIn(pressLink(session), vkLogin, vkPassword);
        var response = arrive(session, callback);
        assertThat(response.getRedirectedUrl()).isEqualTo("/diary/chats?vkid=linked");
        return callback;
    }

    String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    Long sferumUserIdOf(UUID employee) {
        return sferumUserIdIn("school.employee", employee);
    }

    /** The VK account the school's record of a pupil ({@code school.pupil}) or parent ({@code school.parent}) shows. */
    Long sferumUserIdIn(String table, UUID person) {
        return jdbc.sql("select sferum_user_id from " + table + " where id = :id")
                .param("id", person)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** Waits until every event publication is completed (and so deleted): the staff file is up to date. */
    void awaitTransfers() {
        await().atMost(Duration.ofSeconds(10)).until(() -> count("event_publication") == 0);
    }

    /** Everything a link changes: links (with their tokens), audit entries, publications, school records with VK. */
    record Footprint(List<String> links, int audit, int publications, int recordsWithVk) {}

    Footprint footprint() {
        awaitTransfers();
        return new Footprint(
                jdbc.sql(
                                "select person_id || ':' || person_kind || ':' || vk_user_id || ':' || access_token || ':' || refresh_token"
                                        + " || ':' || relink_required from diary.vk_link order by person_id")
                        .query(String.class)
                        .list(),
                count("audit.entry"),
                count("event_publication"),
                count("school.employee where sferum_user_id is not null")
                        + count("school.pupil where sferum_user_id is not null")
                        + count("school.parent where sferum_user_id is not null"));
    }
}
