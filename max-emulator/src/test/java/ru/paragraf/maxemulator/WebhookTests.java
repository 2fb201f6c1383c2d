package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.maxemulator.Fixtures.TEACHER;
import static ru.paragraf.maxemulator.Fixtures.TOKEN;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** [SCH] 0.0.33 {@code POST/GET/DELETE /subscriptions}: webhook delivery with the secret header and retries. */
class WebhookTests {

    private static final String SECRET = "s3cret_webhook-101";

    /** One delivery as the receiver saw it. */
    record Delivery(@Nullable String secret, JsonNode update, int answeredWith) {}

    private MaxEmulator max;
    private MaxHttp http;
    private HttpServer receiver;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        max = MaxEmulator.start(Fixtures.config().build());
        http = new MaxHttp(max.baseUrl());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/max/updates", exchange -> {
            var body = exchange.getRequestBody().readAllBytes();
            int status = failuresToAnswer.getAndDecrement() > 0 ? 500 : 200;
            deliveries.add(new Delivery(
                    exchange.getRequestHeaders().getFirst("X-Max-Bot-Api-Secret"),
                    Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8)),
                    status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        max.close();
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/max/updates";
    }

    private void subscribe() {
        http.post(TOKEN, "/subscriptions", "{\"url\":\"" + url() + "\",\"secret\":\"" + SECRET + "\"}")
                .ok();
    }

    /** [SCH] the secret comes back in the X-Max-Bot-Api-Secret header of every delivery. */
    @Test
    void deliversUpdatesWithTheSecretHeader() throws InterruptedException {
        subscribe();

        var chat = Fixtures.chatWithBot(max, ChatPermission.READ_ALL_MESSAGES);
        max.sendMessage(chat, TEACHER, "Здравствуйте");

        await(() -> deliveries.size() >= 2);
        assertThat(deliveries)
                .extracting(d -> d.update().path("update_type").asString())
                .containsExactly("bot_added", "message_created");
        assertThat(deliveries).allSatisfy(d -> assertThat(d.secret()).isEqualTo(SECRET));
        assertThat(deliveries
                        .get(1)
                        .update()
                        .path("message")
                        .path("body")
                        .path("text")
                        .asString())
                .isEqualTo("Здравствуйте");
        await(() -> max.snapshot().bots().get(0).pendingUpdates() == 0);
    }

    /** [SCH] a reply other than 200 is a failure and the update is retried (with backoff), in order. */
    @Test
    void retriesAfterAFailedDelivery() throws InterruptedException {
        subscribe();
        failuresToAnswer.set(2);

        var chat = Fixtures.chatWithBot(max);
        max.renameChat(chat, TEACHER, "Новое название");

        await(() -> deliveries.size() >= 4);
        assertThat(deliveries)
                .extracting(d -> d.update().path("update_type").asString() + ":" + d.answeredWith())
                .containsExactly("bot_added:500", "bot_added:500", "bot_added:200", "chat_title_changed:200");
        // the receiver has the last delivery before the emulator has read its answer and counted it
        await(() -> max.stats().webhookDeliveries() >= 2);
        assertThat(max.stats().webhookFailures()).isEqualTo(2);
        assertThat(max.stats().webhookDeliveries()).isEqualTo(2);
    }

    /** After the last retry the update is given up and the next one goes. */
    @Test
    void givesAnUpdateUpAfterTheLastRetry() throws InterruptedException {
        subscribe();
        failuresToAnswer.set(3); // the first try and both retries fail

        var chat = Fixtures.chatWithBot(max);
        max.renameChat(chat, TEACHER, "Новое название");

        await(() -> deliveries.size() >= 4);
        assertThat(deliveries)
                .extracting(d -> d.update().path("update_type").asString() + ":" + d.answeredWith())
                .containsExactly("bot_added:500", "bot_added:500", "bot_added:500", "chat_title_changed:200");
    }

    /** [SCH], [RDM]: long polling cannot run alongside a webhook (the error is UNCONFIRMED, see README). */
    @Test
    void longPollIsRefusedWhileAWebhookIsSet() {
        subscribe();

        var refused = http.get(TOKEN, "/updates?timeout=0");
        var listed = http.get(TOKEN, "/subscriptions").ok().path("subscriptions");
        http.delete(TOKEN, "/subscriptions?url=" + url()).ok();
        var polled = http.get(TOKEN, "/updates?timeout=0");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asString()).isEqualTo("webhook.subscribed");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("url").asString()).isEqualTo(url());
        assertThat(listed.get(0).has("secret")).isFalse();
        assertThat(polled.status()).isEqualTo(200);
        assertThat(http.get(TOKEN, "/subscriptions").ok().path("subscriptions")).isEmpty();
    }

    /** [SCH] POST /subscriptions update_types: only those types are delivered; the others are not kept pending. */
    @Test
    void deliversOnlyTheSubscribedTypes() throws InterruptedException {
        http.post(
                        TOKEN,
                        "/subscriptions",
                        "{\"url\":\"" + url() + "\",\"secret\":\"" + SECRET
                                + "\",\"update_types\":[\"message_created\"]}")
                .ok();

        var chat = Fixtures.chatWithBot(max, ChatPermission.READ_ALL_MESSAGES);
        max.renameChat(chat, TEACHER, "Другое");
        max.sendMessage(chat, TEACHER, "Только это");

        await(() -> deliveries.size() >= 1);
        await(() -> max.snapshot().bots().get(0).pendingUpdates() == 0);
        assertThat(deliveries)
                .extracting(d -> d.update().path("update_type").asString())
                .containsExactly("message_created");
    }

    /** [SCH] secret: 5–256 characters of [A-Za-z0-9_-]. */
    @Test
    void refusesABadSecret() {
        var answer = http.post(TOKEN, "/subscriptions", "{\"url\":\"" + url() + "\",\"secret\":\"a b\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(http.get(TOKEN, "/subscriptions").ok().path("subscriptions")).isEmpty();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(10); // polling with a deadline
        }
    }
}
