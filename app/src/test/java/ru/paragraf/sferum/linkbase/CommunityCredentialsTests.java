package ru.paragraf.sferum.linkbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_A;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_B;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.COMMUNITY_A;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.COMMUNITY_B;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_A;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_B;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * «База ссылок» of school A as its admin uses it: entering credentials, each precise refusal by Sferum, VK being
 * unreachable, re-verification, replacing and removing; the token stays sealed in the database and out of pages,
 * audit entries and logs.
 */
@ExtendWith(OutputCaptureExtension.class)
@RecordApplicationEvents
class CommunityCredentialsTests extends LinkbaseTestSupport {

    static final String PAGE = "/orgs/" + SCHOOL_A + "/linkbase";

    @Autowired
    ApplicationEvents events;

    @Autowired
    CredentialRechecks rechecks;

    @Autowired
    SferumCommunities communities;

    @Test
    void savesVerifiedCredentialsAndShowsTheTokenOnlyMasked(CapturedOutput output) {
        var saved = save("adminA", SCHOOL_A, String.valueOf(COMMUNITY_A), TOKEN_A);

        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl(PAGE);
        var page = html(mvc.get().uri(PAGE).with(as("adminA")).exchange());
        assertThat(page)
                .contains("<dd class=\"col-sm-8\" id=\"community-id\">227000011</dd>")
                .contains("ГБОУ школа № 622 — Сферум")
                .contains("<code id=\"community-token\">vk1.a.****…9f3c</code>")
                .contains("проверено ✓")
                .contains("Проверить ещё раз", "Заменить", "Удалить")
                .doesNotContain(TOKEN_A);
        assertThat(storedToken(SCHOOL_A)).startsWith("v1:test:").doesNotContain(TOKEN_A);
        assertThat(linkbaseTablesAsText()).doesNotContain(TOKEN_A).contains("vk1.a.****…9f3c");
        assertThat(auditActions(SCHOOL_A)).containsExactly("CREDENTIALS_SAVED");
        assertThat(events.stream(CommunityCredentialsChanged.class))
                .containsExactly(new CommunityCredentialsChanged(SCHOOL_A, COMMUNITY_A, VerificationState.VERIFIED));
        assertThat(output.getAll()).contains("vk1.a.****…9f3c").doesNotContain(TOKEN_A);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown community | 227999999 | A | сообщества с таким идентификатором в VK Сферум нет",
                "token of another community | 227000011 | B | токен выдан для другого сообщества, а не для сообщества с этим идентификатором",
                "no messages permission | 227000011 | A_NO_MESSAGES | у токена нет права «Сообщения сообщества» (messages)",
                "revoked token | 227000011 | A_REVOKED | токен недействителен: он отозван, истёк или введён с ошибкой",
                "token VK never issued | 227000011 | MADE_UP | токен недействителен: он отозван, истёк или введён с ошибкой",
                "a person's token | 227000011 | USER | это не токен сообщества (например, токен пользователя)"
            })
    void refusesWhatSferumRefusesWithThePreciseReason(
            String situation, String communityId, String token, String reason, CapturedOutput output) {
        var secret = token(token);

        var result = save("adminA", SCHOOL_A, communityId, secret);

        assertThat(result).hasStatusOk();
        assertThat(html(result))
                .contains("<p class=\"mb-0\">Данные не сохранены: " + reason)
                .contains("is-invalid")
                .doesNotContain(secret);
        assertThat(jdbc.sql("select count(*) from linkbase.sferum_community")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(auditActions(SCHOOL_A)).containsExactly("CREDENTIALS_REJECTED");
        assertThat(events.stream(CommunityCredentialsChanged.class)).isEmpty();
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void keepsVerifiedCredentialsWhenAReplacementIsRefused() {
        save("adminA", SCHOOL_A, String.valueOf(COMMUNITY_A), TOKEN_A);
        var sealed = storedToken(SCHOOL_A);

        var refused = save("adminA", SCHOOL_A, String.valueOf(COMMUNITY_A), LinkbaseWorld.TOKEN_A_REVOKED);

        assertThat(html(refused)).contains("Данные не сохранены: токен недействителен");
        assertThat(storedToken(SCHOOL_A)).isEqualTo(sealed);
        assertThat(state(SCHOOL_A)).isEqualTo("VERIFIED");
    }

    @Test
    void replacesCredentialsAndAuditsTheReplacement() {
        save("adminA", SCHOOL_A, String.valueOf(COMMUNITY_A), TOKEN_A);
        LinkbaseWorld.emulator.addCommunity(ru.paragraf.vkemulator.Seed.Community.of(
                227_000_021L,
                "ГБОУ школа № 622 (новое сообщество)",
                null,
                ru.paragraf.vkemulator.Seed.Token.of(
                        "vk1.a.linkbase-test-new-community-Z9x8C7v6B5n4M3a2S1d0F9g8H7j6k5",
                        ru.paragraf.vkemulator.CommunityPermission.MESSAGES)));

        var replaced = save(
                "adminA", SCHOOL_A, "227000021", "vk1.a.linkbase-test-new-community-Z9x8C7v6B5n4M3a2S1d0F9g8H7j6k5");

        assertThat(replaced).hasStatus3xxRedirection();
        assertThat(html(mvc.get().uri(PAGE).with(as("adminA")).exchange()))
                .contains("227000021", "ГБОУ школа № 622 (новое сообщество)", "vk1.a.****…j6k5");
        assertThat(auditActions(SCHOOL_A)).containsExactly("CREDENTIALS_SAVED", "CREDENTIALS_REPLACED");
        assertThat(auditDetails(SCHOOL_A, "CREDENTIALS_REPLACED"))
                .contains("\"previousCommunityId\": \"227000011\"", "\"previousToken\": \"vk1.a.****…9f3c\"")
                .doesNotContain(TOKEN_A);
    }

    @Test
    void savesUnverifiedCredentialsWhenVkIsUnreachableAndTheJobVerifiesThemLater(CapturedOutput output) {
        LinkbaseWorld.unreachable();

        var saved = save("adminA", SCHOOL_A, String.valueOf(COMMUNITY_A), TOKEN_A);

        assertThat(saved).hasStatus3xxRedirection();
        var page = html(mvc.get().uri(PAGE).with(as("adminA")).exchange());
        assertThat(page)
                .contains("не проверены")
                .contains("Следующая автоматическая проверка")
                .contains("ещё не проверялись");
        assertThat(state(SCHOOL_A)).isEqualTo("UNVERIFIED");

        makeDue(SCHOOL_A);
        assertThat(rechecks.runOnce()).isZero();
        assertThat(state(SCHOOL_A)).isEqualTo("UNVERIFIED");
        assertThat(jdbc.sql(
                                """
                        select failed_attempts || ' ' || (next_check_at - attempted_at > interval '90 seconds')
                        from linkbase.sferum_community where organization_id = :id""")
                        .param("id", SCHOOL_A)
                        .query(String.class)
                        .single())
                .as("second failure, backoff doubled to 2 minutes")
                .isEqualTo("2 true");

        LinkbaseWorld.reset();
        assertThat(rechecks.runOnce()).as("not due yet").isZero();
        makeDue(SCHOOL_A);
        assertThat(rechecks.runOnce()).isOne();

        assertThat(state(SCHOOL_A)).isEqualTo("VERIFIED");
        assertThat(html(mvc.get().uri(PAGE).with(as("adminA")).exchange())).contains("проверено ✓");
        assertThat(events.stream(CommunityCredentialsChanged.class))
                .containsExactly(
                        new CommunityCredentialsChanged(SCHOOL_A, COMMUNITY_A, VerificationState.UNVERIFIED),
                        new CommunityCredentialsChanged(SCHOOL_A, COMMUNITY_A, VerificationState.VERIFIED));
        assertThat(auditActions(SCHOOL_A)).containsExactly("CREDENTIALS_SAVED", "CREDENTIALS_VERIFIED");
        assertThat(output.getAll()).doesNotContain(TOKEN_A);
    }

    @Test
    void aNodeThatTookDueCredentialsHoldsThemForItsLease() {
        LinkbaseWorld.unreachable();
        save("adminA", SCHOOL_A, String.valueOf(COMMUNITY_A), TOKEN_A);
        save("adminB", SCHOOL_B, String.valueOf(COMMUNITY_B), TOKEN_B);
        makeDue(SCHOOL_A);
        makeDue(SCHOOL_B);
        var now = java.time.OffsetDateTime.now(clock);

        var first = communities.claimDue(now, java.time.Duration.ofMinutes(5), 1);
        var second = communities.claimDue(now, java.time.Duration.ofMinutes(5), 10);
        var third = communities.claimDue(now, java.time.Duration.ofMinutes(5), 10);

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
        assertThat(third).as("both are leased").isEmpty();
    }

    @Test
    void reverificationFindsARevokedTokenAndSaysWhy() {
        save("adminA", SCHOOL_A, String.valueOf(COMMUNITY_A), TOKEN_A);
        LinkbaseWorld.emulator.revokeToken(TOKEN_A);

        var verified =
                mvc.post().uri(PAGE + "/verify").with(as("adminA")).with(csrf()).exchange();

        assertThat(verified).hasStatus3xxRedirection().hasRedirectedUrl(PAGE);
        assertThat(verified.getMvcResult().getFlashMap().get("notice"))
                .isEqualTo("Проверка не пройдена: токен недействителен: он отозван, истёк или введён с ошибкой. "
                        + "Получите новый токен сообщества у районного центра (РЦИО).");
        assertThat(html(mvc.get().uri(PAGE).with(as("adminA")).exchange()))
                .contains("ошибка: токен недействителен: он отозван, истёк или введён с ошибкой.")
                .contains("text-bg-danger");
        assertThat(state(SCHOOL_A)).isEqualTo("FAILED");
        assertThat(events.stream(CommunityCredentialsChanged.class))
                .last()
                .isEqualTo(new CommunityCredentialsChanged(SCHOOL_A, COMMUNITY_A, VerificationState.FAILED));
    }

    @Test
    void reverificationWhileVkIsUnreachableKeepsTheEarlierVerdict() {
        save("adminA", SCHOOL_A, String.valueOf(COMMUNITY_A), TOKEN_A);
        LinkbaseWorld.unreachable();

        var verified =
                mvc.post().uri(PAGE + "/verify").with(as("adminA")).with(csrf()).exchange();

        assertThat(verified.getMvcResult().getFlashMap().get("notice"))
                .isEqualTo("VK Сферум не ответил, проверить не удалось. Прежний результат проверки сохранён; "
                        + "попробуйте позже.");
        assertThat(state(SCHOOL_A)).isEqualTo("VERIFIED");
    }

    @Test
    void removesCredentialsAfterConfirmation() {
        save("adminA", SCHOOL_A, String.valueOf(COMMUNITY_A), TOKEN_A);

        var confirmation =
                html(mvc.get().uri(PAGE + "/remove").with(as("adminA")).exchange());
        assertThat(confirmation)
                .contains(
                        "Удалить из «Базы ссылок» организации «Школа A» сообщество 227000011 с токеном vk1.a.****…9f3c?")
                .doesNotContain(TOKEN_A);
        var removed =
                mvc.post().uri(PAGE + "/remove").with(as("adminA")).with(csrf()).exchange();

        assertThat(removed).hasStatus3xxRedirection().hasRedirectedUrl(PAGE);
        assertThat(html(mvc.get().uri(PAGE).with(as("adminA")).exchange()))
                .contains("Данные сообщества VK Сферум ещё не введены.");
        assertThat(auditActions(SCHOOL_A)).containsExactly("CREDENTIALS_SAVED", "CREDENTIALS_REMOVED");
        assertThat(events.stream(CommunityCredentialsChanged.class))
                .last()
                .isEqualTo(new CommunityCredentialsChanged(SCHOOL_A, COMMUNITY_A, null));
    }

    @Test
    void showsInputProblemsBesideTheirFieldsAndNeverTheTokenAgain() {
        var typo = "vk1.a.linkbase test with a space in it";

        var result = save("adminA", SCHOOL_A, "club227000011", typo);

        assertThat(html(result))
                .contains("id=\"communityId-error\">Идентификатор сообщества — целое число из цифр, без букв, "
                        + "пробелов и ссылок: например, 227000001.</div>")
                .contains(
                        "id=\"token-error\">Токен не должен содержать пробелов и переносов строк (найден в позиции 15)")
                .contains("value=\"club227000011\"")
                .doesNotContain(typo, "linkbase test");
        assertThat(auditActions(SCHOOL_A)).isEmpty();
    }

    @Test
    void refusesACommunityThatAnotherSchoolHolds() {
        save("adminB", SCHOOL_B, String.valueOf(COMMUNITY_B), TOKEN_B);

        var result = save("adminA", SCHOOL_A, String.valueOf(COMMUNITY_B), TOKEN_B);

        assertThat(html(result))
                .contains("Сообщество 227000012 уже указано в «Базе ссылок» другой образовательной организации.")
                .doesNotContain("Школа B");
        assertThat(state(SCHOOL_A)).isNull();
    }

    @Test
    void keepsAnotherSchoolsTabFromASchoolAdmin() {
        save("adminB", SCHOOL_B, String.valueOf(COMMUNITY_B), TOKEN_B);

        assertThat(mvc.get().uri("/orgs/" + SCHOOL_B + "/linkbase").with(as("adminA")))
                .hasStatus(404);
        assertThat(save("adminA", SCHOOL_B, String.valueOf(COMMUNITY_A), TOKEN_A))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/orgs/" + SCHOOL_B + "/linkbase/remove")
                        .with(as("adminA"))
                        .with(csrf()))
                .hasStatus(404);
        assertThat(state(SCHOOL_B)).isEqualTo("VERIFIED");
    }

    @Test
    void refusesAFormWithoutCsrfToken() {
        var result = mvc.post()
                .uri(PAGE)
                .param("communityId", String.valueOf(COMMUNITY_A))
                .param("token", TOKEN_A)
                .with(as("adminA"))
                .exchange();

        assertThat(result).hasStatus(403);
        assertThat(state(SCHOOL_A)).isNull();
    }

    private MvcTestResult save(String who, UUID organization, String communityId, String token) {
        return mvc.post()
                .uri("/orgs/" + organization + "/linkbase")
                .param("communityId", communityId)
                .param("token", token)
                .with(as(who))
                .with(csrf())
                .exchange();
    }

    private static String token(String name) {
        return switch (name) {
            case "A" -> TOKEN_A;
            case "B" -> TOKEN_B;
            case "A_NO_MESSAGES" -> LinkbaseWorld.TOKEN_A_NO_MESSAGES;
            case "A_REVOKED" -> LinkbaseWorld.TOKEN_A_REVOKED;
            case "USER" -> LinkbaseWorld.userToken();
            default -> "vk1.a.never-issued-by-vk-0000000000000000000000000000000000000000";
        };
    }

    private String state(UUID organization) {
        return jdbc.sql("select state from linkbase.sferum_community where organization_id = :id")
                .param("id", organization)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private void makeDue(UUID organization) {
        jdbc.sql("update linkbase.sferum_community set next_check_at = now() - interval '1 second' "
                        + "where organization_id = :id")
                .param("id", organization)
                .update();
    }

    private java.util.List<String> auditActions(UUID organization) {
        return jdbc.sql("select action from audit.entry where organization_id = :id order by id")
                .param("id", organization)
                .query(String.class)
                .list();
    }

    private String auditDetails(UUID organization, String action) {
        return jdbc.sql("select details::text from audit.entry where organization_id = :id and action = :action")
                .param("id", organization)
                .param("action", action)
                .query(String.class)
                .single();
    }
}
