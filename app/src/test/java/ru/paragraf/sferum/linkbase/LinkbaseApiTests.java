package ru.paragraf.sferum.linkbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_A;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_B;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_C;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_A;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_B;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_C;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code /api/orgs/{org}/sferum-community}: the token goes in, only its mask comes out; scoped like the page. */
@ExtendWith(OutputCaptureExtension.class)
class LinkbaseApiTests extends LinkbaseTestSupport {

    @Test
    void storesVerifiedCredentialsAndAnswersWithTheMaskOnly(CapturedOutput output) {
        var put = put("adminA", SCHOOL_A, "{\"communityId\": 227000011, \"token\": \"" + TOKEN_A + "\"}");

        assertThat(put).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        var json = assertThat(put).bodyJson();
        json.extractingPath("$.organization").isEqualTo(SCHOOL_A.toString());
        json.extractingPath("$.communityId").isEqualTo(227000011);
        json.extractingPath("$.communityName").isEqualTo("ГБОУ школа № 622 — Сферум");
        json.extractingPath("$.tokenMasked").isEqualTo("vk1.a.****…9f3c");
        json.extractingPath("$.state").isEqualTo("VERIFIED");
        json.extractingPath("$.stateText").isEqualTo("проверено ✓");
        assertThat(body(put)).doesNotContain(TOKEN_A).doesNotContain("\"token\"");

        var get = get("adminA", SCHOOL_A);
        assertThat(get).hasStatusOk();
        assertThat(body(get)).contains("\"tokenMasked\":\"vk1.a.****…9f3c\"").doesNotContain(TOKEN_A);
        var verify = mvc.post()
                .uri(path(SCHOOL_A) + "/verify")
                .with(httpBasic("adminA", PASSWORD))
                .exchange();
        assertThat(verify).hasStatusOk();
        assertThat(body(verify)).doesNotContain(TOKEN_A);
        assertThat(output.getAll()).doesNotContain(TOKEN_A);
    }

    @Test
    void takesTheIdAsTextToo() {
        var put = put("district1", SCHOOL_B, "{\"communityId\": \"227000012\", \"token\": \"" + TOKEN_B + "\"}");

        assertThat(put).hasStatusOk();
        assertThat(put).bodyJson().extractingPath("$.communityId").isEqualTo(227000012);
    }

    @Test
    void answersInvalidInputWith422AndEveryProblem() {
        var put = put("adminA", SCHOOL_A, "{\"communityId\": 99999999999999999999, \"token\": \"vk1.a.x y\"}");

        assertThat(put).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var json = assertThat(put).bodyJson();
        json.extractingPath("$.title").isEqualTo("Неверные данные сообщества");
        json.extractingPath("$.type").isEqualTo("urn:sferum:problem:linkbase:invalid-input");
        json.extractingPath("$.errors[*].field").asArray().containsExactly("communityId", "token");
        json.extractingPath("$.errors[*].code").asArray().containsExactly("idTooLarge", "tokenWhitespace");
        json.extractingPath("$.errors[0].message")
                .isEqualTo("Идентификатор сообщества слишком большой: допустимо не более 9223372036854775807.");
        assertThat(body(put)).doesNotContain("vk1.a.x y");
    }

    @Test
    void answersAMissingBodyFieldWith422() {
        var put = put("adminA", SCHOOL_A, "{}");

        assertThat(put).hasStatus(422);
        assertThat(put)
                .bodyJson()
                .extractingPath("$.errors[*].code")
                .asArray()
                .containsExactly("idRequired", "tokenRequired");
    }

    @Test
    void answersMalformedJsonWith400AndKeepsTheTokenOutOfAnswerAndLog(CapturedOutput output) {
        var put = put("adminA", SCHOOL_A, "{\"communityId\": 227000011, \"token\": " + TOKEN_A + "}");

        assertThat(put).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(put)).doesNotContain(TOKEN_A, "linkbase-test");
        assertThat(output.getAll()).doesNotContain(TOKEN_A, "linkbase-test");
    }

    @Test
    void answersARefusalWith422AndTheReason() {
        var put = put("adminA", SCHOOL_A, "{\"communityId\": 227000011, \"token\": \"" + TOKEN_B + "\"}");

        assertThat(put).hasStatus(422);
        var json = assertThat(put).bodyJson();
        json.extractingPath("$.reason").isEqualTo("TOKEN_OF_ANOTHER_COMMUNITY");
        json.extractingPath("$.title").isEqualTo("VK Сферум отклонил данные сообщества");
        json.extractingPath("$.detail")
                .asString()
                .startsWith("токен выдан для другого сообщества, а не для сообщества с этим идентификатором.");
        assertThat(get("adminA", SCHOOL_A)).hasStatus(404);
    }

    @Test
    void storesUnverifiedCredentialsWhenVkIsUnreachable() {
        LinkbaseWorld.unreachable();

        var put = put("adminA", SCHOOL_A, "{\"communityId\": 227000011, \"token\": \"" + TOKEN_A + "\"}");

        assertThat(put).hasStatusOk();
        assertThat(put).bodyJson().extractingPath("$.state").isEqualTo("UNVERIFIED");
        assertThat(put).bodyJson().extractingPath("$.stateText").isEqualTo("не проверены");
        assertThat(put).bodyJson().extractingPath("$.nextCheckAt").isNotNull();
    }

    @Test
    void deletesTheCommunity() {
        put("adminA", SCHOOL_A, "{\"communityId\": 227000011, \"token\": \"" + TOKEN_A + "\"}");

        var deleted = mvc.delete()
                .uri(path(SCHOOL_A))
                .with(httpBasic("adminA", PASSWORD))
                .exchange();

        assertThat(deleted).hasStatus(204);
        var again = get("adminA", SCHOOL_A);
        assertThat(again).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("В «Базе ссылок» этой организации нет сообщества VK Сферум.");
        assertThat(mvc.delete().uri(path(SCHOOL_A)).with(httpBasic("adminA", PASSWORD)))
                .hasStatus(404);
    }

    @Test
    void keepsOtherSchoolsCredentialsOutOfReach() {
        put("city", SCHOOL_B, "{\"communityId\": 227000012, \"token\": \"" + TOKEN_B + "\"}");
        put("city", SCHOOL_C, "{\"communityId\": 227000013, \"token\": \"" + TOKEN_C + "\"}");

        assertThat(get("adminA", SCHOOL_B)).hasStatus(404);
        assertThat(body(get("adminA", SCHOOL_B))).doesNotContain("227000012", "vk1.a.");
        assertThat(put("adminA", SCHOOL_B, "{\"communityId\": 227000011, \"token\": \"" + TOKEN_A + "\"}"))
                .hasStatus(404);
        assertThat(mvc.delete().uri(path(SCHOOL_B)).with(httpBasic("adminA", PASSWORD)))
                .hasStatus(404);
        assertThat(mvc.post().uri(path(SCHOOL_B) + "/verify").with(httpBasic("adminA", PASSWORD)))
                .hasStatus(404);
        assertThat(get("district1", SCHOOL_B)).hasStatusOk();
        assertThat(get("district1", SCHOOL_C)).hasStatus(404);
        assertThat(get("teacherA1", SCHOOL_A)).hasStatus(403);
        assertThat(get("city", SCHOOL_C)).hasStatusOk();
    }

    private MvcTestResult put(String who, UUID organization, String json) {
        return mvc.put()
                .uri(path(organization))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .with(httpBasic(who, PASSWORD))
                .exchange();
    }

    private MvcTestResult get(String who, UUID organization) {
        return mvc.get().uri(path(organization)).with(httpBasic(who, PASSWORD)).exchange();
    }

    private static String path(UUID organization) {
        return "/api/orgs/" + organization + "/sferum-community";
    }

    private static String body(MvcTestResult result) {
        return html(result);
    }
}
