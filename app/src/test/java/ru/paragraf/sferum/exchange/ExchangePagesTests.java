package ru.paragraf.sferum.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The pages of «Задачи обмена данными» as a school admin uses them, and the CSV export. */
class ExchangePagesTests extends ExchangeContextTests {

    @Autowired
    MockMvc mvc;

    final Map<String, MockHttpSession> sessions = new HashMap<>();

    @Test
    void addsATaskFromTheListAndRefusesASecondOfTheSameType() throws Exception {
        var list = page("adminA", "/orgs/" + SCHOOL_A + "/exchange-tasks");
        assertThat(list).contains("Задачи обмена данными", "Задач обмена пока нет", "TEST_OK", "Добавить задачу");

        var added =
                perform("adminA", post("/orgs/" + SCHOOL_A + "/exchange-tasks").param("type", "TEST_OK"));
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(added.getRedirectedUrl()).startsWith("/exchange-tasks/");
        assertThat(page("adminA", "/orgs/" + SCHOOL_A + "/exchange-tasks"))
                .contains("каждые 10 минут", "включена", "ещё не запускалась");

        var second =
                perform("adminA", post("/orgs/" + SCHOOL_A + "/exchange-tasks").param("type", "TEST_OK"));
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsString())
                .contains("id=\"add-error\"")
                .contains("В этой образовательной организации уже есть задача типа «TEST_OK»");
        assertThat(count("select count(*) from exchange.task where organization_id = ?", SCHOOL_A))
                .isEqualTo(1);
    }

    @Test
    void theTaskPageShowsTheScheduleInWordsAndTheNextThreeRuns() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, true);

        var html = page("adminA", "/exchange-tasks/" + task.id());

        assertThat(html)
                .contains("Сейчас задача запускается каждые 10 минут.")
                .contains("0 0/10 * * * ?")
                .contains("Ближайшие запуски")
                .contains("Запустить сейчас")
                .contains("Каждые 10 минут", "Каждые 30 минут", "Каждый час", "Ежедневно в", "Своё выражение cron");
        var nextRuns = html.substring(
                html.indexOf("id=\"next-runs\""), html.indexOf("</ul>", html.indexOf("id=\"next-runs\"")));
        assertThat(nextRuns.split("<li>", -1)).hasSize(4);
        assertThat(html).containsPattern("id=\"preset-EVERY_10_MINUTES\"[^>]*checked");
    }

    @Test
    void savingASchedulePresetOrARefusedCronTellsWhatHappened() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, true);

        var daily = perform(
                "adminA",
                post("/exchange-tasks/" + task.id())
                        .param("preset", "DAILY")
                        .param("dailyAt", "06:30")
                        .param("enabled", "true"));
        assertThat(daily.getRedirectedUrl()).isEqualTo("/exchange-tasks/" + task.id());
        assertThat(page("adminA", "/exchange-tasks/" + task.id()))
                .contains("Сейчас задача запускается ежедневно в 06:30.")
                .containsPattern("id=\"preset-DAILY\"[^>]*checked");

        var refused = perform(
                "adminA",
                post("/exchange-tasks/" + task.id())
                        .param("preset", "CUSTOM")
                        .param("customCron", "0 0 25 * * ?")
                        .param("enabled", "true"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString())
                .contains("id=\"schedule-error\"")
                .contains("Поле «часы»: значение 25 вне допустимого диапазона 0–23.")
                .contains("value=\"0 0 25 * * ?\"");

        var off = perform(
                "adminA",
                post("/exchange-tasks/" + task.id()).param("preset", "DAILY").param("dailyAt", "06:30"));
        assertThat(off.getStatus()).isEqualTo(302);
        assertThat(page("adminA", "/exchange-tasks/" + task.id()))
                .contains("Задача выключена и по расписанию не запускается")
                .doesNotContain("id=\"next-runs\"");
    }

    @Test
    void aScheduleWithoutPresetIsRefusedOnTheForm() throws Exception {
        // found by the fuzz suite: an empty preset failed with a NullPointerException (HTTP 500)
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, true);

        var refused = perform(
                "adminA",
                post("/exchange-tasks/" + task.id()).param("preset", "").param("enabled", "true"));

        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString())
                .contains("id=\"schedule-error\"")
                .contains("Выберите расписание: каждые 10 или 30 минут, ежечасно, ежедневно или своё выражение cron.");
        assertThat(jdbc.sql("select cron || ' ' || enabled from exchange.task where id = :id")
                        .param("id", task.id())
                        .query(String.class)
                        .single())
                .isEqualTo(task.cron() + " true");
    }

    @Test
    void runNowLeadsToTheRunPageWithLiveProgressUntilTheRunEnds() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_GATED", null, false);

        var started = perform("adminA", post("/exchange-tasks/" + task.id() + "/runs"));
        assertThat(started.getRedirectedUrl()).startsWith("/exchange-runs/");
        var run = UUID.fromString(started.getRedirectedUrl().substring("/exchange-runs/".length()));
        assertThat(gate.entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().until(() -> run(run).processed() == 3);

        var live = page("adminA", "/exchange-runs/" + run);
        assertThat(live)
                .contains("Выполняется")
                .contains("hx-get=\"/exchange-runs/" + run + "/progress?errors=false&amp;page=1\"")
                .contains("hx-trigger=\"every 2s\"")
                .containsPattern("<progress[^>]*max=\"100\"[^>]*value=\"30\"")
                .contains("Обработано 3 из 10")
                .contains("Employee 3")
                .contains("Остановить")
                .doesNotContain("style=");
        var fragment = perform("adminA", get("/exchange-runs/" + run + "/progress"));
        assertThat(fragment.getContentAsString())
                .startsWith("<div")
                .contains("every 2s", "Обработано 3 из 10", "Employee 3")
                .doesNotContain("<html");

        gate.open.release();
        awaitFinished(run);
        var ended = perform("adminA", get("/exchange-runs/" + run + "/progress"));
        assertThat(ended.getContentAsString())
                .as("the last poll brings the final state and items, and polls no more")
                .contains("Успешно", "Обработано 10 из 10", "Employee 10")
                .doesNotContain("hx-trigger", "Остановить");
        assertThat(page("adminA", "/exchange-tasks/" + task.id()))
                .contains("История запусков", "вручную", "/exchange-runs/" + run);
    }

    @Test
    void theProgressLineCountsTheObjectsOfTheListBelowIt() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_UNCOUNTED", null, false);
        var run = awaitFinished(management.runNow(ADMIN_A_USER, task.id()).id());

        var html = page("adminA", "/exchange-runs/" + run.id());

        assertThat(run.processed()).isEqualTo(53);
        assertThat(run.total()).isEqualTo(53);
        assertThat(html)
                .contains("Обработано 53 из 53", "Страница 1 из 2")
                .containsPattern("<progress[^>]*max=\"100\"[^>]*value=\"100\"")
                .doesNotContain("Обработано 0");
        assertThat(page("adminA", "/exchange-runs/" + run.id() + "?page=2").split("class=\"run-item").length - 1)
                .isEqualTo(3);
    }

    @Test
    void theRunPageFiltersErrorsAndPagesThroughThousandsOfItems() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_MANY", null, false);
        var run = awaitFinished(management.runNow(ADMIN_A_USER, task.id()).id());
        assertThat(run.status()).isEqualTo(ExchangeRunStatus.PARTIAL);

        var all = page("adminA", "/exchange-runs/" + run.id());
        assertThat(all).contains("Страница 1 из 25").contains("С ошибками").contains("1111");
        assertThat(all.split("class=\"run-item").length - 1).isEqualTo(50);

        var errors = page("adminA", "/exchange-runs/" + run.id() + "?errors=true&page=3");
        assertThat(errors).contains("Страница 3 из 3").contains("=1+1").doesNotContain("table-success");
        assertThat(errors.split("class=\"run-item").length - 1).isEqualTo(23);
        assertThat(errors.split("item-result\">Ошибка<").length - 1).isEqualTo(23);
    }

    @Test
    void exportsItemsAsCsvThatRussianExcelOpensAndThatCannotInjectFormulas() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_MANY", null, false);
        var run = awaitFinished(management.runNow(ADMIN_A_USER, task.id()).id());

        var response = perform("adminA", get("/exchange-runs/" + run.id() + "/items.csv"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"exchange-run-");
        var bytes = response.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines).hasSize(1 + 1234);
        assertThat(lines[0])
                .isEqualTo(
                        "№;Время;Тип объекта;Идентификатор;Объект;Действие;Результат;Сообщение;Ссылка для исправления");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(";'+1;"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(";'-2;"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(";'@SUM(A1);"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).contains(";\"'=HYPERLINK(\"\"http://example.org\"\")\";"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(";\"Обычное имя; с точкой с запятой\";"));
        assertThat(lines).filteredOn(line -> line.contains(";Ошибка;'=1+1;")).hasSize(123);
        assertThat(String.join("\n", lines)).doesNotContain(";=", ";+", ";-2", ";@");

        var errorsOnly = perform(
                "adminA", get("/exchange-runs/" + run.id() + "/items.csv").param("errors", "true"));
        assertThat(new String(errorsOnly.getContentAsByteArray(), StandardCharsets.UTF_8).split("\r\n"))
                .hasSize(1 + 123);
    }

    @Test
    void deletingAskedForConfirmationRemovesTheTask() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, true);
        assertThat(page("adminA", "/exchange-tasks/" + task.id()))
                .contains("<details", "Удалить задачу", "Да, удалить");

        var deleted = perform("adminA", post("/exchange-tasks/" + task.id() + "/delete"));

        assertThat(deleted.getRedirectedUrl()).isEqualTo("/orgs/" + SCHOOL_A + "/exchange-tasks");
        assertThat(perform("adminA", get("/exchange-tasks/" + task.id())).getStatus())
                .isEqualTo(404);
    }

    @Test
    void anotherSchoolsTasksAndRunsDoNotExistForASchoolAdmin() throws Exception {
        var task = management.create(CITY_USER, SCHOOL_B, "TEST_OK", null, false);
        var run = awaitFinished(management.runNow(CITY_USER, task.id()).id());

        assertThat(perform("adminA", get("/orgs/" + SCHOOL_B + "/exchange-tasks"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform("adminA", get("/exchange-tasks/" + task.id())).getStatus())
                .isEqualTo(404);
        assertThat(perform("adminA", get("/exchange-runs/" + run.id())).getStatus())
                .isEqualTo(404);
        assertThat(perform("adminA", get("/exchange-runs/" + run.id() + "/items.csv"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform("adminA", post("/exchange-tasks/" + task.id() + "/runs"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform("adminA", post("/exchange-tasks/" + task.id() + "/delete"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform("adminA", post("/exchange-runs/" + run.id() + "/cancel"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform("district1", get("/exchange-runs/" + run.id())).getStatus())
                .isEqualTo(200);
        assertThat(count("select count(*) from exchange.run where task_id = ?", task.id()))
                .isEqualTo(1);
    }

    private String page(String who, String path) throws Exception {
        var response = perform(who, get(path));
        assertThat(response.getStatus()).as("GET %s", path).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse perform(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(sessionOf(who)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private MockHttpSession sessionOf(String who) {
        return sessions.computeIfAbsent(who, username -> {
            try {
                var result = mvc.perform(formLogin().user(username).password(PASSWORD))
                        .andReturn();
                return (MockHttpSession) result.getRequest().getSession(false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
