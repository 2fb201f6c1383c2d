package ru.paragraf.sferum.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.sferum.linkbase.CommunityVerdict;
import ru.paragraf.sferum.linkbase.CommunityVerifier;
import ru.paragraf.sferum.linkbase.SferumToken;
import ru.paragraf.sferum.secrets.SecretMask;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * Embedded demo mode hands down one Sferum community per demo school: seeded into the in-process emulator at every
 * start with the same token, listed with the full token in the start-up log and on the Demo page, and not entered
 * into the link base (that is the school admin's first step).
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoCommunitiesTests {

    @TempDir
    Path directory;

    @Test
    void seedsTheSameCommunitiesAtEveryStartAndListsThem(CapturedOutput output) throws Exception {
        String token;
        try (var first = start()) {
            var communities =
                    first.getBean("vkEmulator", VkEmulator.class).snapshot().communities();
            assertThat(communities)
                    .extracting(EmulatorSnapshot.Community::id)
                    .containsExactly(227000001L, 227000002L, 227000003L);
            assertThat(communities).allSatisfy(community -> {
                assertThat(community.name()).endsWith(" — Сферум");
                assertThat(community.tokens()).singleElement().satisfies(t -> assertThat(t.permissions())
                        .containsExactlyInAnyOrder("messages", "manage"));
            });
            token = first.getBean(DemoCommunities.class).listed().get(0).token();
            assertThat(token).startsWith("vk1.a.").hasSize(92);
            assertThat(output.getOut())
                    .contains("Сообщества VK Сферум демо-школ во встроенном эмуляторе VK")
                    .contains("идентификатор сообщества 227000001, токен " + SecretMask.mask(token))
                    .doesNotContain(token);
            assertThat(demoPage(first)).contains(token).contains("227000001").contains("— Сферум");
            assertThat(first.getBean(ru.paragraf.sferum.linkbase.SferumCommunities.class)
                            .of(first.getBean(DemoCommunities.class)
                                    .listed()
                                    .get(0)
                                    .organization()))
                    .as("entering them is the school admin's step")
                    .isEmpty();
        }
        try (var second = start()) {
            assertThat(second.getBean(DemoCommunities.class).listed().get(0).token())
                    .isEqualTo(token);
            assertThat(second.getBean(CommunityVerifier.class).verify(227000001L, new SferumToken(token)))
                    .isInstanceOf(CommunityVerdict.Verified.class);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SferumApplication.class)
                .run(
                        "--server.port=0",
                        "--sferum.embedded.database.data-directory=" + directory.resolve("pg"),
                        "--sferum.demo.enabled=true",
                        "--spring.main.banner-mode=off");
    }

    private static String demoPage(ConfigurableApplicationContext application) throws Exception {
        var port = application.getEnvironment().getProperty("local.server.port");
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/demo"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
