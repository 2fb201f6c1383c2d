package ru.paragraf.sferum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_A;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The everyday flow's steps as people take them, through MockMvc against the real application: API calls with
 * HTTP Basic, pages with a logged-in session, connecting school A to {@link EverydayWorld}'s community, linking a
 * teacher's VK ID through the emulator's login page, and waiting until the sync queue is empty.
 */
public final class EverydaySteps {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final EverydayWorld world;
    private final Map<String, MockHttpSession> sessions = new HashMap<>();

    public EverydaySteps(MockMvc mvc, JdbcClient jdbc, EverydayWorld world) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.world = world;
    }

    /** Enters and verifies school A's community and adds an enabled SFERUM_SYNC task; returns the task's id. */
    public UUID connectSchoolA() {
        var credentials = api(
                "adminA",
                put("/api/orgs/" + SCHOOL_A + "/sferum-community"),
                "{\"communityId\": %d, \"token\": \"%s\"}".formatted(EverydayWorld.COMMUNITY_A, EverydayWorld.TOKEN_A));
        assertThat(credentials).contains("VERIFIED");
        var task = json(api(
                "adminA",
                post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"),
                "{\"type\":\"SFERUM_SYNC\",\"enabled\":true}"));
        return UUID.fromString(task.get("id").asString());
    }

    /** The teacher links a VK ID in the diary (again); waits until the working link has reached the staff file. */
    public void linkVkId(String who, UUID employee, String vkLogin, String vkPassword, long vkUser) {
        var session = login(who);
        var start = perform(post("/diary/vkid/start").session(session).with(csrf()));
        var callback = world.logIn(start.getHeader("Location"), vkLogin, vkPassword);
        var back = perform(get(URI.create(callback)).session(session));
        assertThat(back.getRedirectedUrl()).isEqualTo("/diary/chats?vkid=linked");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        """
                                        select count(*) from school.employee
                                        where id = :id and sferum_user_id = :vkUser and not sferum_relink_required""")
                                .param("id", employee)
                                .param("vkUser", vkUser)
                                .query(Integer.class)
                                .single()
                        == 1);
    }

    /** Moves a lesson to the given day at the given time through the API. */
    public void moveLesson(UUID lesson, LocalDate day, String time) {
        api(
                "adminA",
                put("/api/lessons/" + lesson),
                "{\"date\":\"%s\",\"startsAt\":\"%s\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                        .formatted(day, time));
    }

    /** An API call that must succeed; returns the body. */
    public String api(String who, MockHttpServletRequestBuilder request, @Nullable String body) {
        var response = apiResponse(who, request, body);
        assertThat(response.getStatus()).as("%s → %s", who, contentOf(response)).isBetween(200, 299);
        return contentOf(response);
    }

    public MockHttpServletResponse apiResponse(
            String who, MockHttpServletRequestBuilder request, @Nullable String body) {
        request.with(httpBasic(who, PASSWORD));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return perform(request);
    }

    /** A page as the person sees it. */
    public String html(String who, String path) {
        var response = page(who, path);
        assertThat(response.getStatus()).as("%s GET %s", who, path).isEqualTo(200);
        return contentOf(response);
    }

    public MockHttpServletResponse page(String who, String path) {
        return perform(get(path).session(login(who)));
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /**
     * Runs the exchange task now, as «Запустить сейчас» does, and waits until the run and the operations it queued
     * have ended; returns the run's id.
     */
    public UUID runNow(String who, UUID task) {
        var run = UUID.fromString(json(api(who, post("/api/exchange-tasks/" + task + "/runs"), null))
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
    public void settle() {
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofMillis(300)).until(() -> openOperations() == 0);
    }

    public int openOperations() {
        return jdbc.sql("select count(*) from sync.operation where status in ('PENDING', 'RUNNING')")
                .query(Integer.class)
                .single();
    }

    private MockHttpSession login(String who) {
        return sessions.computeIfAbsent(who, username -> {
            var result = result(formLogin().user(username).password(PASSWORD));
            assertThat(result.getResponse().getRedirectedUrl())
                    .as("login of %s", username)
                    .isEqualTo("/");
            return (MockHttpSession) result.getRequest().getSession(false);
        });
    }

    private MockHttpServletResponse perform(RequestBuilder request) {
        return result(request).getResponse();
    }

    private MvcResult result(RequestBuilder request) {
        try {
            return mvc.perform(request).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contentOf(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
