package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.SchoolFixture.TEACHER_A1;
import static ru.paragraf.sferum.diary.VkIdWorld.*;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Replayed or tampered VK ID callbacks: each one ends on a clear Russian page and changes nothing — no link,
 * no token, no audit entry, no event, nothing in the staff file.
 */
class VkIdTamperingTests extends VkIdTestContext {

    @Test
    void refusesACallbackWithoutState() throws Exception {
        var teacher = logIn("teacherA1");
        var callback = WORLD.logIn(pressLink(teacher), ANNA_LOGIN, ANNA_PASSWORD);

        assertRefusedWithoutChange(
                teacher, without(callback, "state"), LinkFailure.MISSING_STATE, "нет параметра state");
    }

    @Test
    void refusesAStateThatWasNeverIssued() throws Exception {
        var teacher = logIn("teacherA1");
        var callback = WORLD.logIn(pressLink(teacher), ANNA_LOGIN, ANNA_PASSWORD);
        var forged = replace(callback, "state", Pkce.newState());

        assertRefusedWithoutChange(teacher, forged, LinkFailure.UNKNOWN_STATE, "не относится ни к одной");
    }

    @Test
    void refusesAStateWithCharactersNoIssuedStateHas() throws Exception {
        var teacher = logIn("teacherA1");
        var callback = WORLD.logIn(pressLink(teacher), ANNA_LOGIN, ANNA_PASSWORD);
        // found by the fuzz suite: a NUL in the state reached PostgreSQL, which answered with an error (HTTP 500)
        var forged = replace(callback, "state", "%00" + parameter(callback, "state"));

        assertRefusedWithoutChange(teacher, forged, LinkFailure.UNKNOWN_STATE, "не относится ни к одной");
    }

    @Test
    void showsTheFailurePageForAReasonEditedByHand() throws Exception {
        var teacher = logIn("teacherA1");

        var page = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/diary/vkid/failure")
                                .param("reason", "<script>alert(1)</script>")
                                .session(teacher))
                .andReturn()
                .getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString())
                .contains("Не удалось привязать VK ID", "не относится ни к одной")
                .doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void refusesAStateThatExpiredHere() throws Exception {
        var teacher = logIn("teacherA1");
        var callback = WORLD.logIn(pressLink(teacher), ANNA_LOGIN, ANNA_PASSWORD);
        clock.advance(Duration.ofMinutes(11));

        assertRefusedWithoutChange(teacher, callback, LinkFailure.EXPIRED_STATE, "Время на привязку истекло");
    }

    @Test
    void refusesACodeThatExpiredAtVk() throws Exception {
        var teacher = logIn("teacherA1");
        var callback = WORLD.logIn(pressLink(teacher), ANNA_LOGIN, ANNA_PASSWORD);
        WORLD.clock.advance(Duration.ofMinutes(11));

        assertRefusedWithoutChange(teacher, callback, LinkFailure.EXCHANGE_FAILED, "не принял код авторизации");
    }

    @Test
    void refusesAReplayedCallback() throws Exception {
        var teacher = logIn("teacherA1");
        var callback = link(teacher, ANNA_LOGIN, ANNA_PASSWORD);

        assertRefusedWithoutChange(teacher, callback, LinkFailure.REUSED_STATE, "уже обработан");
    }

    @Test
    void refusesACodeUsedBefore() throws Exception {
        var teacher = logIn("teacherA2");
        var first = link(teacher, BORIS_LOGIN, BORIS_PASSWORD);
        var second = WORLD.logIn(pressLink(teacher), BORIS_LOGIN, BORIS_PASSWORD);
        var replayedCode = replace(second, "code", parameter(first, "code"));

        assertRefusedWithoutChange(teacher, replayedCode, LinkFailure.EXCHANGE_FAILED, "код уже использован");
    }

    @Test
    void refusesWhenTheTeacherCancelsAtVk() throws Exception {
        var teacher = logIn("teacherA1");
        var callback = WORLD.cancel(pressLink(teacher));
        assertThat(parameter(callback, "error")).isEqualTo("access_denied");

        assertRefusedWithoutChange(teacher, callback, LinkFailure.CANCELLED, "отменили вход в VK ID");
    }

    @Test
    void refusesAnErrorFromVk() throws Exception {
        var teacher = logIn("teacherA1");
        var authorize = pressLink(teacher);
        var error = MOCK_CALLBACK + "?error=temporarily_unavailable&error_description=try+later&state="
                + parameter(authorize, "state");

        assertRefusedWithoutChange(teacher, error, LinkFailure.VK_ERROR, "сообщил об ошибке");
    }

    @Test
    void refusesACallbackWithoutCode() throws Exception {
        var teacher = logIn("teacherA1");
        var callback = WORLD.logIn(pressLink(teacher), ANNA_LOGIN, ANNA_PASSWORD);

        assertRefusedWithoutChange(teacher, without(callback, "code"), LinkFailure.INVALID_CALLBACK, "нет кода");
    }

    @Test
    void refusesAStateStartedByAnotherTeacherAndKeepsItForTheOwner() throws Exception {
        var owner = logIn("teacherA1");
        var callback = WORLD.logIn(pressLink(owner), ANNA_LOGIN, ANNA_PASSWORD);
        var intruder = logIn("teacherA2");

        assertRefusedWithoutChange(intruder, callback, LinkFailure.FOREIGN_STATE, "под другой учётной записью");

        assertThat(arrive(owner, callback).getRedirectedUrl()).isEqualTo("/diary/chats?vkid=linked");
        assertThat(links.find(TEACHER_A1))
                .hasValueSatisfying(link -> assertThat(link.vkUserId()).isEqualTo(ANNA));
    }

    private void assertRefusedWithoutChange(
            MockHttpSession teacher, String callback, LinkFailure reason, String explanation) throws Exception {
        var before = footprint();

        MockHttpServletResponse response = arrive(teacher, callback);

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getRedirectedUrl()).isEqualTo("/diary/vkid/failure?reason=" + reason.name());
        var page = page(teacher, response.getRedirectedUrl());
        assertThat(page)
                .contains("Не удалось привязать VK ID", explanation, "Ничего не изменено")
                .doesNotContain(parameterOrEmpty(callback, "code"));
        assertThat(footprint()).isEqualTo(before);
    }

    static String parameter(String url, String name) {
        var value =
                UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst(name);
        assertThat(value).as("%s in the URL", name).isNotNull();
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    static String parameterOrEmpty(String url, String name) {
        var value =
                UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst(name);
        return value == null ? "\u0000no-such-value" : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    static String without(String url, String name) {
        return UriComponentsBuilder.fromUriString(url)
                .replaceQueryParam(name)
                .build()
                .toUriString();
    }

    static String replace(String url, String name, String value) {
        return UriComponentsBuilder.fromUriString(url)
                .replaceQueryParam(name, value)
                .build()
                .toUriString();
    }
}
