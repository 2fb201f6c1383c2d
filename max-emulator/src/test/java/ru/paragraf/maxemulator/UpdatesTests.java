package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.maxemulator.Fixtures.BOT;
import static ru.paragraf.maxemulator.Fixtures.PARENT;
import static ru.paragraf.maxemulator.Fixtures.PUPIL;
import static ru.paragraf.maxemulator.Fixtures.TEACHER;
import static ru.paragraf.maxemulator.Fixtures.TOKEN;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** [SCH] 0.0.33 {@code GET /updates?limit=&timeout=&marker=&types=} and the visibility rule of updates. */
class UpdatesTests {

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

    /** [SCH] GET /updates returns {updates, marker}; the next call with that marker gets only newer updates. */
    @Test
    void aMarkerAcknowledgesWhatCameBefore() {
        var chat = Fixtures.chatWithBot(max, ChatPermission.READ_ALL_MESSAGES);
        max.sendMessage(chat, TEACHER, "первое");

        var first = http.get(TOKEN, "/updates?timeout=0").ok();
        assertThat(types(first)).containsExactly("bot_added", "message_created");
        var again = http.get(
                        TOKEN,
                        "/updates?timeout=0&marker=" + first.path("marker").asLong())
                .ok();
        assertThat(again.path("updates")).isEmpty();

        max.sendMessage(chat, TEACHER, "второе");
        var next = http.get(
                        TOKEN,
                        "/updates?timeout=0&marker=" + again.path("marker").asLong())
                .ok();
        assertThat(types(next)).containsExactly("message_created");
        assertThat(next.path("updates")
                        .get(0)
                        .path("message")
                        .path("body")
                        .path("text")
                        .asString())
                .isEqualTo("второе");
        // without a marker: from the first update not acknowledged (the marker of `again` acknowledged the first two)
        assertThat(types(http.get(TOKEN, "/updates?timeout=0").ok())).containsExactly("message_created");
    }

    /** [SCH] bot_added: {chat_id, user (who added), is_channel}; shape from [GO] stabs/webhook.bot_added.json. */
    @Test
    void botAddedNamesTheChatAndWhoAddedTheBot() {
        var chat = Fixtures.chatWithBot(max);

        var update = http.get(TOKEN, "/updates?timeout=0").ok().path("updates").get(0);

        assertThat(update.path("update_type").asString()).isEqualTo("bot_added");
        assertThat(update.path("chat_id").asLong()).isEqualTo(chat);
        assertThat(update.path("user").path("user_id").asLong()).isEqualTo(TEACHER);
        assertThat(update.path("is_channel").asBoolean()).isFalse();
        assertThat(update.path("timestamp").asLong()).isPositive();
    }

    /** [SCH] timeout 0..90: a long poll answers as soon as an update arrives, not at the end of its timeout. */
    @Test
    void aLongPollReturnsAsSoonAsAnUpdateArrives() throws Exception {
        var chat = Fixtures.chatWithBot(max, ChatPermission.READ_ALL_MESSAGES);
        var marker = http.get(TOKEN, "/updates?timeout=0").ok().path("marker").asLong();
        var started = System.nanoTime();
        var poll = CompletableFuture.supplyAsync(() -> http.get(TOKEN, "/updates?timeout=60&marker=" + marker));
        awaitCalls("GET /updates", 2);
        assertThat(poll).isNotDone();

        max.sendMessage(chat, TEACHER, "Здравствуйте");
        var answer = poll.get(20, TimeUnit.SECONDS).ok();

        assertThat(types(answer)).containsExactly("message_created");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(20);
    }

    @Test
    void aLongPollWithoutUpdatesAnswersEmptyAfterItsTimeout() {
        var started = System.nanoTime();

        var answer = http.get(TOKEN, "/updates?timeout=1").ok();

        assertThat(answer.path("updates")).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(900);
    }

    /** [SCH] limit 1..1000, timeout 0..90. */
    @Test
    void refusesLimitsOutOfRange() {
        assertThat(http.get(TOKEN, "/updates?timeout=91").status()).isEqualTo(400);
        assertThat(http.get(TOKEN, "/updates?limit=0").status()).isEqualTo(400);
        assertThat(http.get(TOKEN, "/updates?limit=1001").status()).isEqualTo(400);
    }

    /** [SCH] types=a,b: only those types. */
    @Test
    void typesFilterTheUpdates() {
        var chat = Fixtures.chatWithBot(max, ChatPermission.READ_ALL_MESSAGES);
        max.sendMessage(chat, TEACHER, "текст");
        max.addMember(chat, TEACHER, PUPIL);

        var answer =
                http.get(TOKEN, "/updates?timeout=0&types=user_added,bot_added").ok();

        assertThat(types(answer)).containsExactly("bot_added", "user_added");
        assertThat(answer.path("updates").get(1).path("inviter_id").asLong()).isEqualTo(TEACHER);
    }

    /**
     * [SCH] Update: in group chats the bot gets message events and user_added/user_removed only as an admin with
     * read_all_messages; bot_added and chat_title_changed always.
     */
    @Test
    void visibilityRuleHidesMessagesAndMembersFromABotWithoutReadAllMessages() {
        var chat = Fixtures.chatWithBot(max);
        max.sendMessage(chat, TEACHER, "не видно");
        max.addMember(chat, TEACHER, PUPIL);
        max.removeMember(chat, TEACHER, PUPIL);
        max.renameChat(chat, TEACHER, "7А Алгебра и геометрия");
        var hidden = http.get(TOKEN, "/updates?timeout=0").ok();
        assertThat(types(hidden)).containsExactly("bot_added", "chat_title_changed");

        max.makeAdmin(chat, TEACHER, BOT, List.of(ChatPermission.READ_ALL_MESSAGES));
        max.sendMessage(chat, TEACHER, "видно");
        max.addMember(chat, TEACHER, PARENT);
        max.leaveChat(chat, PARENT);
        var seen = http.get(
                        TOKEN,
                        "/updates?timeout=0&marker=" + hidden.path("marker").asLong())
                .ok();

        assertThat(types(seen)).containsExactly("message_created", "user_added", "user_removed");
        assertThat(seen.path("updates").get(2).has("admin_id")).isFalse();
    }

    /** [SCH] bot_removed goes to the removed bot; user_removed carries admin_id. */
    @Test
    void removingTheBotTellsIt() {
        var chat = Fixtures.chatWithBot(max);

        max.removeMember(chat, TEACHER, BOT);

        var answer = http.get(TOKEN, "/updates?timeout=0").ok();
        assertThat(types(answer)).containsExactly("bot_added", "bot_removed");
        assertThat(answer.path("updates").get(1).path("chat_id").asLong()).isEqualTo(chat);
        assertThat(answer.path("updates").get(1).path("user").path("user_id").asLong())
                .isEqualTo(TEACHER);
    }

    private void awaitCalls(String method, int calls) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (max.stats().callsOf(method) < calls) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(method + " was not called " + calls + " times");
            }
            Thread.sleep(5); // polling with a deadline
        }
    }

    static List<String> types(JsonNode answer) {
        var types = new ArrayList<String>();
        answer.path("updates").forEach(u -> types.add(u.path("update_type").asString()));
        return types;
    }
}
