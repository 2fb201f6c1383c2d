package ru.paragraf.sferum.fuzz;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import ru.paragraf.sferum.SchoolFixture;

/**
 * The exchange run's items as CSV, from the page and the API, and the run page itself: items whose texts come from
 * school data (object titles, messages, links) may hold anything, and the export neutralises formulas while the page
 * escapes markup.
 */
class RunItemsCsvFuzzTests {

    final FuzzWorld world = FuzzWorld.get();

    @Property(tries = 400)
    void exportsNeutraliseFormulasAndThePageEscapes(@ForAll("items") List<List<String>> items) {
        var run = storedRun(items);

        for (var path : List.of("/exchange-runs/" + run + "/items.csv", "/api/exchange-runs/" + run + "/items.csv")) {
            var csv = Requests.send(
                            world.mvc,
                            "GET " + path.replace(run.toString(), "{id}"),
                            get(path).with(world.as("adminA")))
                    .hasNoServerError();
            CsvCells.assertNoFormulas(csv.body(), ';');
        }
        var page = Requests.send(
                        world.mvc,
                        "GET /exchange-runs/{id}",
                        get("/exchange-runs/" + run).with(world.as("adminA")))
                .hasNoServerError()
                .showsNoInternals();
        items.forEach(texts -> page.escapes(texts.toArray(String[]::new)));
    }

    @AfterContainer
    static void report() {
        FuzzFigures.write();
    }

    private UUID storedRun(List<List<String>> items) {
        var task = world.jdbc
                .sql("select id from exchange.task where organization_id = :org and type_code = 'SFERUM_SYNC'")
                .param("org", SchoolFixture.SCHOOL_A)
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    var id = UUID.randomUUID();
                    world.jdbc
                            .sql(
                                    """
                                    insert into exchange.task (id, organization_id, type_code, cron, enabled, created_at, updated_at)
                                    values (:id, :org, 'SFERUM_SYNC', '0 0/10 * * * ?', false, now(), now())""")
                            .param("id", id)
                            .param("org", SchoolFixture.SCHOOL_A)
                            .update();
                    return id;
                });
        var run = UUID.randomUUID();
        world.jdbc
                .sql(
                        """
                        insert into exchange.run (id, task_id, organization_id, type_code, status, manual, queued_at,
                                                  started_at, finished_at)
                        values (:id, :task, :org, 'SFERUM_SYNC', 'PARTIAL', false, :at, :at, :at)""")
                .param("id", run)
                .param("task", task)
                .param("org", SchoolFixture.SCHOOL_A)
                .param("at", OffsetDateTime.now())
                .update();
        for (var texts : items) {
            world.jdbc
                    .sql(
                            """
                            insert into exchange.run_item (run_id, recorded_at, object_type, object_id, object_title,
                                                           action, result, message, link)
                            values (:run, now(), :type, :objectId, :title, :action, 'ERROR', :message, :link)""")
                    .param("run", run)
                    .param("type", texts.get(0))
                    .param("objectId", texts.get(1))
                    .param("title", texts.get(2))
                    .param("action", texts.get(3))
                    .param("message", texts.get(4))
                    .param("link", texts.get(5))
                    .update();
        }
        return run;
    }

    @Provide
    Arbitrary<List<List<String>>> items() {
        var text = Arbitraries.oneOf(Arbitraries.of(Hostile.FORMULAS), Hostile.text())
                .filter(value -> value.indexOf('\u0000') < 0);
        return Combinators.combine(text, text, text, text, text, text)
                .as(List::of)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }
}
