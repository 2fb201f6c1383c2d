package ru.paragraf.sferum.sync.max;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ru.paragraf.maxemulator.ChatPermission;
import ru.paragraf.maxemulator.EmulatorConfig;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.maxemulator.Seed;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.sferum.TestDatabases;
import ru.paragraf.sferum.accounts.AccountRegistration;

/**
 * MAX updates end to end: application nodes (whole Spring contexts over real HTTP, {@link RecordingMaxHandler} as
 * their handler) on one PostgreSQL, the MAX emulator's people producing {@code bot_added}, {@code user_added}, {@code
 * message_created} and {@code bot_started}. Long poll: each update is stored once and handled once, in order; a repeat
 * is stored and handled once; a failing handler is retried and nothing is lost; two nodes never poll one bot at once
 * and the bot moves to the other node when its holder stops. Webhook (a database and emulator of its own): MAX posts
 * to the app, which never long-polls; a wrong or missing secret is 401 and stores nothing; back in long-poll mode the
 * bot is unsubscribed before its first poll; a bot no longer the school's is answered 200 and its update dropped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaxUpdatesTests {

    static final long BOT = 900_000_711L, BOT_B = 900_000_712L;
    static final String TOKEN = "max-updates-test-school-a-3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c1e";
    static final String TOKEN_B = "max-updates-test-school-b-8e1d3b5f7a9c1e3f5a7c9e1b3d5f7a9c";
    static final long TEACHER = 300_711_001L, PUPIL = 300_711_002L, PARENT = 300_711_003L;

    private final MaxEmulator max = MaxEmulator.start(EmulatorConfig.builder()
            .rateLimitEnabled(false)
            .seed(Seed.of(
                    List.of(new Seed.Bot(BOT, "school711_bot", "Школа 711 — бот", TOKEN)),
                    List.of(
                            new Seed.User(TEACHER, "Анна", "Учителева", false),
                            new Seed.User(PUPIL, "Пётр", "Учеников", false),
                            new Seed.User(PARENT, "Ольга", "Ученикова", false))))
            .build());
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private String database;
    private JdbcClient jdbc;
    private ConfigurableApplicationContext nodeA, nodeB;
    private long chat;

    @BeforeAll
    void oneNodeAndSchoolAWithItsBot() throws Exception {
        database = TestDatabases.createDatabase("max_updates");
        jdbc = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
        nodeA = node("a", database, max, "long-poll");
        jdbc.sql(RecordingMaxHandler.TABLE).update();
        SchoolFixture.insert(jdbc, nodeA.getBean(AccountRegistration.class), LocalDate.now());
        saveBot(nodeA, SchoolFixture.SCHOOL_A, TOKEN);
    }

    @AfterAll
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        max.close();
    }

    @Test
    @Order(1)
    void everyUpdateIsStoredAndHandledOnceInTheOrderMaxGaveThem() {
        chat = max.createChat(TEACHER, "7А Алгебра");
        max.addBotToChat(chat, TEACHER, BOT);
        max.makeAdmin(chat, TEACHER, BOT, List.of(ChatPermission.READ_ALL_MESSAGES));
        max.addMember(chat, TEACHER, PUPIL);
        max.sendMessage(chat, PUPIL, "Здравствуйте!");
        max.openDeepLink(PUPIL, "https://max.ru/school711_bot?start=link-code-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> seen().size() >= 4 && unhandled() == 0);
        var stored = stored();
        assertThat(stored.stream().map(Stored::type))
                .containsExactly("bot_added", "user_added", "message_created", "bot_started");
        assertThat(seen()).as("each handled once, in the inbox's order").containsExactlyElementsOf(ids(stored));
        assertThat(jdbc.sql("select count(*) from sync.max_update where via = 'LONG_POLL' and attempts = 1")
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
        assertThat(jdbc.sql("select body::text from sync.max_update where update_type = 'bot_started'")
                        .query(String.class)
                        .single())
                .as("stored as MAX sent it")
                .contains("\"payload\":\"link-code-1\"", "\"user_locale\":\"ru\"");
        assertThat(max.snapshot().bots().get(0).pendingUpdates())
                .as("the marker acknowledged all")
                .isZero();
    }

    @Test
    @Order(2)
    void theSameUpdateDeliveredTwiceIsStoredAndHandledOnce() throws Exception {
        var intake = nodeA.getBean(MaxIntake.class);
        var update = MaxTransport.JSON.readTree(
                """
                {"update_type":"bot_started","timestamp":1765000000123,"chat_id":-5,
                 "user":{"user_id":%d,"first_name":"Пётр","is_bot":false},"payload":"again"}"""
                        .formatted(PUPIL));
        var renamed = MaxTransport.JSON.readTree(update.toString().replace("Пётр", "Петя"));
        var before = seen().size();

        intake.delivered(BOT, SchoolFixture.SCHOOL_A, update); // a webhook delivery
        intake.delivered(BOT, SchoolFixture.SCHOOL_A, renamed); // repeated, the name refreshed meanwhile

        await().atMost(Duration.ofSeconds(30)).until(() -> unhandled() == 0 && seen().size() > before);
        assertThat(jdbc.sql("select count(*) from sync.max_update where body::text like '%again%'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(seen()).hasSize(before + 1).doesNotHaveDuplicates();
    }

    @Test
    @Order(3)
    void aHandlerThatThrowsIsRetriedAndTheUpdateIsNotLost() {
        RecordingMaxHandler.failing.put("message_created", new AtomicInteger(2));
        var before = seen().size();

        max.sendMessage(chat, PUPIL, "Первое");
        max.sendMessage(chat, TEACHER, "Второе");

        await().atMost(Duration.ofSeconds(30)).until(() -> unhandled() == 0 && seen().size() >= before + 2);
        var last = stored().subList(stored().size() - 2, stored().size());
        assertThat(last).extracting(Stored::attempts).containsExactly(3, 1);
        assertThat(seen())
                .as("the failed attempts rolled back, the later update waited behind the first")
                .endsWith(last.get(0).id(), last.get(1).id())
                .doesNotHaveDuplicates();
        assertThat(jdbc.sql("select last_error from sync.max_update where id = ?")
                        .param(last.get(0).id())
                        .query(String.class)
                        .single())
                .contains("the test fails this handling");
    }

    @Test
    @Order(4)
    void aHandlingThatFailsEveryTimeIsParkedVisiblyAndTheBotsQueueMovesOn() {
        RecordingMaxHandler.failing.put("user_added", new AtomicInteger(100));
        var before = seen().size();
        max.addMember(chat, TEACHER, PARENT);
        max.sendMessage(chat, PUPIL, "После");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from sync.max_update where parked_at is not null")
                                        .query(Integer.class)
                                        .single()
                                == 1
                        && unhandled() == 0);
        RecordingMaxHandler.failing.remove("user_added");
        assertThat(seen()).hasSize(before + 1);
        var parked = jdbc.sql("select update_type, attempts from sync.max_update where parked_at is not null")
                .query((rs, row) -> rs.getString(1) + " " + rs.getInt(2))
                .single();
        assertThat(parked).isEqualTo("user_added 3");
        var meter = nodeA.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("sferum.max.updates.parked")
                .counter();
        assertThat(meter).isNotNull();
        assertThat(meter.count()).isEqualTo(1);

        // the operator re-queues it (docs/operations.md)
        jdbc.sql("update sync.max_update set parked_at = null, attempts = 0, next_attempt_at = now()"
                        + " where parked_at is not null")
                .update();
        await().atMost(Duration.ofSeconds(30)).until(() -> unhandled() == 0);
        assertThat(seen()).hasSize(before + 2).doesNotHaveDuplicates();
    }

    @Test
    @Order(5)
    void twoNodesNeverPollOneBotAtOnceAndTheBotMovesWhenItsNodeStops() throws Exception {
        var holderA = owner();
        nodeB = node("b", database, max, "long-poll");
        // both nodes try to take the bot every 200 ms for a while
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(owner()).as("still node a's").isEqualTo(holderA);
        assertThat(max.stats().maxConcurrentPolls())
                .as("one long poll of the bot at a time")
                .containsEntry(BOT, 1);

        nodeA.close();
        // a stopping node gives the bot back (no owner for a moment), then node b takes it
        var holderB = nodeB.getBean(MaxPollers.class).node();
        await().atMost(Duration.ofSeconds(15)).until(() -> holderB.equals(owner()));
        var before = seen().size();
        max.openDeepLink(TEACHER, "https://max.ru/school711_bot?start=after-the-move");
        await().atMost(Duration.ofSeconds(30)).until(() -> seen().size() == before + 1 && unhandled() == 0);
        assertThat(max.stats().maxConcurrentPolls()).containsEntry(BOT, 1);
        System.out.printf(
                "Two nodes, one bot: at most %d long poll(s) at once; the lease moved from %s to %s%n",
                max.stats().maxConcurrentPolls().get(BOT), holderA, owner());
    }

    @Test
    @Order(6)
    void webhookModeNeverLongPollsRefusesAWrongSecretAndUnsubscribesWhenSwitchedBack() throws Exception {
        try (var school = webhookSchool("max_webhook", "w")) {
            var other = school.max();
            var db = school.database();
            var port = school.port();
            var webhook = school.node();
            var wjdbc = school.jdbc();

            var room = other.createChat(TEACHER, "8Б Физика");
            other.addBotToChat(room, TEACHER, BOT);
            other.openDeepLink(TEACHER, "https://max.ru/school711_bot?start=webhook-code");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count(wjdbc, "public.max_update_seen") == 2
                            && count(wjdbc, "sync.max_update where handled_at is null") == 0);
            assertThat(count(wjdbc, "sync.max_update where via = 'WEBHOOK'")).isEqualTo(2);
            assertThat(other.stats().webhookDeliveries()).isEqualTo(2);

            var update =
                    "{\"update_type\":\"bot_started\",\"timestamp\":1765000000999,\"chat_id\":-1,\"payload\":\"x\"}";
            var wrong = post(port, "/api/max/updates/" + BOT, update, "a-wrong-secret-of-the-right-form");
            var missing = post(port, "/api/max/updates/" + BOT, update, null);
            var unknownBot = post(port, "/api/max/updates/12345", update, "whatever-secret");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body())
                    .contains("urn:sferum:problem:max-webhook-secret", "WRONG_SECRET", "не совпадает с секретом");
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.body()).contains("NO_SECRET", "Нет заголовка X-Max-Bot-Api-Secret");
            assertThat(unknownBot.statusCode()).isEqualTo(401);
            assertThat(count(wjdbc, "sync.max_update")).as("nothing stored").isEqualTo(2);
            assertThat(other.stats().callsOf("GET /updates"))
                    .as("webhook mode never long-polls")
                    .isZero();

            webhook.close();
            var back = node("w2", db, other, "long-poll");
            other.openDeepLink(TEACHER, "https://max.ru/school711_bot?start=polled-again");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count(wjdbc, "public.max_update_seen") == 3
                            && count(wjdbc, "sync.max_update where handled_at is null") == 0);
            assertThat(other.stats().callsOf("DELETE /subscriptions")).isEqualTo(1);
            assertThat(other.stats().methodErrors().getOrDefault("GET /updates", java.util.Map.of()))
                    .as("unsubscribed before the first poll")
                    .isEmpty();
            assertThat(count(wjdbc, "sync.max_update where via = 'LONG_POLL'")).isEqualTo(1);
            assertThat(count(wjdbc, "sync.max_bot_feed where webhook_url is null"))
                    .isEqualTo(1);
            back.close();
        }
    }

    @Test
    @Order(7)
    void anUpdateOfABotNoLongerTheSchoolsIsAnsweredAndDropped() throws Exception {
        try (var school = webhookSchool("max_webhook_former", "f")) {
            var removed = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + school.port() + "/api/orgs/"
                                    + SchoolFixture.SCHOOL_A + "/messenger"))
                            .header("Authorization", basic("adminA"))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(removed.statusCode()).as(removed.body()).isBetween(200, 204);

            // the bot is still subscribed at MAX (its token is gone with it): MAX posts its next update here
            school.max().openDeepLink(TEACHER, "https://max.ru/school711_bot?start=after-removal");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> school.max().stats().webhookDeliveries() == 1);
            assertThat(school.max().stats().webhookFailures())
                    .as("answered 200: MAX does not retry it")
                    .isZero();
            assertThat(count(school.jdbc(), "sync.max_update"))
                    .as("nothing stored for a school whose bot it is no longer")
                    .isZero();
        }
    }

    @Test
    @Order(8)
    void theBotsAreSharedEvenlyAmongTheNodes() throws Exception {
        max.seed(Seed.of(List.of(new Seed.Bot(BOT_B, "school712_bot", "Школа B — бот", TOKEN_B)), List.of()));
        saveBot(nodeB, SchoolFixture.SCHOOL_B, TOKEN_B, "adminB");
        var holderB = nodeB.getBean(MaxPollers.class).node();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> holderB.equals(ownerOf(BOT)) && holderB.equals(ownerOf(BOT_B)));

        var nodeC = node("c", database, max, "long-poll");
        var holderC = nodeC.getBean(MaxPollers.class).node();
        await().atMost(Duration.ofSeconds(20)).until(() -> owners().equals(Set.of(holderB, holderC)));
        // once shared, it stays shared: nobody takes the other's bot back
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(owners()).isEqualTo(Set.of(holderB, holderC));
        assertThat(max.stats().maxConcurrentPolls())
                .as("one long poll of each bot at a time, also while one moved")
                .containsEntry(BOT, 1)
                .containsEntry(BOT_B, 1);

        var before = seen().size();
        max.openDeepLink(TEACHER, "https://max.ru/school711_bot?start=shared-a");
        max.openDeepLink(TEACHER, "https://max.ru/school712_bot?start=shared-b");
        await().atMost(Duration.ofSeconds(30)).until(() -> seen().size() == before + 2 && unhandled() == 0);
        System.out.printf(
                "Two bots, two nodes: bot %d on %s, bot %d on %s%n", BOT, ownerOf(BOT), BOT_B, ownerOf(BOT_B));
    }

    /** A school on its own database and MAX emulator, with a node in webhook mode and its bot subscribed. */
    record WebhookSchool(
            MaxEmulator max, String database, int port, ConfigurableApplicationContext node, JdbcClient jdbc)
            implements AutoCloseable {

        /** The node first, then the MAX it talks to. */
        @Override
        public void close() {
            node.close();
            max.close();
        }
    }

    private WebhookSchool webhookSchool(String databaseName, String nodeName) throws Exception {
        var emulator = MaxEmulator.start(EmulatorConfig.builder()
                .rateLimitEnabled(false)
                .webhookRetryDelays(List.of(Duration.ofMillis(200), Duration.ofMillis(500)))
                .seed(Seed.of(
                        List.of(new Seed.Bot(BOT, "school711_bot", "Школа 711 — бот", TOKEN)),
                        List.of(new Seed.User(TEACHER, "Анна", "Учителева", false))))
                .build());
        var db = TestDatabases.createDatabase(databaseName);
        var port = freePort();
        var node = node(
                nodeName,
                db,
                emulator,
                "webhook",
                "--server.port=" + port,
                "--sferum.max.inbox.webhook-base-url=http://localhost:" + port);
        var jdbc = JdbcClient.create(new DriverManagerDataSource(db, "postgres", ""));
        jdbc.sql(RecordingMaxHandler.TABLE).update();
        SchoolFixture.insert(jdbc, node.getBean(AccountRegistration.class), LocalDate.now());
        saveBot(node, SchoolFixture.SCHOOL_A, TOKEN);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> emulator.stats().callsOf("POST /subscriptions") == 1
                        && count(jdbc, "sync.max_bot_feed where webhook_url is not null") == 1);
        return new WebhookSchool(emulator, db, port, node, jdbc);
    }

    private static String basic(String login) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((login + ":" + SchoolFixture.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    record Stored(long id, String type, int attempts) {}

    private List<Stored> stored() {
        return jdbc.sql("select id, update_type, attempts from sync.max_update where bot_user_id = ? order by id")
                .param(BOT)
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    private static List<Long> ids(List<Stored> stored) {
        return stored.stream().map(Stored::id).toList();
    }

    private List<Long> seen() {
        return jdbc.sql("select update_id from public.max_update_seen order by seen_at, update_id")
                .query(Long.class)
                .list();
    }

    private int unhandled() {
        return count(jdbc, "sync.max_update where handled_at is null and parked_at is null");
    }

    private String owner() {
        return ownerOf(BOT);
    }

    /** The nodes holding the two bots. */
    private Set<String> owners() {
        return new HashSet<>(List.of(ownerOf(BOT), ownerOf(BOT_B)));
    }

    /** The node holding a live lease of the bot, or "". */
    private String ownerOf(long bot) {
        return jdbc.sql("select owner || '' from sync.max_bot_feed where bot_user_id = ? and lease_until > now()")
                .param(bot)
                .query(String.class)
                .optional()
                .orElse("");
    }

    private static int count(JdbcClient jdbc, String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }

    private ConfigurableApplicationContext node(
            String name, String url, MaxEmulator emulator, String mode, String... more) {
        var arguments = new ArrayList<>(List.of(
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--spring.quartz.scheduler-name=max-updates-" + name,
                "--sferum.linkbase.recheck.enabled=false",
                "--sferum.sync.workers-enabled=false",
                "--sferum.max.api-url=" + emulator.baseUrl(),
                "--sferum.max.updates=" + mode,
                "--sferum.max.inbox.lease-check=200ms",
                "--sferum.max.inbox.lease=3s",
                "--sferum.max.inbox.poll-timeout=1s",
                "--sferum.max.inbox.poll-backoff=200ms",
                "--sferum.max.inbox.dispatch-interval=200ms",
                "--sferum.max.inbox.backoff=100ms",
                "--sferum.max.inbox.max-attempts=3"));
        arguments.addAll(List.of(more));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--server.port="))) {
            arguments.add("--server.port=0");
        }
        var node = new SpringApplicationBuilder(SferumApplication.class, RecordingMaxHandler.class)
                .run(arguments.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    /** The school admin enters the bot token in «База ссылок»; the app verifies it with MAX. */
    private void saveBot(ConfigurableApplicationContext node, UUID organization, String token) throws Exception {
        saveBot(node, organization, token, "adminA");
    }

    private void saveBot(ConfigurableApplicationContext node, UUID organization, String token, String admin)
            throws Exception {
        var port = ((WebServerApplicationContext) node).getWebServer().getPort();
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/orgs/" + organization + "/messenger"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(admin))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"messenger\": \"MAX\", \"botToken\": \"" + token + "\"}"))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("VERIFIED");
    }

    private HttpResponse<String> post(int port, String path, String body, String secret) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Max-Bot-Api-Secret", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
