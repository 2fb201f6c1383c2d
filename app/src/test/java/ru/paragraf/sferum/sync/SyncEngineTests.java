package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;

/**
 * The everyday flow against the real emulator, step by step as the school lives it: the school is connected
 * (credentials, task, a teacher's VK ID), the teacher asks for a subject chat and publishes a video lesson, and
 * the chat, the call and the message with the link appear exactly once.
 */
@SpringBootTest(properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEngineTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final UUID MATHS_LESSON = id(72), RUSSIAN_LESSON = id(73);

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.api-url", WORLD.vk::baseUrl);
        registry.add("sferum.vk.id-url", WORLD.vk::baseUrl);
        registry.add("sferum.vkid.client-id", () -> SyncWorld.CLIENT_ID);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    LocalDate tomorrow;

    @BeforeAll
    void connectSchoolA() throws Exception {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        tomorrow = LocalDate.now(clock).plusDays(1);
        var credentials = api(
                "adminA",
                put("/api/orgs/" + SCHOOL_A + "/sferum-community"),
                "{\"communityId\": %d, \"token\": \"%s\"}".formatted(SyncWorld.COMMUNITY_A, SyncWorld.TOKEN_A));
        assertThat(credentials).contains("VERIFIED");
        api("adminA", post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"), "{\"type\":\"SFERUM_SYNC\",\"enabled\":true}");
        linkVkId("teacherA1", SyncWorld.TEACHER_A1_LOGIN, SyncWorld.TEACHER_A1_PASSWORD);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select sferum_user_id from school.employee where id = :id")
                                .param("id", TEACHER_A1)
                                .query(Long.class)
                                .optional()
                                .orElse(0L)
                        == SyncWorld.TEACHER_A1_VK);
        for (var lesson : new UUID[] {MATHS_LESSON, RUSSIAN_LESSON}) {
            api(
                    "adminA",
                    put("/api/lessons/" + lesson),
                    "{\"date\":\"%s\",\"startsAt\":\"10:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                            .formatted(tomorrow));
        }
    }

    @Test
    @Order(1)
    void subjectChatIsCreatedOnlyWhenTheFirstVideoLessonIsPublished() throws Exception {
        api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        api("teacherA1", put("/api/lessons/" + MATHS_LESSON + "/video-call"), "{\"on\": true}");
        settle();
        assertThat(WORLD.vk.chats())
                .as("no chat before a video lesson is published")
                .isEmpty();

        api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/publish"), null);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !WORLD.vk.chats().isEmpty()
                        && !WORLD.vk.chats().get(0).textMessages().isEmpty());
        var chat = WORLD.vk.chats().get(0);
        assertThat(chat.title()).isEqualTo("Математика 7А");
        assertThat(chat.ownerId()).isEqualTo(-SyncWorld.COMMUNITY_A);
        assertThat(chat.activeMembers()).extracting(m -> m.memberId()).contains(SyncWorld.TEACHER_A1_VK);
        assertThat(WORLD.vk.calls()).singleElement().satisfies(call -> {
            assertThat(call.startedBy()).isEqualTo(SyncWorld.TEACHER_A1_VK);
            assertThat(chat.textMessages()).singleElement().satisfies(message -> assertThat(message.text())
                    .contains(call.joinLink())
                    .contains("Математика 7А")
                    .contains("10:00"));
        });
    }

    @Test
    @Order(2)
    void theJournalShowsTheChatAndTheLessonsLink() throws Exception {
        var page = html("teacherA1", "/journals/" + JOURNAL_A_MATHS);
        assertThat(page).contains("создан").contains("https://vk.me/join/").contains("Присоединиться к звонку");
        assertThat(page).contains(WORLD.vk.calls().get(0).joinLink());
    }

    @Test
    @Order(3)
    void replayedEventsAndRepeatedPlanningCreateNothingTwice() throws Exception {
        for (int i = 0; i < 3; i++) {
            api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/withdraw"), null);
            api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/publish"), null);
        }
        settle();
        assertThat(WORLD.vk.chats()).hasSize(1);
        assertThat(openOperations()).isZero();
    }

    @Test
    @Order(4)
    void withdrawingAVideoLessonFinishesItsCallAndHidesTheLink() throws Exception {
        api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/withdraw"), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> WORLD.vk.calls().stream()
                .allMatch(call -> call.state().equals("finished")));
        settle();
        var page = html("teacherA1", "/journals/" + JOURNAL_A_MATHS);
        WORLD.vk.calls().forEach(call -> assertThat(page).doesNotContain(call.joinLink()));
    }

    @Test
    @Order(5)
    void aVideoLessonOfATeacherWithoutVkIdIsAnErrorWithWhatToDo() throws Exception {
        api("adminA", put("/api/lessons/" + RUSSIAN_LESSON + "/video-call"), "{\"on\": true}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from sync.call where lesson_id = :lesson and state = 'FAILED'")
                                .param("lesson", RUSSIAN_LESSON)
                                .query(Integer.class)
                                .single()
                        == 1);
        var page = html("adminA", "/journals/" + JOURNAL_A_RUSSIAN);
        assertThat(page).contains("ошибка").contains("Словесникова Мария").contains("не привязал VK ID");
    }

    /** Waits until the queue is empty and nothing is running. */
    private void settle() {
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofMillis(300)).until(() -> openOperations() == 0);
    }

    private int openOperations() {
        return jdbc.sql("select count(*) from sync.operation where status in ('PENDING', 'RUNNING')")
                .query(Integer.class)
                .single();
    }

    private String api(String who, MockHttpServletRequestBuilder request, String body) throws Exception {
        request.with(httpBasic(who, PASSWORD));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus())
                .as("%s → %s", who, response.getContentAsString())
                .isBetween(200, 299);
        return response.getContentAsString();
    }

    private String html(String who, String path) throws Exception {
        return mvc.perform(get(path).session(login(who)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private MockHttpSession login(String who) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(who).password(PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    }

    private void linkVkId(String who, String vkLogin, String vkPassword) throws Exception {
        var session = login(who);
        var start = mvc.perform(post("/diary/vkid/start").session(session).with(csrf()))
                .andReturn()
                .getResponse();
        var callback = WORLD.logIn(start.getHeader("Location"), vkLogin, vkPassword);
        var back = mvc.perform(get(URI.create(callback)).session(session))
                .andReturn()
                .getResponse();
        assertThat(back.getRedirectedUrl()).isEqualTo("/diary/chats?vkid=linked");
    }
}
