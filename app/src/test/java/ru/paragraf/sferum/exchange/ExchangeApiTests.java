package ru.paragraf.sferum.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API of «Задачи обмена данными»: tasks, run now, runs with their items, CSV, and its refusals. */
class ExchangeApiTests extends ExchangeContextTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void createsListsUpdatesAndDeletesTasks() throws Exception {
        var created = call("adminA", post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"), "{\"type\":\"TEST_OK\"}");
        assertThat(created.getStatus()).isEqualTo(201);
        var task = json.readTree(created.getContentAsString());
        var id = task.get("id").asString();
        assertThat(created.getHeader("Location")).isEqualTo("/api/exchange-tasks/" + id);
        assertThat(task.get("cron").asString()).isEqualTo("0 0/10 * * * ?");
        assertThat(task.get("schedule").asString()).isEqualTo("каждые 10 минут");
        assertThat(task.get("enabled").asBoolean()).isTrue();
        assertThat(task.get("nextRuns")).hasSize(3);

        assertThat(body("adminA", get("/api/orgs/" + SCHOOL_A + "/exchange-tasks")))
                .singleElement()
                .satisfies(listed -> assertThat(listed.get("id").asString()).isEqualTo(id));
        var updated =
                call("adminA", put("/api/exchange-tasks/" + id), "{\"cron\":\"0 0 8 ? * MON-FRI\",\"enabled\":false}");
        assertThat(updated.getStatus()).isEqualTo(200);
        var changed = json.readTree(updated.getContentAsString());
        assertThat(changed.get("schedule").asString()).isEqualTo("по будним дням в 08:00");
        assertThat(changed.get("nextRuns")).isEmpty();

        assertThat(call("adminA", delete("/api/exchange-tasks/" + id), null).getStatus())
                .isEqualTo(204);
        assertThat(call("adminA", get("/api/exchange-tasks/" + id), null).getStatus())
                .isEqualTo(404);
    }

    @Test
    void refusesASecondTaskOfATypeAndBadSchedulesWith422AndTheReason() throws Exception {
        call("adminA", post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"), "{\"type\":\"TEST_OK\"}");

        var duplicate = call("adminA", post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"), "{\"type\":\"TEST_OK\"}");
        assertThat(duplicate.getStatus()).isEqualTo(422);
        assertThat(duplicate.getContentType()).startsWith("application/problem+json");
        var problem = json.readTree(duplicate.getContentAsString());
        assertThat(problem.get("reason").asString()).isEqualTo("duplicate-task-type");
        assertThat(problem.get("detail").asString())
                .startsWith("В этой образовательной организации уже есть задача типа");

        var badCron = call(
                "adminA",
                post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"),
                "{\"type\":\"TEST_PARTIAL\",\"cron\":\"*/10 * * * *\"}");
        assertThat(badCron.getStatus()).isEqualTo(422);
        assertThat(json.readTree(badCron.getContentAsString()).get("reason").asString())
                .isEqualTo("invalid-cron");
        assertThat(json.readTree(badCron.getContentAsString()).get("detail").asString())
                .startsWith("В выражении 5 полей, как в cron Unix.");

        var unknown = call("adminA", post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"), "{\"type\":\"NO_SUCH\"}");
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(json.readTree(unknown.getContentAsString()).get("reason").asString())
                .isEqualTo("unknown-task-type");

        var missing = call("adminA", post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"), "{}");
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentAsString()).doesNotContain("Exception");
        assertThat(count("select count(*) from exchange.task where organization_id = ?", SCHOOL_A))
                .isEqualTo(1);
    }

    @Test
    void runsNowAndReturnsTheRunWithPagedItemsAndCsv() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_PARTIAL", null, false);

        var accepted = call("adminA", post("/api/exchange-tasks/" + task.id() + "/runs"), null);
        assertThat(accepted.getStatus()).isEqualTo(202);
        var runId = UUID.fromString(
                json.readTree(accepted.getContentAsString()).get("id").asString());
        assertThat(accepted.getHeader("Location")).isEqualTo("/api/exchange-runs/" + runId);
        awaitFinished(runId);

        var run = body("adminA", get("/api/exchange-runs/" + runId).param("size", "2"));
        assertThat(run.get("run").get("status").asString()).isEqualTo("PARTIAL");
        assertThat(run.get("run").get("counts").get("errors").asInt()).isEqualTo(1);
        assertThat(run.get("items").get("content")).hasSize(2);
        assertThat(run.get("items").get("totalElements").asInt()).isEqualTo(4);
        var errors = body("adminA", get("/api/exchange-runs/" + runId).param("errorsOnly", "true"));
        assertThat(errors.get("items").get("content")).singleElement().satisfies(item -> {
            assertThat(item.get("result").asString()).isEqualTo("ERROR");
            assertThat(item.get("link").asString()).startsWith("/staff/");
        });
        assertThat(body("adminA", get("/api/exchange-tasks/" + task.id() + "/runs"))
                        .get("content"))
                .hasSize(1);
        var csv = call("adminA", get("/api/exchange-runs/" + runId + "/items.csv"), null);
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8))
                .startsWith("\uFEFF№;")
                .contains("error 4");
    }

    @Test
    void whatTheCallerMayNotSeeIs404AndTeachersAreForbidden() throws Exception {
        var taskOfB = management.create(CITY_USER, SCHOOL_B, "TEST_OK", null, false);

        assertThat(call("adminA", get("/api/exchange-tasks/" + taskOfB.id()), null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(call(
                                "adminA",
                                put("/api/exchange-tasks/" + taskOfB.id()),
                                "{\"cron\":\"0 0 6 * * ?\",\"enabled\":true}")
                        .getStatus())
                .isEqualTo(404);
        assertThat(call("adminA", post("/api/exchange-tasks/" + taskOfB.id() + "/runs"), null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(call("adminA", delete("/api/exchange-tasks/" + taskOfB.id()), null)
                        .getStatus())
                .isEqualTo(404);
        assertThat(call("adminA", post("/api/orgs/" + SCHOOL_B + "/exchange-tasks"), "{\"type\":\"TEST_PARTIAL\"}")
                        .getStatus())
                .isEqualTo(404);
        assertThat(call("teacherA1", get("/api/orgs/" + SCHOOL_A + "/exchange-tasks"), null)
                        .getStatus())
                .isEqualTo(403);
        assertThat(call("district1", get("/api/exchange-tasks/" + taskOfB.id()), null)
                        .getStatus())
                .isEqualTo(200);
        assertThat(count("select count(*) from exchange.run where task_id = ?", taskOfB.id()))
                .isZero();
    }

    private JsonNode body(String who, MockHttpServletRequestBuilder request) throws Exception {
        var response = call(who, request, null);
        assertThat(response.getStatus()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private MockHttpServletResponse call(String who, MockHttpServletRequestBuilder request, String body)
            throws Exception {
        request.with(httpBasic(who, PASSWORD));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }
}
