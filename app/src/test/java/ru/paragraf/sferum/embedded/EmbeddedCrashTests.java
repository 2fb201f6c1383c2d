package ru.paragraf.sferum.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.FaultPlan;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * The embedded default starts again after its process died (issue 13, acceptance 1). The application runs as a
 * newcomer runs it, {@code java} in a folder of its own with the database in {@code data/pg}, in a JVM of its own
 * that is killed with SIGKILL at three moments, each seen in the database rather than guessed by time: during
 * Flyway's migration, during the demo city's load, and during a sync run. After each kill the same command in the
 * same folder starts and serves, with everything written before still there; the sync run finishes without waiting
 * for the dead process's leases and without a duplicate chat. A second instance started on the folder while the
 * first runs is refused at once, and the first is unharmed.
 *
 * <p>VK is an emulator in this test's JVM, as the real VK outlives the application; the figures go to
 * target/reliability/embedded-crash-report.txt.
 */
class EmbeddedCrashTests {

    /**
     * DemoCity holds its advisory lock (pg_locks: classid 0x5FE2D3E0, objid 1) for the whole load, in the one
     * transaction that also writes the school data: held while that transaction has written into school tables.
     */
    private static final String DEMO_LOAD_WRITING =
            """
            select count(*) from pg_locks demo join pg_locks written on written.pid = demo.pid
            where demo.locktype = 'advisory' and demo.classid = x'5FE2D3E0'::int and demo.objid = 1
              and demo.objsubid = 1 and demo.granted
              and written.locktype = 'relation' and written.mode = 'RowExclusiveLock'
              and written.relation::regclass::text like 'school.%'""";

    private static final Duration START = Duration.ofMinutes(3);
    private static final String CITY_OPERATOR = "city:demo";
    private static final long COMMUNITY = 227_900_001L;
    private static final String COMMUNITY_TOKEN = "vk1.a.embedded-crash-test-community-token-of-the-first-school-000";
    private static final int CHATS = 40;
    private static final Path LOGS = Path.of("target", "embedded-crash");

    @TempDir
    Path temp;

    private final List<String> figures = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private VkEmulator vk;
    private List<String> arguments;
    private EmbeddedApp app;
    private DataFolder data;

    @Test
    void startsAgainAfterKillsDuringMigrationDemoLoadAndSyncAndRefusesASecondInstance() throws Exception {
        var folder = Files.createDirectories(temp.resolve("sferum"));
        vk = VkEmulator.start(EmulatorConfig.builder().build());
        data = new DataFolder(folder.resolve("data/pg"));
        arguments = List.of(
                "--spring.main.banner-mode=off",
                "--sferum.embedded.vk-emulator.enabled=false",
                // the second instance is to be refused by the database's lock, the first one it takes
                "--sferum.embedded.max-emulator.enabled=false",
                "--sferum.vk.api-url=" + vk.baseUrl(),
                "--sferum.vk.id-url=" + vk.baseUrl());
        app = new EmbeddedApp(folder, LOGS, freePort(), arguments);
        try (var emulator = vk;
                var database = data;
                var application = app) {
            killedDuringMigration();
            killedDuringDemoLoad();
            var accounts = demoCityLoadedOnce();
            var marker = writeMarker();
            var startAfterSyncKill = killedDuringSync();
            assertThat(data.number("select count(*) from school.district where code = '" + marker + "'"))
                    .as("a row written before the kills")
                    .isOne();
            assertThat(data.number("select count(*) from accounts.user_account"))
                    .as("the demo city's accounts, loaded once")
                    .isEqualTo(accounts);
            secondInstanceIsRefused();
            var normalStart = normalRestart();
            assertThat(startAfterSyncKill)
                    .as("a start after kill -9 against a start after a clean stop (%s)", normalStart)
                    .isLessThan(normalStart.plusSeconds(30));
        } finally {
            report();
        }
    }

    /** Kill 1: while Flyway migrates an empty folder, seen as a slow test migration's statement in PostgreSQL. */
    private void killedDuringMigration() throws Exception {
        var slow = Files.createDirectories(temp.resolve("slow-migration/school"));
        Files.writeString(
                slow.resolve("V999__crash_test_pause.sql"),
                "create table school.crash_test_probe (id int);\nselect pg_sleep(300);\n");
        app.launch(
                "1-killed-during-migration",
                "--spring.flyway.locations=classpath:db/migration,filesystem:" + temp.resolve("slow-migration"));
        app.await(
                "is inside Flyway's migration",
                START,
                () -> data.holds(
                        """
                select count(*) from pg_stat_activity
                where query like '%pg_sleep(300)%' and pid <> pg_backend_pid()"""));
        var advisoryLocks = data.number("select count(*) from pg_locks where locktype = 'advisory'");
        var migratedModules =
                data.number("select count(*) from pg_tables where tablename like 'flyway_schema_history%'");
        var orphan = kill();
        figures.add(
                "kill 1, during Flyway's migration: %d modules' Flyway history tables created, %d advisory lock(s) held;"
                                .formatted(migratedModules, advisoryLocks)
                        + " PostgreSQL PID %d left running".formatted(orphan));
    }

    /** Kill 2: the next start finishes the migration and loads the demo city; killed while it holds the load lock. */
    private void killedDuringDemoLoad() throws Exception {
        app.launch("2-killed-during-demo-load");
        app.await("loads the demo city", START, () -> data.holds(DEMO_LOAD_WRITING));
        assertThat(data.text("select to_regclass('school.crash_test_probe')::text"))
                .as("the interrupted migration was rolled back")
                .isNull();
        assertThat(data.number("select count(*) from public.flyway_schema_history_school where version = '999'"))
                .isZero();
        assertThat(app.latestLog()).contains("An orphaned PostgreSQL of a previous run");
        var orphan = kill();
        figures.add(
                "kill 2, during the demo city's load (its transaction holding the load lock had written school rows): PostgreSQL PID %d left running"
                        .formatted(orphan));
        figures.add("start after kill 1 reached the demo load; its log: " + orphanLines());
    }

    /** The start after kill 2 serves; the demo city is there exactly once. Returns the number of accounts. */
    private long demoCityLoadedOnce() throws Exception {
        app.launch("3-after-kill-during-demo-load");
        var started = app.awaitHealthy(START);
        figures.add("start after kill 2 served after %.1f s (including the demo load); its log: %s"
                .formatted(seconds(started), orphanLines()));
        var loaded = Pattern.compile("Loaded the demo city: (\\d+) schools, \\d+ rows of school data, (\\d+) accounts")
                .matcher(app.allLogs())
                .results()
                .toList();
        assertThat(loaded).as("the demo city loaded by exactly one start").hasSize(1);
        assertThat(data.number("select count(*) from school.organization"))
                .isEqualTo(Long.parseLong(loaded.get(0).group(1)));
        var accounts = data.number("select count(*) from accounts.user_account");
        assertThat(accounts).isEqualTo(Long.parseLong(loaded.get(0).group(2)));
        assertThat(data.number("select count(*) from demo.demo_login"))
                .isEqualTo(data.number("select count(distinct username) from demo.demo_login"));
        assertThat(data.text("show fsync")).isEqualTo("on");
        assertThat(data.text("show synchronous_commit")).isEqualTo("on");
        return accounts;
    }

    private String writeMarker() throws SQLException {
        var code = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        data.execute("insert into school.district (id, code, name) values ('%s', '%s', 'Crash test')"
                .formatted(UUID.randomUUID(), code));
        return code;
    }

    /**
     * Kill 3: a school connected through the API, {@value #CHATS} subject chats requested, and «Запустить сейчас»;
     * killed while the run is RUNNING with operations done, running and waiting. The restart gives the dead
     * process's leases back at once; the run is taken over and finishes, every operation done, every chat once in VK.
     */
    private Duration killedDuringSync() throws Exception {
        var school = UUID.fromString(data.text("select id from school.organization order by code limit 1"));
        vk.addCommunity(Seed.Community.of(
                COMMUNITY,
                "Школа для теста падений",
                "crash_test_school",
                Seed.Token.of(COMMUNITY_TOKEN, CommunityPermission.MESSAGES, CommunityPermission.MANAGE)));
        vk.faults(FaultPlan.NONE
                .withSeed(13)
                .withLatency(FaultPlan.Latency.uniform(Duration.ofMillis(300), Duration.ofMillis(900))));
        api(
                "PUT",
                "/api/orgs/" + school + "/sferum-community",
                """
                {"communityId": %d, "token": "%s"}""".formatted(COMMUNITY, COMMUNITY_TOKEN));
        requestSubjectChats(school);
        api(
                "POST",
                "/api/orgs/" + school + "/exchange-tasks",
                """
                {"type": "SFERUM_SYNC", "cron": "0 0 3 * * ?", "enabled": true}""");
        var task = data.text("select id from exchange.task where organization_id = '" + school + "'");
        api("POST", "/api/exchange-tasks/" + task + "/runs", "");
        app.await(
                "is in the middle of the sync run",
                Duration.ofMinutes(2),
                () -> data.holds(
                        """
                select count(*) from exchange.run r where r.status = 'RUNNING'
                  and exists (select 1 from sync.operation where status = 'DONE')
                  and exists (select 1 from sync.operation where status = 'RUNNING')
                  and exists (select 1 from sync.operation where status = 'PENDING')"""));
        kill();
        var killedAt = data.text("select now()::text");
        var interrupted = data.number("select count(*) from sync.operation where status = 'RUNNING'");
        var deadNode = data.text("select min(locked_by) from sync.operation where status = 'RUNNING'");
        var heldLeases =
                data.number("select count(*) from sync.community_lease where owner = '%s' and lease_until > now()"
                        .formatted(deadNode));
        figures.add("kill 3, during a sync run: operations %s; %d RUNNING of node %s, %d community lease(s) held"
                .formatted(statuses(), interrupted, deadNode, heldLeases));
        assertThat(interrupted).isPositive();

        app.launch("4-after-kill-during-sync");
        var started = app.awaitHealthy(START);
        figures.add("start after kill 3 served after %.1f s; its log: %s".formatted(seconds(started), orphanLines()));
        assertThat(data.number("select count(*) from sync.operation where status = 'RUNNING' and locked_by = '%s'"
                        .formatted(deadNode)))
                .as("operations of the dead process given back at start, not after their 2-minute lease")
                .isZero();
        assertThat(data.number("select count(*) from sync.community_lease where owner = '%s' and lease_until > now()"
                        .formatted(deadNode)))
                .as("the dead process's community lease given back at start, not after 30 s")
                .isZero();
        var healthyAt = System.nanoTime();
        app.await(
                "finishes the sync",
                Duration.ofMinutes(3),
                () -> data.holds(
                        """
                select case when count(*) filter (where status in ('PENDING', 'RUNNING')) = 0 then count(*) else 0 end
                from sync.operation"""));
        var operationsDone = seconds(Duration.ofNanos(System.nanoTime() - healthyAt));
        app.await(
                "finishes the interrupted run",
                Duration.ofMinutes(3),
                () -> data.holds(
                        """
                select count(*) from exchange.run where status in ('SUCCEEDED', 'PARTIAL') and attempt > 1"""));
        var runFinished = seconds(Duration.ofNanos(System.nanoTime() - healthyAt));
        var chats = vk.chats();
        var perTitle = chats.stream()
                .collect(Collectors.groupingBy(chat -> chat.ownerId() + ":" + chat.title(), Collectors.counting()));
        figures.add(("after the restart: operations %s within %.1f s of serving, the run taken over and finished within"
                        + " %.1f s (%s); chats in VK %d for %d in the ledger; createChat calls %d, lookups of"
                        + " interrupted creations (getConversations) %d")
                .formatted(
                        statuses(),
                        operationsDone,
                        runFinished,
                        data.text("select status || ', attempt ' || attempt || ', taken over '"
                                + " || round(extract(epoch from taken_over_at - '%s'::timestamptz)) || ' s after the kill'"
                                        .formatted(killedAt)
                                + " from exchange.run"),
                        chats.size(),
                        data.number("select count(*) from sync.chat where state = 'ACTIVE'"),
                        vk.stats().callsOf("messages.createChat"),
                        vk.stats().callsOf("messages.getConversations")));
        assertThat(data.number("select count(*) from sync.operation where status <> 'DONE'"))
                .isZero();
        assertThat(perTitle.values()).as("no chat twice in VK").allMatch(n -> n == 1);
        assertThat(chats).hasSize(CHATS);
        assertThat(data.number("select count(*) from sync.chat where state = 'ACTIVE' and invite_link is not null"))
                .isEqualTo(CHATS);
        assertThat(data.number("select count(*) from linkbase.sferum_community where state = 'VERIFIED'"))
                .as("the school's credentials entered before the kill")
                .isOne();
        return started;
    }

    /** A second instance on the folder while the first runs: refused at once, the first unharmed. */
    private void secondInstanceIsRefused() throws Exception {
        var server = data.server().orElseThrow();
        var second = new EmbeddedApp(temp.resolve("sferum"), LOGS, app.port(), arguments);
        var ended = second.launch("5-second-instance").awaitExit(Duration.ofMinutes(2));
        figures.add("a second instance on the folder was refused after %.1f s (exit code %d): %s"
                .formatted(
                        seconds(ended.after()),
                        ended.exitCode(),
                        second.latestLog()
                                .lines()
                                .filter(line -> line.startsWith("The data directory"))
                                .findFirst()
                                .orElse("(no message)")));
        assertThat(ended.exitCode()).isNotZero();
        assertThat(second.latestLog())
                .contains("APPLICATION FAILED TO START")
                .contains("The data directory of the embedded PostgreSQL is in use by another process")
                .doesNotContain("orphaned PostgreSQL");
        assertThat(ended.after()).isLessThan(Duration.ofSeconds(60));
        assertThat(server.isAlive()).as("the first instance's PostgreSQL").isTrue();
        assertThat(data.server().map(ProcessHandle::pid)).contains(server.pid());
        assertThat(app.healthy()).as("the first instance").isTrue();
        assertThat(data.number("select count(*) from school.organization")).isPositive();
    }

    /** A clean stop leaves no server behind, and the next start is the normal start to compare with. */
    private Duration normalRestart() {
        data.disconnect();
        app.stop();
        assertThat(data.pidFile())
                .as("the embedded PostgreSQL stopped with the application")
                .isEmpty();
        app.launch("6-after-clean-stop");
        var started = app.awaitHealthy(START);
        figures.add("normal start (after a clean stop) served after %.1f s".formatted(seconds(started)));
        assertThat(app.latestLog()).doesNotContain("orphaned PostgreSQL");
        data.disconnect();
        app.stop();
        return started;
    }

    /** Kills the application; its PostgreSQL runs on as an orphan. Returns the orphan's PID. */
    private long kill() {
        var server = data.server().orElseThrow();
        data.disconnect();
        app.kill();
        assertThat(server.isAlive())
                .as("the embedded PostgreSQL outlives its JVM")
                .isTrue();
        return server.pid();
    }

    /**
     * In {@value #CHATS} general-education journals, a lesson of two days ago becomes a published video lesson (a past
     * one: no call to start) and the subject chat is switched on: a chat and its invite link each to synchronize.
     */
    private void requestSubjectChats(UUID school) throws SQLException {
        data.execute(
                """
                with journals as (select j.id from school.journal j
                                  where j.organization_id = '%s' and j.kind = 'GENERAL_EDUCATION'
                                  order by j.id limit %d),
                     lessons as (select distinct on (l.journal_id) l.id from school.lesson l
                                 join journals j on j.id = l.journal_id order by l.journal_id, l.lesson_date)
                update school.lesson l set format = 'VIDEO_CALL', publication = 'PUBLISHED',
                                           lesson_date = current_date - 2
                from lessons where l.id = lessons.id;
                update school.journal set subject_chat_requested = true
                where id in (select j.id from school.journal j
                             where j.organization_id = '%s' and j.kind = 'GENERAL_EDUCATION'
                             order by j.id limit %d)"""
                        .formatted(school, CHATS, school, CHATS));
    }

    private void api(String method, String path, String json) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(CITY_OPERATOR.getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isBetween(200, 299);
    }

    private String statuses() throws SQLException {
        return data.text("select string_agg(status || ' ' || n, ', ' order by status)"
                + " from (select status, count(*) n from sync.operation group by status) s");
    }

    /** What the latest start logged about the previous run's PostgreSQL. */
    private String orphanLines() {
        return app.latestLog()
                .lines()
                .filter(line -> line.contains("PreviousServer"))
                .map(line -> line.substring(line.indexOf(" : ") + 3))
                .collect(Collectors.joining(" | "));
    }

    private void report() throws IOException {
        Files.createDirectories(Path.of("target", "reliability"));
        Files.write(Path.of("target", "reliability", "embedded-crash-report.txt"), figures);
        figures.forEach(System.out::println);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
