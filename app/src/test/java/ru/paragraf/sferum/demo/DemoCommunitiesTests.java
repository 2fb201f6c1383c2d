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
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.sferum.linkbase.BotToken;
import ru.paragraf.sferum.linkbase.BotVerdict;
import ru.paragraf.sferum.linkbase.BotVerifier;
import ru.paragraf.sferum.linkbase.CommunityVerdict;
import ru.paragraf.sferum.linkbase.CommunityVerifier;
import ru.paragraf.sferum.linkbase.SferumToken;
import ru.paragraf.sferum.secrets.SecretMask;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * Embedded demo mode hands down one Sferum community and one MAX bot per demo school: seeded into the in-process emulator at every
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
        String botToken;
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

            var bots =
                    first.getBean("maxEmulator", MaxEmulator.class).snapshot().bots();
            assertThat(bots)
                    .extracting(bot -> bot.userId() + " @" + bot.name())
                    .containsExactly("900000001 @school1_bot", "900000002 @school2_bot", "900000003 @school3_bot");
            botToken = first.getBean(DemoBots.class).listed().get(0).token();
            assertThat(output.getOut())
                    .contains("Боты MAX демо-школ во встроенном эмуляторе MAX")
                    .contains("(@school1_bot): токен " + SecretMask.mask(botToken))
                    .doesNotContain(botToken);
            assertThat(demoPage(first)).contains(botToken).contains("@school1_bot");
            assertThat(directory.resolve("max-emulator").resolve("state.json"))
                    .as("the in-process MAX keeps its state beside the database")
                    .exists();
        }
        try (var second = start()) {
            assertThat(second.getBean(DemoCommunities.class).listed().get(0).token())
                    .isEqualTo(token);
            assertThat(second.getBean(CommunityVerifier.class).verify(227000001L, new SferumToken(token)))
                    .isInstanceOf(CommunityVerdict.Verified.class);
            assertThat(second.getBean(BotVerifier.class).verify(new BotToken(botToken)))
                    .isInstanceOfSatisfying(BotVerdict.Verified.class, bot -> {
                        assertThat(bot.userId()).isEqualTo(900000001L);
                        assertThat(bot.username()).isEqualTo("school1_bot");
                        assertThat(bot.name()).endsWith(" — бот");
                    });
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
