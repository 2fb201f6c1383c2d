package ru.paragraf.sferum.sync.vk;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.sync.vk.VkErrorClassificationTests.failureOf;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * Answers that are not VK's: a broken proxy in front of VK (HTTP 502 with an HTML page), and VK's error
 * envelope under a non-200 status (the emulator's switch for that UNCONFIRMED detail).
 */
class VkHttpFailureTests {

    HttpServer proxy;
    AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startBrokenProxy() throws Exception {
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            requests.incrementAndGet();
            var page = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(502, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        proxy.start();
    }

    @AfterEach
    void stopProxy() {
        proxy.stop(0);
    }

    @Test
    void repeatsABadGatewayForIdempotentCallsOnly() {
        try (var world = new VkWorld()) {
            var vk = world.client(
                    "api-url", "http://127.0.0.1:" + proxy.getAddress().getPort());

            var read = failureOf(vk.call(world.school(), VkGroups.GetById.own()));
            int afterRead = requests.get();
            var create = failureOf(vk.call(world.school(), new VkChats.CreateChat(null, List.of(), "Algebra 7A")));

            assertThat(read.kind()).isEqualTo(VkFailure.Kind.HTTP_STATUS);
            assertThat(read.code()).isEqualTo(502);
            assertThat(read.category()).isEqualTo(VkErrorCategory.RETRY);
            assertThat(read.attempts()).isEqualTo(4);
            assertThat(afterRead).isEqualTo(4);
            assertThat(create.ambiguous()).isTrue();
            assertThat(create.attempts()).isEqualTo(1);
            assertThat(create.outcomeTag()).isEqualTo("http_502");
        }
    }

    @Test
    void readsVkErrorEnvelopesWhateverTheStatus() {
        try (var emulator = VkEmulator.start(EmulatorConfig.builder()
                        .seed(VkWorld.seed())
                        .apiErrorHttpStatus(400)
                        .build());
                var world = new VkWorld()) {
            var vk = world.client("api-url", emulator.baseUrl());

            var failure = failureOf(vk.call(world.school(), new VkCalls.Start(null)));

            assertThat(failure.kind()).isEqualTo(VkFailure.Kind.API_ERROR);
            assertThat(failure.code()).isEqualTo(27);
            assertThat(failure.category()).isEqualTo(VkErrorCategory.CREDENTIALS);
        }
    }
}
