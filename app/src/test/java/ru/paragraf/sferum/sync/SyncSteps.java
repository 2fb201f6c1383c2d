package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.paragraf.sferum.EverydaySteps;
import ru.paragraf.sferum.SchoolFixture;

/** What the synchronization tests do as the school's people: API calls, pages, VK ID linking, waiting for the queue. */
record SyncSteps(MockMvc mvc, JdbcClient jdbc, SyncWorld world) {

    /** Calls the API as {@code who} and expects a 2xx answer; returns its body. */
    String api(String who, MockHttpServletRequestBuilder request, String body) throws Exception {
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

    String html(String who, String path) throws Exception {
        return mvc.perform(get(path).session(login(who)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    MockHttpSession login(String who) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(who).password(PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    }

    /**
     * School A connected as its admin does it in «База ссылок» and «Задачи обмена»: the community's credentials saved
     * and verified by VK, an SFERUM_SYNC task created from {@code taskJson}, and teacher A1's VK ID linked. Returns
     * the task's id.
     */
    UUID connectSchoolA(String taskJson) throws Exception {
        assertThat(api(
                        "adminA",
                        put("/api/orgs/" + SchoolFixture.SCHOOL_A + "/sferum-community"),
                        "{\"communityId\": %d, \"token\": \"%s\"}".formatted(SyncWorld.COMMUNITY_A, SyncWorld.TOKEN_A)))
                .contains("VERIFIED");
        var task = createTask("adminA", SchoolFixture.SCHOOL_A, taskJson);
        linkVkId(
                "teacherA1",
                SchoolFixture.TEACHER_A1,
                SyncWorld.TEACHER_A1_VK,
                SyncWorld.TEACHER_A1_LOGIN,
                SyncWorld.TEACHER_A1_PASSWORD);
        return task;
    }

    /** School A connected with an enabled SFERUM_SYNC task on its default schedule ({@link #connectSchoolA(String)}). */
    UUID connectSchoolA() throws Exception {
        return connectSchoolA(ENABLED_TASK);
    }

    /** {@code admin} creates {@code school}'s exchange task from {@code taskJson} in «Задачи обмена»; returns its id. */
    UUID createTask(String admin, UUID school, String taskJson) throws Exception {
        return UUID.fromString(EverydaySteps.json(api(admin, post("/api/orgs/" + school + "/exchange-tasks"), taskJson))
                .get("id")
                .asString());
    }

    /** {@code admin} puts {@code school} on MAX in «База ссылок» with its bot's token, and MAX verifies the token. */
    void chooseMax(String admin, UUID school, String botToken) throws Exception {
        assertThat(api(
                        admin,
                        put("/api/orgs/" + school + "/messenger"),
                        "{\"messenger\": \"MAX\", \"botToken\": \"" + botToken + "\"}"))
                .contains("VERIFIED");
    }

    /**
     * {@code school} connected on MAX as its admin does it: the bot's token in «База ссылок» ({@link #chooseMax}) and an
     * SFERUM_SYNC task due once a year ({@link #YEARLY_TASK}). Returns the task's id.
     */
    UUID connectOnMax(String admin, UUID school, String botToken) throws Exception {
        chooseMax(admin, school, botToken);
        return createTask(admin, school, YEARLY_TASK);
    }

    /**
     * {@code journal} asks for a subject chat, and its {@code lesson} is a published video lesson on {@code date} at
     * 10:00 (set in the database: what a VK school would get a chat and a call for).
     */
    void chatAndVideoLessonRequested(UUID journal, UUID lesson, LocalDate date) {
        jdbc.sql("update school.journal set subject_chat_requested = true where id = :journal")
                .param("journal", journal)
                .update();
        jdbc.sql(
                        """
                        update school.lesson set lesson_date = :date, starts_at = '10:00', format = 'VIDEO_CALL',
                                                 publication = 'PUBLISHED'
                        where id = :lesson""")
                .param("date", date)
                .param("lesson", lesson)
                .update();
    }

    /**
     * A chat {@code teacher} made in MAX and handed to the school's {@code bot} ({@link MaxWorld#chatHandedToBot}),
     * bound to {@code journal} as adoption leaves it: an ACTIVE chat of the bot titled {@code title}. Returns the
     * chat's id.
     */
    long adoptedMaxChat(MaxWorld max, UUID school, UUID journal, long teacher, long bot, String title, Clock clock) {
        var chat = max.chatHandedToBot(teacher, bot, title);
        var now = OffsetDateTime.now(clock);
        jdbc.sql(
                        """
                        insert into sync.chat (organization_id, journal_id, academic_year_id, community_id, title, state,
                                               chat_id, created_at, updated_at)
                        values (:school, :journal, :year, :bot, :title, 'ACTIVE', :chat, :now, :now)""")
                .param("school", school)
                .param("journal", journal)
                .param("year", SchoolFixture.YEAR)
                .param("bot", bot)
                .param("title", title)
                .param("chat", chat)
                .param("now", now)
                .update();
        return chat;
    }

    static final String ENABLED_TASK = "{\"type\":\"SFERUM_SYNC\",\"enabled\":true}";

    /** An SFERUM_SYNC task due once a year: no scheduled run stands in for what the test makes happen. */
    static final String YEARLY_TASK = "{\"type\":\"SFERUM_SYNC\",\"cron\":\"0 0 3 1 1 ?\",\"enabled\":true}";

    /** Links {@code who}'s VK ID through VK ID's login page and waits until the staff file has it. */
    void linkVkId(String who, UUID employee, long vkUser, String vkLogin, String vkPassword) throws Exception {
        var session = login(who);
        var start = mvc.perform(post("/diary/vkid/start").session(session).with(csrf()))
                .andReturn()
                .getResponse();
        var callback = world.logIn(start.getHeader("Location"), vkLogin, vkPassword);
        var back = mvc.perform(get(URI.create(callback)).session(session))
                .andReturn()
                .getResponse();
        assertThat(back.getRedirectedUrl()).isEqualTo("/diary/chats?vkid=linked");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select sferum_user_id from school.employee where id = :id")
                                .param("id", employee)
                                .query(Long.class)
                                .optional()
                                .orElse(0L)
                        == vkUser);
    }

    /** Runs the SFERUM_SYNC task now, as «Запустить сейчас» does, and waits until the run and its operations end. */
    UUID runNow(String who, UUID task) throws Exception {
        var run = UUID.fromString(
                ru.paragraf.sferum.EverydaySteps.json(api(who, post("/api/exchange-tasks/" + task + "/runs"), null))
                        .get("id")
                        .asString());
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select status from exchange.run where id = :run")
                .param("run", run)
                .query(String.class)
                .single()
                .matches("SUCCEEDED|PARTIAL|FAILED"));
        settle();
        return run;
    }

    /** Waits until the queue is empty and nothing is running. */
    void settle() {
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofMillis(300)).until(() -> openOperations() == 0);
    }

    int openOperations() {
        return count("sync.operation where status in ('PENDING', 'RUNNING')");
    }

    int count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }
}
