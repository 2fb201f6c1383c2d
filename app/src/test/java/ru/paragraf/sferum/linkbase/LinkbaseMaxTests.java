package ru.paragraf.sferum.linkbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_A;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_B;
import static ru.paragraf.sferum.linkbase.LinkbaseMaxWorld.BOT_A;
import static ru.paragraf.sferum.linkbase.LinkbaseMaxWorld.BOT_A_NAME;
import static ru.paragraf.sferum.linkbase.LinkbaseMaxWorld.BOT_TOKEN_A;
import static ru.paragraf.sferum.linkbase.LinkbaseMaxWorld.WRONG_BOT_TOKEN;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_A;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import ru.paragraf.sferum.secrets.SecretMask;

/** A school's MAX bot in «База ссылок» over {@code /api/orgs/{org}/messenger}, verified against the MAX emulator. */
@ExtendWith(OutputCaptureExtension.class)
class LinkbaseMaxTests extends LinkbaseTestSupport {

    private static final String MASKED = SecretMask.mask(BOT_TOKEN_A);

    @Autowired
    CredentialRechecks rechecks;

    @Test
    void savesAVerifiedBotWithTheNameMaxGivesAndTheMaskOnly(CapturedOutput output) {
        var put = put("adminA", SCHOOL_A, "{\"messenger\": \"MAX\", \"botToken\": \"" + BOT_TOKEN_A + "\"}");

        assertThat(put).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        var json = assertThat(put).bodyJson();
        json.extractingPath("$.messenger").isEqualTo("MAX");
        json.extractingPath("$.organization").isEqualTo(SCHOOL_A.toString());
        json.extractingPath("$.botUserId").isEqualTo((int) BOT_A);
        json.extractingPath("$.botUsername").isEqualTo("school622_bot");
        json.extractingPath("$.botName").isEqualTo(BOT_A_NAME);
        json.extractingPath("$.tokenMasked").isEqualTo(MASKED);
        json.extractingPath("$.state").isEqualTo("VERIFIED");
        json.extractingPath("$.stateText").isEqualTo("@school622_bot, проверено ✓");
        assertThat(body(put)).doesNotContain(BOT_TOKEN_A);

        var get = get("adminA", SCHOOL_A);
        assertThat(get).hasStatusOk();
        assertThat(get).bodyJson().extractingPath("$.botUsername").isEqualTo("school622_bot");
        assertThat(body(get)).doesNotContain(BOT_TOKEN_A);
        var verify = mvc.post()
                .uri(path(SCHOOL_A) + "/verify")
                .with(httpBasic("adminA", PASSWORD))
                .exchange();
        assertThat(verify).hasStatusOk();
        assertThat(verify).bodyJson().extractingPath("$.state").isEqualTo("VERIFIED");
        assertThat(body(verify)).doesNotContain(BOT_TOKEN_A);

        assertThat(LinkbaseMaxWorld.emulator.stats().callsOf("GET /me")).isGreaterThanOrEqualTo(2);
        assertThat(linkbaseTablesAsText()).doesNotContain(BOT_TOKEN_A);
        assertThat(output.getAll()).contains(MASKED).doesNotContain(BOT_TOKEN_A);
        assertThat(audit(SCHOOL_A)).containsExactly("CREDENTIALS_SAVED", "CREDENTIALS_VERIFIED");
        assertThat(auditDetails(SCHOOL_A, "CREDENTIALS_SAVED"))
                .contains("\"messenger\": \"MAX\"", "\"bot\": \"@school622_bot\"", "\"state\": \"VERIFIED\"")
                .contains(MASKED)
                .doesNotContain(BOT_TOKEN_A);
        assertThat(communities.of(SCHOOL_A)).as("no VK community any more").isEmpty();
    }

    @Test
    void refusesAWrongTokenInRussianAndStoresNothing(CapturedOutput output) {
        var put = put("adminA", SCHOOL_A, "{\"messenger\": \"MAX\", \"botToken\": \"" + WRONG_BOT_TOKEN + "\"}");

        assertThat(put).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var json = assertThat(put).bodyJson();
        json.extractingPath("$.reason").isEqualTo("BOT_TOKEN_INVALID");
        json.extractingPath("$.title").isEqualTo("MAX отклонил токен бота");
        json.extractingPath("$.detail").asString().startsWith("токен бота MAX недействителен");
        assertThat(body(put)).doesNotContain(WRONG_BOT_TOKEN);
        assertThat(get("adminA", SCHOOL_A)).hasStatus(404);
        assertThat(audit(SCHOOL_A)).containsExactly("CREDENTIALS_REJECTED");
        assertThat(auditDetails(SCHOOL_A, "CREDENTIALS_REJECTED"))
                .contains("BOT_TOKEN_INVALID", "\"messenger\": \"MAX\"")
                .doesNotContain(WRONG_BOT_TOKEN);
        assertThat(output.getAll()).doesNotContain(WRONG_BOT_TOKEN);
    }

    @Test
    void aStoredTokenMaxNoLongerAcceptsBecomesFailedWithARussianReason() {
        put("adminA", SCHOOL_A, "{\"messenger\": \"MAX\", \"botToken\": \"" + BOT_TOKEN_A + "\"}");
        // the bot's owner issued a new token in MAX: the stored one is refused from now on
        LinkbaseMaxWorld.emulator.seed(ru.paragraf.maxemulator.Seed.of(
                List.of(new ru.paragraf.maxemulator.Seed.Bot(
                        BOT_A, "school622_bot", BOT_A_NAME, "max-linkbase-test-school-a-reissued-5e6f7a8b9c0d1e2f")),
                List.of()));
        try {
            var verify = mvc.post()
                    .uri(path(SCHOOL_A) + "/verify")
                    .with(httpBasic("adminA", PASSWORD))
                    .exchange();

            assertThat(verify).hasStatusOk();
            var json = assertThat(verify).bodyJson();
            json.extractingPath("$.state").isEqualTo("FAILED");
            json.extractingPath("$.failure").isEqualTo("BOT_TOKEN_INVALID");
            json.extractingPath("$.stateText").asString().startsWith("ошибка: токен бота MAX недействителен");
        } finally {
            LinkbaseMaxWorld.emulator.seed(LinkbaseMaxWorld.seed());
        }
    }

    @Test
    void storesAnUnverifiedTokenWhenMaxIsUnreachableAndTheRecheckJobVerifiesIt() {
        LinkbaseMaxWorld.unreachable();

        var put = put("adminA", SCHOOL_A, "{\"messenger\": \"MAX\", \"botToken\": \"" + BOT_TOKEN_A + "\"}");

        assertThat(put).hasStatusOk();
        assertThat(put).bodyJson().extractingPath("$.state").isEqualTo("UNVERIFIED");
        assertThat(put).bodyJson().extractingPath("$.stateText").isEqualTo("не проверены");
        assertThat(put).bodyJson().extractingPath("$.botUsername").isNull();

        LinkbaseMaxWorld.reset();
        jdbc.sql("update linkbase.sferum_community set next_check_at = now() - interval '1 second'"
                        + " where organization_id = :id")
                .param("id", SCHOOL_A)
                .update();
        assertThat(rechecks.runOnce()).isOne();

        var get = get("adminA", SCHOOL_A);
        assertThat(get).bodyJson().extractingPath("$.state").isEqualTo("VERIFIED");
        assertThat(get).bodyJson().extractingPath("$.botUsername").isEqualTo("school622_bot");
        assertThat(audit(SCHOOL_A)).containsExactly("CREDENTIALS_SAVED", "CREDENTIALS_VERIFIED");
    }

    @Test
    void replacesTheVkCommunityAndBack() {
        var vk = mvc.put()
                .uri("/api/orgs/" + SCHOOL_A + "/sferum-community")
                .with(httpBasic("adminA", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"communityId\": 227000011, \"token\": \"" + TOKEN_A + "\"}")
                .exchange();
        assertThat(vk).hasStatusOk();
        assertThat(get("adminA", SCHOOL_A))
                .bodyJson()
                .extractingPath("$.messenger")
                .isEqualTo("VK");

        var max = put("adminA", SCHOOL_A, "{\"messenger\": \"MAX\", \"botToken\": \"" + BOT_TOKEN_A + "\"}");

        assertThat(max).hasStatusOk();
        assertThat(mvc.get().uri("/api/orgs/" + SCHOOL_A + "/sferum-community").with(httpBasic("adminA", PASSWORD)))
                .hasStatus(404);
        assertThat(communities.of(SCHOOL_A)).isEmpty();
        assertThat(auditDetails(SCHOOL_A, "CREDENTIALS_REPLACED")).contains("\"previousMessenger\": \"VK\"");

        var back = put(
                "adminA",
                SCHOOL_A,
                "{\"messenger\": \"VK\", \"communityId\": \"227000011\", \"token\": \"" + TOKEN_A + "\"}");

        assertThat(back).hasStatusOk();
        assertThat(back).bodyJson().extractingPath("$.messenger").isEqualTo("VK");
        assertThat(back).bodyJson().extractingPath("$.communityId").isEqualTo(227000011);
        assertThat(back).bodyJson().extractingPath("$.botUserId").isNull();
        assertThat(communities.of(SCHOOL_A)).isPresent();
    }

    @Test
    void removesTheBot() {
        put("adminA", SCHOOL_A, "{\"messenger\": \"MAX\", \"botToken\": \"" + BOT_TOKEN_A + "\"}");

        var deleted = mvc.delete()
                .uri(path(SCHOOL_A))
                .with(httpBasic("adminA", PASSWORD))
                .exchange();

        assertThat(deleted).hasStatus(204);
        assertThat(get("adminA", SCHOOL_A)).hasStatus(404);
        assertThat(audit(SCHOOL_A)).containsExactly("CREDENTIALS_SAVED", "CREDENTIALS_REMOVED");
        assertThat(mvc.delete().uri(path(SCHOOL_A)).with(httpBasic("adminA", PASSWORD)))
                .hasStatus(404);
    }

    @Test
    void refusesInvalidInputInRussian() {
        var control = put(
                "adminA", SCHOOL_A, "{\"messenger\": \"MAX\", \"botToken\": \"max-token\\u0000abcdefghijklmnopq\"}");
        var missing = put("adminA", SCHOOL_A, "{\"messenger\": \"MAX\"}");
        var unknown = put("adminA", SCHOOL_A, "{\"messenger\": \"TELEGRAM\", \"botToken\": \"" + BOT_TOKEN_A + "\"}");

        assertThat(control).hasStatus(422);
        assertThat(control).bodyJson().extractingPath("$.errors[0].field").isEqualTo("botToken");
        assertThat(control)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("недопустимый символ");
        assertThat(missing).hasStatus(422);
        assertThat(missing).bodyJson().extractingPath("$.errors[0].message").isEqualTo("Укажите токен бота MAX.");
        assertThat(unknown).hasStatus(422);
        assertThat(unknown).bodyJson().extractingPath("$.errors[0].field").isEqualTo("messenger");
        assertThat(body(unknown)).doesNotContain(BOT_TOKEN_A);
        assertThat(LinkbaseMaxWorld.emulator.chats()).isEmpty();
    }

    @Test
    void oneBotServesOneSchool() {
        assertThat(put("adminA", SCHOOL_A, "{\"messenger\": \"MAX\", \"botToken\": \"" + BOT_TOKEN_A + "\"}"))
                .hasStatusOk();

        var taken = put("adminB", SCHOOL_B, "{\"messenger\": \"MAX\", \"botToken\": \"" + BOT_TOKEN_A + "\"}");

        assertThat(taken).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(taken).bodyJson().extractingPath("$.title").isEqualTo("Бот уже указан для другой организации");
        assertThat(body(taken)).doesNotContain(BOT_TOKEN_A).doesNotContain(SCHOOL_A.toString());
        assertThat(get("adminB", SCHOOL_B)).hasStatus(404);
        assertThat(get("adminA", SCHOOL_A)).bodyJson().extractingPath("$.state").isEqualTo("VERIFIED");
    }

    @Test
    void keepsOtherSchoolsBotsOutOfReach() {
        assertThat(put("adminA", SCHOOL_B, "{\"messenger\": \"MAX\", \"botToken\": \"" + BOT_TOKEN_A + "\"}"))
                .hasStatus(404);
        assertThat(get("adminA", SCHOOL_B)).hasStatus(404);
    }

    private MvcTestResult put(String username, UUID organization, String json) {
        return mvc.put()
                .uri(path(organization))
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private MvcTestResult get(String username, UUID organization) {
        return mvc.get()
                .uri(path(organization))
                .with(httpBasic(username, PASSWORD))
                .exchange();
    }

    private static String path(UUID organization) {
        return "/api/orgs/" + organization + "/messenger";
    }

    private static String body(MvcTestResult result) {
        return html(result);
    }

    private List<String> audit(UUID organization) {
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
                .list()
                .toString();
    }
}
