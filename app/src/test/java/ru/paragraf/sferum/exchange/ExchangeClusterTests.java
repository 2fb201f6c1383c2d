package ru.paragraf.sferum.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_A;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.sferum.TestDatabases;
import ru.paragraf.sferum.accounts.AccountRegistration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two full application instances on one PostgreSQL, with a task of a slow type scheduled every two seconds.
 *
 * <p>Node A runs in this JVM, so that the test can look into it. Node B runs in a JVM of its own, so that its crash
 * is a real one: {@link Process#destroyForcibly()} sends SIGKILL, as the kernel's OOM killer or a power cut would.
 * No shutdown hook, no Quartz shutdown, no last write: its connections are simply cut, and the run it was
 * executing is left RUNNING with its Quartz firing still recorded as executing by B. Stopping an in-process
 * instance could not fake this faithfully: closing a context runs the orderly shutdown.
 *
 * <p>The test proves that runs of the task never overlap in time (the run rows, and the executions recorded by
 * the type itself) while both nodes schedule it and «Запустить сейчас» is pressed on both at once, and that A takes
 * B's run over within Quartz's failure detection: the check-in interval (1 s here) plus Quartz's fixed 7.5 s grace.
 */
class ExchangeClusterTests {

    private static final Logger log = LoggerFactory.getLogger(ExchangeClusterTests.class);
    private static final Duration CHECKIN = Duration.ofSeconds(1);
    private static final Duration QUARTZ_GRACE = Duration.ofMillis(7500);

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext nodeA;
    private Process nodeB;

    @AfterEach
    void stopNodes() {
        if (nodeB != null) {
            nodeB.destroyForcibly();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void runsOfATaskNeverOverlapAcrossNodesAndASurvivingNodeTakesOverTheRunOfAKilledOne() throws Exception {
        var started = Instant.now();
        var url = TestDatabases.createDatabase("cluster");
        var database = url.substring(url.lastIndexOf('/') + 1);
        try (var connection =
                        TestDatabases.server().getDatabase("postgres", database).getConnection();
                var statement = connection.createStatement()) {
            statement.execute(
                    """
                    create schema cluster_test;
                    create table cluster_test.execution (run_id uuid, attempt int, node text,
                                                         started_at timestamptz, finished_at timestamptz)
                    """);
        }
        var portB = freePort();
        var logB = Path.of("target", "cluster-node-b.log");
        nodeB = new ProcessBuilder(javaCommand(arguments(url, "node-b", portB)))
                .redirectErrorStream(true)
                .redirectOutput(logB.toFile())
                .start();
        nodeA = new SpringApplicationBuilder(SferumApplication.class, SlowTaskType.class)
                .run(arguments(url, "node-a", 0).toArray(String[]::new));
        var jdbc = nodeA.getBean(JdbcClient.class);
        SchoolFixture.insert(jdbc, nodeA.getBean(AccountRegistration.class), LocalDate.now(nodeA.getBean(Clock.class)));
        var portA = ((WebServerApplicationContext) nodeA).getWebServer().getPort();
        await("node B up (log: " + logB + ")")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> nodeB.isAlive() && healthy(portB));
        log.info("Both nodes up after {}", Duration.between(started, Instant.now()));

        // a task of the slow type (3 s per run), scheduled every 2 s: its firings queue up on both nodes
        var created = send(
                portA,
                "POST",
                "/api/orgs/" + SCHOOL_A + "/exchange-tasks",
                "{\"type\":\"TEST_SLOW\",\"cron\":\"0/2 * * * * ?\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var task = UUID.fromString(json.readTree(created.body()).get("id").asString());

        // «Запустить сейчас» on both nodes at the same moment
        var together = new CountDownLatch(1);
        var pressA = CompletableFuture.supplyAsync(() -> press(together, portA, task));
        var pressB = CompletableFuture.supplyAsync(() -> press(together, portB, task));
        together.countDown();
        var runNowA = pressA.get(30, TimeUnit.SECONDS);
        var runNowB = pressB.get(30, TimeUnit.SECONDS);
        assertThat(runNowA.statusCode()).isEqualTo(202);
        assertThat(runNowB.statusCode()).isEqualTo(202);
        log.info("Run now on A queued {}, on B {}", runId(runNowA), runId(runNowB));
        await("both presses ran, scheduled runs go on")
                .atMost(Duration.ofSeconds(40))
                .until(() -> count(jdbc, "select count(*) from exchange.run where status = 'SUCCEEDED'") >= 3
                        && count(jdbc, "select count(*) from exchange.run where manual and status <> 'SUCCEEDED'")
                                == 0);

        // the node that ends a run tends to take the next firing too; to be sure B runs one, A stands by until it has
        var schedulerA = nodeA.getBean(Scheduler.class);
        schedulerA.standby();
        var runOfB = await("a run started by node B")
                .atMost(Duration.ofSeconds(30))
                .until(() -> runningOn(jdbc, task, "node-b"), run -> run != null);
        schedulerA.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(jdbc, runOfB) >= 2);

        nodeB.destroyForcibly();
        assertThat(nodeB.waitFor(10, TimeUnit.SECONDS)).isTrue();
        var killedAt = Instant.now();
        log.info("Node B killed in the middle of run {}", runOfB);

        await("node A takes over the run of node B")
                .atMost(CHECKIN.plus(QUARTZ_GRACE).plus(Duration.ofSeconds(10)))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "node-a".equals(node(jdbc, runOfB)));
        var takenOverAt = jdbc.sql("select taken_over_at from exchange.run where id = :id")
                .param("id", runOfB)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        var takeover = Duration.between(killedAt, takenOverAt);
        log.info("Node A took run {} over {} ms after node B was killed", runOfB, takeover.toMillis());
        assertThat(takeover)
                .isLessThan(CHECKIN.multipliedBy(2).plus(QUARTZ_GRACE).plus(Duration.ofSeconds(3)));

        await("the taken-over run ends").atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, runOfB)
                .equals("SUCCEEDED"));
        var finalRun = jdbc.sql("select attempt, processed, ok_count from exchange.run where id = :id")
                .param("id", runOfB)
                .query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .single();
        assertThat(finalRun)
                .as("attempt 2 redid every object")
                .containsExactly(2, SlowTaskType.OBJECTS, SlowTaskType.OBJECTS);

        schedulerA.standby();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> count(jdbc, "select count(*) from exchange.run where status = 'RUNNING'") == 0);
        var runs = intervals(
                jdbc,
                "select started_at, finished_at from exchange.run where task_id = '" + task
                        + "' and started_at is not null order by started_at",
                killedAt);
        var executions = intervals(
                jdbc, "select started_at, finished_at from cluster_test.execution order by started_at", killedAt);
        log.info(
                "{} runs and {} executions in {}",
                runs.size(),
                executions.size(),
                Duration.between(started, Instant.now()));
        assertThat(runs.size()).isGreaterThanOrEqualTo(4);
        assertThat(count(jdbc, "select count(distinct node) from cluster_test.execution"))
                .isEqualTo(2);
        assertNoOverlap("runs", runs);
        assertNoOverlap("executions", executions);
        assertThat(count(jdbc, "select count(*) from exchange.run where status not in ('SUCCEEDED', 'QUEUED')"))
                .as("no run failed or was lost")
                .isZero();
        assertThat(count(jdbc, "select count(*) from cluster_test.execution where finished_at is null"))
                .as("only the execution of the killed node never finished")
                .isEqualTo(1);
    }

    private String runId(HttpResponse<String> response) {
        return json.readTree(response.body()).get("id").asString();
    }

    private static void assertNoOverlap(String what, List<Instant[]> intervals) {
        for (int i = 1; i < intervals.size(); i++) {
            assertThat(intervals.get(i)[0])
                    .as("%s %d starts after %s %d ends", what, i, what, i - 1)
                    .isAfterOrEqualTo(intervals.get(i - 1)[1]);
        }
    }

    /** Start and end of each row; one that never ended (the killed node's) ends when the node was killed. */
    private static List<Instant[]> intervals(JdbcClient jdbc, String sql, Instant killedAt) {
        return new ArrayList<>(jdbc.sql(sql)
                .query((rs, row) -> {
                    var finished = rs.getObject(2, OffsetDateTime.class);
                    return new Instant[] {
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        finished == null ? killedAt : finished.toInstant()
                    };
                })
                .list());
    }

    private HttpResponse<String> press(CountDownLatch together, int port, UUID task) {
        try {
            together.await();
            return send(port, "POST", "/api/exchange-tasks/" + task + "/runs", null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        var credentials = Base64.getEncoder().encodeToString(("adminA:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private boolean healthy(int port) {
        try {
            var health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build();
            return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static UUID runningOn(JdbcClient jdbc, UUID task, String node) {
        return jdbc.sql("select id from exchange.run where task_id = :task and node = :node and status = 'RUNNING'")
                .param("task", task)
                .param("node", node)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private static int processed(JdbcClient jdbc, UUID run) {
        return jdbc.sql("select processed from exchange.run where id = :id")
                .param("id", run)
                .query(Integer.class)
                .single();
    }

    private static String node(JdbcClient jdbc, UUID run) {
        return jdbc.sql("select node from exchange.run where id = :id")
                .param("id", run)
                .query(String.class)
                .single();
    }

    private static String status(JdbcClient jdbc, UUID run) {
        return jdbc.sql("select status from exchange.run where id = :id")
                .param("id", run)
                .query(String.class)
                .single();
    }

    private static int count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static List<String> arguments(String url, String node, int port) {
        return List.of(
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=12",
                // one name for the cluster, none of the other contexts' in this JVM (Quartz keys resources by it)
                "--spring.quartz.scheduler-name=sferum-cluster-test",
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + node,
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=" + CHECKIN.toMillis(),
                "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000",
                "--sferum.exchange.minimum-interval=1s");
    }

    private static List<String> javaCommand(List<String> arguments) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(ClusterNode.class.getName());
        command.addAll(arguments);
        return command;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
