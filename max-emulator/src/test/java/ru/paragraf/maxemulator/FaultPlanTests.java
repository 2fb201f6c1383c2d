package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static ru.paragraf.maxemulator.Fixtures.TOKEN;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault plan: lost responses, {@code success:false} ([SCH] SimpleQueryResult) and 503 ([SCH] statuses). */
class FaultPlanTests {

    private MaxEmulator max;
    private MaxHttp http;
    private long chat;

    @BeforeEach
    void start() {
        max = MaxEmulator.start(Fixtures.config().build());
        http = new MaxHttp(max.baseUrl());
        chat = Fixtures.chatWithBot(max);
    }

    @AfterEach
    void stop() {
        max.close();
    }

    /** The send happens, the answer is lost; a retry posts a second message (no idempotency in [SCH]). */
    @Test
    void aLostResponseStillPostsTheMessage() {
        max.faults(FaultPlan.NONE.withLostResponse("POST /messages", 1));

        assertThatThrownBy(() -> http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"Звонок\"}"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(max.chat(chat).texts()).containsExactly("Звонок");

        var retry = http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"Звонок\"}");
        assertThat(retry.status()).as("the rule took one call only").isEqualTo(200);
        assertThat(max.chat(chat).texts()).containsExactly("Звонок", "Звонок");
    }

    /** A held answer: MAX has the message while the client waits; replacing the plan sends the answer. */
    @Test
    void aHeldResponseIsPerformedAndAnsweredWhenThePlanIsReplaced() throws Exception {
        max.faults(FaultPlan.NONE.withHeldResponse("POST /messages", 1));

        var answer = CompletableFuture.supplyAsync(
                () -> http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"Звонок\"}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> max.heldCalls().equals(List.of("POST /messages")));
        assertThat(max.chat(chat).texts()).as("posted, not answered").containsExactly("Звонок");
        assertThat(answer).isNotDone();

        max.faults(FaultPlan.NONE);

        assertThat(answer.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(max.heldCalls()).isEmpty();
    }

    /** A held request is not performed; replacing the plan drops it unperformed. */
    @Test
    void aHeldRequestIsDroppedUnperformedWhenThePlanIsReplaced() {
        max.faults(FaultPlan.NONE.withHeldRequest("POST /messages", 1));

        var answer = CompletableFuture.supplyAsync(
                () -> http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"Звонок\"}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> max.heldCalls().equals(List.of("POST /messages")));

        max.faults(FaultPlan.NONE);

        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(UncheckedIOException.class);
        assertThat(max.chat(chat).texts()).isEmpty();
        assertThat(max.heldCalls()).isEmpty();
    }

    /** [SCH] SimpleQueryResult: a 200 with success false; nothing is done. */
    @Test
    void successFalseAnswersTwoHundredAndDoesNothing() {
        max.faults(FaultPlan.NONE.withSuccessFalse("PATCH /chats/{chatId}", 0, "Chat is busy"));
        max.makeAdmin(chat, Fixtures.TEACHER, Fixtures.BOT, java.util.List.of(ChatPermission.CHANGE_CHAT_INFO));

        var answer = http.patch(TOKEN, "/chats/" + chat, "{\"title\":\"Другое\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("success").asBoolean()).isFalse();
        assertThat(answer.json().path("message").asString()).isEqualTo("Chat is busy");
        assertThat(max.chat(chat).title()).isEqualTo("7А Алгебра");
    }

    @Test
    void unavailableAnswers503WithTheErrorBody() {
        max.faults(
                FaultPlan.parse("{\"rules\":[{\"method\":\"POST /messages\",\"fault\":\"UNAVAILABLE\",\"times\":2}]}"));

        var first = http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"a\"}");
        var second = http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"a\"}");
        var third = http.post(TOKEN, "/messages?chat_id=" + chat, "{\"text\":\"a\"}");

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().path("code").asString()).isEqualTo("service.unavailable");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
        assertThat(max.chat(chat).texts()).hasSize(1);
        assertThat(max.stats().errorsOf("POST /messages", "service.unavailable"))
                .isEqualTo(2);
    }

    @Test
    void faultsAreSetOverHttpToo() {
        http.put(
                        null,
                        "/_emulator/faults",
                        "{\"rules\":[{\"method\":\"GET /me\",\"fault\":\"UNAVAILABLE\",\"times\":0}]}")
                .ok();
        assertThat(http.get(TOKEN, "/me").status()).isEqualTo(503);

        http.delete(null, "/_emulator/faults").ok();
        assertThat(http.get(TOKEN, "/me").status()).isEqualTo(200);
    }
}
