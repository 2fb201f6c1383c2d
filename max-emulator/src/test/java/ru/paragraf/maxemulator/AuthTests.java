package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.maxemulator.Fixtures.BOT;
import static ru.paragraf.maxemulator.Fixtures.BOT_NAME;
import static ru.paragraf.maxemulator.Fixtures.TOKEN;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** [RDM] and [SCH] 0.0.33 {@code securitySchemes.access_token}: the raw token in {@code Authorization}, no Bearer. */
class AuthTests {

    private MaxEmulator max;
    private MaxHttp http;

    @BeforeEach
    void start() {
        max = MaxEmulator.start(Fixtures.config().build());
        http = new MaxHttp(max.baseUrl());
    }

    @AfterEach
    void stop() {
        max.close();
    }

    /** [SCH] GET /me returns BotInfo. */
    @Test
    void rawTokenHeaderGetsTheBotInfo() {
        var me = http.get(TOKEN, "/me").ok();

        assertThat(me.path("user_id").asLong()).isEqualTo(BOT);
        assertThat(me.path("username").asString()).isEqualTo(BOT_NAME);
        assertThat(me.path("first_name").asString()).isEqualTo("Школа 101 — бот");
        assertThat(me.path("is_bot").asBoolean()).isTrue();
    }

    /** [RDM]: "Authorization: <token>" without a Bearer prefix; [GO] stabs/error.invalid-token.json. */
    @Test
    void bearerPrefixIsRefusedAsAnInvalidToken() {
        var answer = http.get("Bearer " + TOKEN, "/me");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("code").asString()).isEqualTo("verify.token");
        assertThat(answer.json().path("message").asString()).isEqualTo("Invalid access_token");
    }

    /** [RDM]: the access_token query parameter is no longer accepted. */
    @Test
    void accessTokenQueryParameterIsNotAccepted() {
        var answer = http.get(null, "/me?access_token=" + TOKEN);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("code").asString()).isEqualTo("verify.token");
    }

    @Test
    void unknownTokenIsRefused() {
        assertThat(http.get("max-no-such-token", "/me").status()).isEqualTo(401);
        assertThat(max.stats().errorsOf("GET /me", "verify.token")).isEqualTo(1);
    }

    @Test
    void unknownPathIs404AndWrongVerb405() {
        assertThat(http.get(TOKEN, "/chats").status()).isEqualTo(404);
        assertThat(http.post(TOKEN, "/me", "{}").status()).isEqualTo(405);
    }

    /** [SCH] 0.0.33 has no create-chat endpoint and no invite-link endpoint. */
    @Test
    void thereIsNoWayForABotToCreateAChatOrAnInviteLink() {
        assertThat(http.post(TOKEN, "/chats", "{\"title\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.post(TOKEN, "/chats/-70000000000001/link", "{}").status())
                .isEqualTo(404);
    }
}
