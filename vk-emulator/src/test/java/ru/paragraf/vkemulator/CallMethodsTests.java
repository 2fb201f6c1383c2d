package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.vkemulator.Fixtures.PUPIL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallMethodsTests {

    private VkEmulator emulator;
    private VkHttp http;
    private String teacherToken;

    @BeforeEach
    void start() {
        emulator = VkEmulator.start(Fixtures.config(new MutableClock()).build());
        http = new VkHttp(emulator);
        teacherToken = emulator.issueUserToken(TEACHER);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void startAnswersCallIdAndLinks() {
        var response = http.ok("calls.start", teacherToken, "group_id", String.valueOf(SCHOOL));

        assertThat(response.path("call_id").asString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.path("join_link").asString()).startsWith("https://vk.com/call/join/");
        assertThat(response.path("ok_join_link").asString()).isNotEmpty();
        var credentials = response.path("short_credentials");
        assertThat(credentials.path("id").asString()).isNotEmpty();
        assertThat(credentials.path("password").asString()).isNotEmpty();
        assertThat(credentials.path("link_with_password").asString()).startsWith("https://");
        assertThat(credentials.path("link_without_password").asString()).startsWith("https://");
        var call = emulator.calls().get(0);
        assertThat(call.startedBy()).isEqualTo(TEACHER);
        assertThat(call.groupId()).isEqualTo(SCHOOL);
        assertThat(call.state()).isEqualTo("active");
    }

    @Test
    void forceFinishEndsTheCallAndIsIdempotent() {
        var callId = http.ok("calls.start", teacherToken).path("call_id").asString();

        assertThat(http.ok("calls.forceFinish", teacherToken, "call_id", callId).asInt())
                .isEqualTo(1);
        assertThat(http.ok("calls.forceFinish", teacherToken, "call_id", callId).asInt())
                .isEqualTo(1);
        assertThat(emulator.calls().get(0).state()).isEqualTo("finished");
        assertThat(emulator.calls().get(0).finishedBy()).isEqualTo(TEACHER);
    }

    @Test
    void forceFinishRefusesUnknownMalformedAndForeignCalls() {
        var callId = http.ok("calls.start", teacherToken).path("call_id").asString();

        assertThat(http.errorCode("calls.forceFinish", teacherToken, "call_id", "00000000-0000-0000-0000-000000000000"))
                .isEqualTo(104);
        assertThat(http.errorCode("calls.forceFinish", teacherToken, "call_id", "short"))
                .isEqualTo(100);
        assertThat(http.errorCode("calls.forceFinish", teacherToken)).isEqualTo(100);
        assertThat(http.errorCode("calls.forceFinish", emulator.issueUserToken(PUPIL), "call_id", callId))
                .isEqualTo(15);
        assertThat(emulator.calls().get(0).state()).isEqualTo("active");
    }

    @Test
    void startRefusesUnknownCommunity() {
        assertThat(http.errorCode("calls.start", teacherToken, "group_id", "42"))
                .isEqualTo(100);
    }
}
