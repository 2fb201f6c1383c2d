package ru.paragraf.sferum.sync.vk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import ru.paragraf.vkemulator.FaultPlan;

/** Real VK conditions and injected errors end as classified failures with a Russian explanation. */
class VkErrorClassificationTests {

    static VkWorld world;
    VkClient vk;

    @BeforeAll
    static void startEmulator() {
        world = new VkWorld();
    }

    @AfterAll
    static void stopEmulator() {
        world.close();
    }

    @BeforeEach
    void freshState() {
        world.reset();
        vk = world.client();
    }

    @Test
    void classifiesACommunityTokenOnCallsStartAsCredentials() {
        var failure = failureOf(vk.call(world.school(), new VkCalls.Start(null)));

        assertThat(failure.code()).isEqualTo(27);
        assertThat(failure.category()).isEqualTo(VkErrorCategory.CREDENTIALS);
        assertThat(failure.ambiguous()).isFalse();
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.requestParams()).containsEntry("method", "calls.start");
        assertThat(russian(failure)).contains("VK ID");
    }

    @Test
    void classifiesARevokedTokenAsCredentials() {
        world.emulator.revokeToken(VkWorld.SCHOOL_TOKEN);

        var failure = failureOf(vk.call(world.school(), VkGroups.GetById.own()));

        assertThat(failure.code()).isEqualTo(5);
        assertThat(failure.category()).isEqualTo(VkErrorCategory.CREDENTIALS);
        assertThat(failure.attempts()).isEqualTo(1);
    }

    @Test
    void classifiesATokenWithoutMessagesPermissionAsCredentials() {
        var failure = failureOf(
                vk.call(new CommunityToken(VkWorld.PHOTOS_ONLY_TOKEN), VkConversations.GetConversations.firstPage()));

        assertThat(failure.code()).isEqualTo(15);
        assertThat(failure.category()).isEqualTo(VkErrorCategory.CREDENTIALS);
    }

    @Test
    void classifiesAnUnknownChatAsAnItemFailure() {
        var edit = failureOf(vk.call(world.school(), new VkChats.EditChat(999, "Nowhere")));
        var members = failureOf(vk.call(world.school(), VkConversations.GetConversationMembers.of(2_000_000_999L)));

        assertThat(edit.code()).isEqualTo(927);
        assertThat(edit.category()).isEqualTo(VkErrorCategory.ITEM);
        assertThat(members.code()).isEqualTo(917);
        assertThat(members.category()).isEqualTo(VkErrorCategory.ITEM);
        assertThat(russian(members))
                .isEqualTo(
                        "Сообщество не имеет доступа к чату: возможно, чат удалён или сообщество исключено из него.");
    }

    @Test
    void classifiesInvalidParametersAndUnknownCodesAsBugs() {
        world.emulator.faults(FaultPlan.NONE.withError(100, 1.0, "users.get").withError(777, 1.0, "groups.getById"));

        var invalid = failureOf(vk.call(world.school(), VkUsers.Get.of(VkWorld.TEACHER)));
        var unknown = failureOf(vk.call(world.school(), VkGroups.GetById.own()));

        assertThat(invalid.category()).isEqualTo(VkErrorCategory.BUG);
        assertThat(unknown.code()).isEqualTo(777);
        assertThat(unknown.category()).isEqualTo(VkErrorCategory.BUG);
        assertThat(russian(unknown)).contains("777").contains("службу поддержки");
    }

    @Test
    void reportsAnInternalErrorOfCreateChatAsAmbiguousWithoutRepeatingIt() {
        world.emulator.faults(FaultPlan.NONE.withError(10, 1.0, "messages.createChat"));

        var failure = failureOf(vk.call(
                world.school(), new VkChats.CreateChat(VkWorld.SCHOOL, List.of(VkWorld.TEACHER), "Algebra 7A")));

        assertThat(failure.code()).isEqualTo(10);
        assertThat(failure.category()).isEqualTo(VkErrorCategory.RETRY);
        assertThat(failure.ambiguous()).isTrue();
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(world.emulator.stats().callsOf("messages.createChat")).isEqualTo(1);
    }

    @Test
    void throwsTheFailureFromOrThrow() {
        var outcome = vk.call(world.school(), new VkChats.EditChat(999, "Nowhere"));

        org.assertj.core.api.Assertions.assertThatThrownBy(outcome::orThrow)
                .isInstanceOfSatisfying(
                        VkException.class, e -> assertThat(e.failure().code()).isEqualTo(927))
                .hasMessageContaining("messages.editChat")
                .hasMessageContaining("927");
    }

    static VkFailure failureOf(VkOutcome<?> outcome) {
        assertThat(outcome).isInstanceOf(VkOutcome.Failed.class);
        return ((VkOutcome.Failed<?>) outcome).failure();
    }

    static String russian(VkFailure failure) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage(failure.explanation(), Locale.forLanguageTag("ru"));
    }
}
