package ru.paragraf.sferum.sync.vk;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.sync.vk.VkErrorClassificationTests.failureOf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ru.paragraf.vkemulator.FaultPlan;

/** Tokens and invite links never appear whole: not in toString(), logs, exception messages or echoed params. */
@ExtendWith(OutputCaptureExtension.class)
class VkSecretsTests {

    static VkWorld world;
    VkClient vk;
    Logger clientLog = (Logger) LoggerFactory.getLogger("ru.paragraf.sferum.sync.vk");
    Level previousLevel;

    @BeforeAll
    static void startEmulator() {
        world = new VkWorld();
    }

    @AfterAll
    static void stopEmulator() {
        world.close();
    }

    @BeforeEach
    void freshStateAndDebugLogging() {
        world.reset();
        vk = world.client();
        previousLevel = clientLog.getLevel();
        clientLog.setLevel(Level.DEBUG);
    }

    @AfterEach
    void restoreLogging() {
        clientLog.setLevel(previousLevel);
    }

    @Test
    void masksTokensInToString() {
        var community = world.school();
        var user = new UserToken("vk2.a.user-token-value-0123456789abcdef4e1d");

        assertThat(community.toString()).isEqualTo("CommunityToken[vk1.a.****\u20269f3c]");
        assertThat(user.toString()).isEqualTo("UserToken[vk2.a.****\u20264e1d]");
        assertThat(community.masked()).isEqualTo("vk1.a.****\u20269f3c");
        assertThat(new CommunityToken("short-secret").masked()).isEqualTo("****");
    }

    @Test
    void fingerprintsTokensIrreversiblyAndStably() {
        var fingerprint = world.school().fingerprint();

        assertThat(fingerprint)
                .hasSize(32)
                .matches("[0-9a-f]+")
                .isEqualTo(world.school().fingerprint());
        assertThat(fingerprint).isNotEqualTo(new CommunityToken(VkWorld.OTHER_SCHOOL_TOKEN).fingerprint());
        assertThat(VkWorld.SCHOOL_TOKEN).doesNotContain(fingerprint.substring(0, 8));
    }

    @Test
    void keepsTokensOutOfLogsOfSucceedingAndFailingCalls(CapturedOutput output) {
        var teacher = world.userToken(VkWorld.TEACHER);
        vk.call(world.school(), VkGroups.GetById.own());
        vk.call(teacher, new VkCalls.Start(null));
        world.emulator.faults(FaultPlan.NONE.withError(10, 1.0, "users.get"));
        var failed = vk.call(world.school(), VkUsers.Get.of(VkWorld.TEACHER));
        world.emulator.revokeToken(VkWorld.SCHOOL_TOKEN);
        var revoked = vk.call(world.school(), VkGroups.GetById.own());

        assertThat(output.getAll())
                .contains("groups.getById ok", "vk1.a.****\u20269f3c", "users.get", "API_ERROR 5")
                .doesNotContain(VkWorld.SCHOOL_TOKEN, teacher.value());
        assertThat(List.of(failed, revoked)).allSatisfy(outcome -> assertThat(
                        ((VkOutcome.Failed<?>) outcome).failure().describe())
                .doesNotContain(VkWorld.SCHOOL_TOKEN));
    }

    @Test
    void masksTheInviteLinkThatVkEchoesWithAnError(CapturedOutput output) {
        var peer = vk.call(world.school(), new VkChats.CreateChat(null, List.of(VkWorld.TEACHER), "Algebra 7A"))
                .orThrow()
                .peerId();
        var oldLink = vk.call(world.school(), VkChats.GetInviteLink.of(peer))
                .orThrow()
                .link();
        vk.call(world.school(), new VkChats.GetInviteLink(peer, true, null)).orThrow();

        var failure = failureOf(vk.call(world.userToken(VkWorld.PUPIL), new VkChats.JoinChatByInviteLink(oldLink)));

        assertThat(failure.code()).isEqualTo(917);
        assertThat(failure.requestParams()).containsKey("link");
        assertThat(failure.requestParams().get("link")).isEqualTo(Secrets.mask(oldLink));
        assertThat(failure.describe()).doesNotContain(oldLink);
        assertThat(output.getAll()).contains("messages.joinChatByInviteLink").doesNotContain(oldLink);
    }

    @Test
    void redactsSecretsThatAnErrorMessageQuotes() {
        var token = world.school();
        var redactor = new Redactor(
                token,
                VkParams.of()
                        .with("link", "https://vk.me/join/AJQ1d8lnYxwCcMuV")
                        .with("title", "7A"));

        var message =
                redactor.redact("invalid access_token " + token.value() + " for https://vk.me/join/AJQ1d8lnYxwCcMuV");
        var echoed = redactor.redact(
                java.util.Map.of("access_token", token.value(), "code", "one-time-code-123456", "title", "7A"));

        assertThat(message)
                .doesNotContain(token.value())
                .contains(token.masked())
                .doesNotContain("AJQ1d8lnYxwCcMuV");
        assertThat(echoed.values()).noneMatch(v -> v.contains(token.value()) || v.contains("one-time-code-123456"));
        assertThat(echoed).containsEntry("title", "7A");
    }
}
