package ru.paragraf.sferum.fuzz;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import org.springframework.http.MediaType;
import ru.paragraf.sferum.SchoolFixture;

/**
 * Exchange task schedules: cron expressions and presets from the API and from the task page, new tasks of any type.
 * A refused schedule leaves the task, its trigger and the audit as they were.
 */
class ExchangeScheduleFuzzTests {

    static final String[] TABLES = {"exchange.task", "audit.entry"};

    final FuzzWorld world = FuzzWorld.get();
    final UUID task = sferumSyncTaskOfSchoolA();

    @AfterProperty
    void switchOff() {
        world.jdbc
                .sql("update exchange.task set enabled = false, cron = '0 0/10 * * * ?' where id = :id")
                .param("id", task)
                .update();
    }

    @Property(tries = 1000)
    void apiRefusesSchedulesThatAreNotSchedules(@ForAll("crons") String cron, @ForAll("switches") String enabled) {
        var property = "PUT /api/exchange-tasks/{id}";
        var before = Tables.snapshot(world.jdbc, TABLES);

        var answer = Requests.send(
                        world.mvc,
                        property,
                        put("/api/exchange-tasks/" + task)
                                .with(world.as("adminA"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"cron\": %s, \"enabled\": %s}".formatted(Json.string(cron), enabled)))
                .hasNoServerError();

        if (answer.status() == 200) {
            answer.showsNoInternals();
            return;
        }
        answer.isProblemWithDetail();
        Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
    }

    @Property(tries = 300)
    void apiRefusesTasksOfUnknownTypesAndSecondTasks(
            @ForAll("types") String type, @ForAll("crons") String cron, @ForAll("switches") String enabled) {
        var property = "POST /api/orgs/{org}/exchange-tasks";
        var before = Tables.snapshot(world.jdbc, TABLES);

        Requests.send(
                        world.mvc,
                        property,
                        post("/api/orgs/" + SchoolFixture.SCHOOL_A + "/exchange-tasks")
                                .with(world.as("adminA"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"type\": %s, \"cron\": %s, \"enabled\": %s}"
                                        .formatted(type, Json.string(cron), enabled)))
                .hasNoServerError()
                .isProblemWithDetail();
        Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
    }

    @Property(tries = 700)
    void schedulePageRefusesInRussianAndEscapes(
            @ForAll("presets") String preset,
            @ForAll("dailyTimes") String dailyAt,
            @ForAll("crons") String customCron,
            @ForAll("checkbox") String enabled) {
        var property = "POST /exchange-tasks/{id} (form)";
        var before = Tables.snapshot(world.jdbc, TABLES);
        var request = post("/exchange-tasks/" + task)
                .with(world.as("adminA"))
                .with(csrf())
                .param("preset", preset)
                .param("dailyAt", dailyAt)
                .param("customCron", customCron);
        if (!enabled.isEmpty()) {
            request.param("enabled", enabled);
        }

        var answer = Requests.send(world.mvc, property, request)
                .hasNoServerError()
                .showsNoInternals()
                .escapes(preset, dailyAt, customCron);

        if (answer.isRedirect()) {
            return;
        }
        if (answer.status() == 400) {
            // a preset or switch value that the form's select and checkbox never send: the generic Russian error page
            Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
            return;
        }
        answer.showsRussianMessageIn("id=\"schedule-error\"");
        Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
    }

    @Property(tries = 200)
    void addTaskPageRefusesUnknownTypesInRussian(@ForAll("rawTypes") String type) {
        var property = "POST /orgs/{org}/exchange-tasks (form)";
        var before = Tables.snapshot(world.jdbc, TABLES);

        Requests.send(
                        world.mvc,
                        property,
                        post("/orgs/" + SchoolFixture.SCHOOL_A + "/exchange-tasks")
                                .with(world.as("adminA"))
                                .with(csrf())
                                .param("type", type))
                .hasNoServerError()
                .escapes(type)
                .showsRussianMessageIn("id=\"add-error\"");
        Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
    }

    @AfterContainer
    static void report() {
        FuzzFigures.write();
    }

    private UUID sferumSyncTaskOfSchoolA() {
        var existing = world.jdbc
                .sql("select id from exchange.task where organization_id = :org and type_code = 'SFERUM_SYNC'")
                .param("org", SchoolFixture.SCHOOL_A)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var answer = Requests.send(
                world.mvc,
                "setup",
                post("/api/orgs/" + SchoolFixture.SCHOOL_A + "/exchange-tasks")
                        .with(world.as("adminA"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"SFERUM_SYNC\", \"enabled\": false}"));
        return UUID.fromString(com.jayway.jsonpath.JsonPath.read(answer.body(), "$.id"));
    }

    @Provide
    Arbitrary<String> crons() {
        var field = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        6,
                        Arbitraries.of(
                                "*",
                                "?",
                                "0",
                                "5",
                                "59",
                                "60",
                                "23",
                                "24",
                                "31",
                                "32",
                                "-1",
                                "*/0",
                                "*/5",
                                "0/10",
                                "1-5",
                                "5-1",
                                "1,2,3",
                                "MON-FRI",
                                "SUN",
                                "FOO",
                                "JAN",
                                "L",
                                "LW",
                                "15W",
                                "6#3",
                                "2099",
                                "1970",
                                "99999999999",
                                "1/0",
                                ",",
                                "-",
                                "/",
                                "#")),
                net.jqwik.api.Tuple.of(1, Hostile.text()));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, field.list().ofMinSize(1).ofMaxSize(8).flatMap(fields -> Arbitraries.of(
                                " ", "  ", "\t", "\u00a0")
                        .map(separator -> String.join(separator, fields)))),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                "0 0/10 * * * ?",
                                "0 0 6 * * ?",
                                "* * * * * ?",
                                "0 0 0 30 2 ?",
                                "0 0 0 ? * MON#6",
                                "0 0 0 1 1 ? 1999")),
                net.jqwik.api.Tuple.of(2, Hostile.text()));
    }

    @Provide
    Arbitrary<String> switches() {
        return Json.anyValue(Arbitraries.of("true", "false", "да"))
                .map(value -> value.equals("\"true\"") ? "true" : value.equals("\"false\"") ? "false" : value);
    }

    @Provide
    Arbitrary<String> types() {
        return Json.anyValue(rawTypes());
    }

    @Provide
    Arbitrary<String> rawTypes() {
        return Arbitraries.oneOf(Arbitraries.of("SFERUM_SYNC", "sferum_sync", " SFERUM_SYNC", ""), Hostile.text());
    }

    @Provide
    Arbitrary<String> presets() {
        return Arbitraries.oneOf(
                Arbitraries.of("EVERY_10_MINUTES", "EVERY_30_MINUTES", "HOURLY", "DAILY", "CUSTOM", "daily", ""),
                Hostile.text());
    }

    @Provide
    Arbitrary<String> dailyTimes() {
        return Arbitraries.oneOf(
                Arbitraries.of("06:00", "23:59", "24:00", "6:00", "06:00:30", "", "25:61"), Hostile.text());
    }

    @Provide
    Arbitrary<String> checkbox() {
        return Arbitraries.oneOf(Arbitraries.of("", "true", "on", "false"), Hostile.text());
    }
}
