package ru.paragraf.sferum.sync.max;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ru.paragraf.maxemulator.ChatPermission;
import ru.paragraf.maxemulator.EmulatorConfig;
import ru.paragraf.maxemulator.FaultPlan;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.maxemulator.Seed;
import ru.paragraf.sferum.sync.messenger.Problem;

/** The MAX client over real HTTP against the MAX emulator (max-protocol.md §1–§3, §5). */
@ExtendWith(OutputCaptureExtension.class)
class MaxClientTests {

    static final long BOT = 900_000_101L;
    static final String TOKEN = "max-test-school101-5b0c2f7e1d4a48a6b1c3d2e5f6a7b8c9";
    static final long TEACHER = 300_000_001L;
    static final long PUPIL = 300_000_002L;
    static final long PRIVATE_PUPIL = 300_000_003L;
    static final long PARENT = 300_000_004L;
    static final long NOBODY = 399_999_999L;

    private final List<MaxEmulator> emulators = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MaxToken token = new MaxToken(TOKEN);

    @AfterEach
    void stopEmulators() {
        emulators.forEach(MaxEmulator::close);
    }

    @Test
    void readsTheBotWithTheRawTokenInTheAuthorizationHeader() {
        var max = emulator(config());
        var client = client(max, Map.of());

        var me = client.call(token, new MaxBots.GetMe()).orThrow();

        // the emulator, like MAX, refuses "Bearer <token>" and ?access_token=: only the raw header gets here
        assertThat(me.userId()).isEqualTo(BOT);
        assertThat(me.username()).isEqualTo("school101_bot");
        assertThat(me.displayName()).isEqualTo("Школа 101 — бот");
        assertThat(me.isBot()).isTrue();
    }

    @Test
    void aWrongTokenIsACredentialsProblemNotRepeatedAndNeverLogged(CapturedOutput output) {
        var max = emulator(config());
        var client = client(max, Map.of());
        var wrong = new MaxToken("max-wrong-token-0123456789abcdef0123456789abcdef");

        var failure = failure(client.call(wrong, new MaxBots.GetMe()));

        assertThat(failure.kind()).isEqualTo(MaxFailure.Kind.API_ERROR);
        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.code()).isEqualTo("verify.token");
        assertThat(failure.problem()).isEqualTo(Problem.Kind.CREDENTIALS);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(max.stats().callsOf("GET /me")).isEqualTo(1);
        assertThat(failure.toProblem().explanation().getCodes()).startsWith("max.error.verify.token");
        assertThat(output.getAll()).contains("MAX call failed", wrong.masked()).doesNotContain(wrong.value());
        assertThat(wrong.toString()).doesNotContain(wrong.value());
    }

    @Test
    void aChatNotFoundAndADeniedChatAreItemProblems() {
        var max = emulator(config());
        var client = client(max, Map.of());
        long foreign = max.createChat(TEACHER, "Чужой чат");
        long plain = max.createChat(TEACHER, "7А Алгебра");
        max.addBotToChat(plain, TEACHER, BOT);

        var notFound = failure(client.call(token, new MaxChats.Get(-70_000_000_999_999L)));
        var notMember = failure(client.call(token, new MaxChats.Get(foreign)));
        var notAdmin = failure(client.call(token, new MaxMembers.Admins(plain)));

        assertThat(notFound.code()).isEqualTo("chat.not.found");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.problem()).isEqualTo(Problem.Kind.ITEM);
        assertThat(notMember.code()).isEqualTo("chat.denied");
        assertThat(notMember.status()).isEqualTo(403);
        assertThat(notMember.problem()).isEqualTo(Problem.Kind.ITEM);
        assertThat(notAdmin.code()).isEqualTo("chat.denied");
        assertThat(List.of(notFound, notMember, notAdmin)).allSatisfy(f -> {
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.ambiguous()).isFalse();
        });
    }

    @Test
    void aBadRequestIsABug() {
        var max = emulator(config());
        var client = client(max, Map.of());
        long chat = chatWithBot(max, ChatPermission.CHANGE_CHAT_INFO);

        var failure = failure(client.call(token, new MaxChats.EditTitle(chat, "x".repeat(201))));

        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.problem()).isEqualTo(Problem.Kind.BUG);
        assertThat(failure.attempts()).isEqualTo(1);
    }

    @Test
    void successFalseOnA200IsAFailure() {
        var max = emulator(config());
        var client = client(max, Map.of());
        long chat = chatWithBot(max, ChatPermission.PIN_MESSAGE, ChatPermission.WRITE);
        var mid = client.call(token, MaxMessages.Send.text(chat, "Закреплённое"))
                .orThrow()
                .message()
                .mid();
        max.faults(FaultPlan.NONE.withSuccessFalse("PUT /chats/{chatId}/pin", 1, "Pin refused"));

        var failure = failure(client.call(token, new MaxChats.Pin(chat, mid, false)));

        assertThat(failure.kind()).isEqualTo(MaxFailure.Kind.UNSUCCESSFUL);
        assertThat(failure.status()).isEqualTo(200);
        assertThat(failure.message()).isEqualTo("Pin refused");
        assertThat(failure.problem()).isEqualTo(Problem.Kind.ITEM);
        assertThat(failure.ambiguous()).isFalse();
        assertThat(max.chat(chat).pinnedMid()).isNull();

        client.call(token, new MaxChats.Pin(chat, mid, false)).orThrow();
        assertThat(max.chat(chat).pinnedMid()).isEqualTo(mid);
    }

    @Test
    void aTransientFailureOfAReadIsRepeatedWithBackoff() {
        var max = emulator(config());
        var client = client(max, Map.of());
        long chat = chatWithBot(max);
        max.faults(FaultPlan.NONE.withUnavailable("GET /chats/{chatId}", 2));

        var read = client.call(token, new MaxChats.Get(chat)).orThrow();

        assertThat(read.chatId()).isEqualTo(chat);
        assertThat(read.title()).isEqualTo("7А Алгебра");
        assertThat(max.stats().callsOf("GET /chats/{chatId}")).isEqualTo(3);
        assertThat(meters.counter("sferum.max.retries", "call", "GET /chats/{chatId}", "reason", "service.unavailable")
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void aSendWhoseAnswerWasLostIsNotRepeatedAndIsFoundAmongRecentMessages() {
        var max = emulator(config());
        var client = client(max, Map.of());
        long chat = chatWithBot(max, ChatPermission.WRITE);
        max.faults(FaultPlan.NONE.withLostResponse("POST /messages", 1));

        var failure = failure(client.call(token, MaxMessages.Send.text(chat, "Урок 3 перенесён на 11:00")));

        assertThat(failure.problem()).isEqualTo(Problem.Kind.RETRY);
        assertThat(failure.ambiguous()).isTrue();
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(max.chat(chat).texts()).containsExactly("Урок 3 перенесён на 11:00");
        var recent =
                client.call(token, new MaxMessages.Recent(chat, 10)).orThrow().messages();
        assertThat(recent).extracting(MaxMessages.Message::text).containsExactly("Урок 3 перенесён на 11:00");
        assertThat(recent.get(0).sender().userId()).isEqualTo(BOT);
    }

    @Test
    void a503OfASendIsNotRepeated() {
        var max = emulator(config());
        var client = client(max, Map.of());
        long chat = chatWithBot(max, ChatPermission.WRITE);
        max.faults(FaultPlan.NONE.withUnavailable("POST /messages", 1));

        var failure = failure(client.call(token, MaxMessages.Send.text(chat, "Текст")));

        assertThat(failure.status()).isEqualTo(503);
        assertThat(failure.problem()).isEqualTo(Problem.Kind.RETRY);
        assertThat(failure.ambiguous()).isTrue();
        assertThat(max.stats().callsOf("POST /messages")).isEqualTo(1);
    }

    @Test
    void a429IsRepeatedWithBackoffUntilItPasses() throws Exception {
        // MAX allows 5/s here, the client believes 1000/s: MAX answers 429 and the client backs off; 4 threads race
        // for 5 permits a second, so a loser may need many rounds on a loaded machine: attempts are not the point
        var max = emulator(config().rateLimitEnabled(true).requestsPerSecond(5));
        var client =
                client(max, Map.of("sferum.max.requests-per-second", "1000", "sferum.max.retry.max-attempts", "40"));

        var results = inParallel(4, 5, () -> client.call(token, new MaxBots.GetMe()));

        assertThat(results).hasSize(20).allSatisfy(outcome -> assertThat(outcome.isOk())
                .isTrue());
        assertThat(max.stats().rateLimited()).containsKey(BOT);
        assertThat(meters.counter("sferum.max.retries", "call", "GET /me", "reason", "too.many.requests")
                        .count())
                .isGreaterThan(0.0);
        assertThat(meters.timer("sferum.max.requests", "call", "GET /me", "outcome", "too.many.requests")
                        .count())
                .isGreaterThan(0L);
    }

    @Test
    void theClientSideLimitKeepsABotUnderMaxsLimit() throws Exception {
        var max = emulator(config().rateLimitEnabled(true).requestsPerSecond(30));
        var client = client(max, Map.of("sferum.max.requests-per-second", "30"));
        long started = System.nanoTime();

        var results = inParallel(6, 15, () -> client.call(token, new MaxBots.GetMe()));

        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(results).hasSize(90).allSatisfy(outcome -> assertThat(outcome.isOk())
                .isTrue());
        assertThat(max.stats().rateLimited()).as("MAX never had to refuse").isEmpty();
        assertThat(millis).as("90 calls at 30/s take about 3 s").isGreaterThanOrEqualTo(2_800L);
        assertThat(meters.counter("sferum.max.rate-limit.waits").count()).isGreaterThan(0.0);
        assertThat(meters.getMeters())
                .allSatisfy(meter -> assertThat(meter.getId().getTags().toString())
                        .doesNotContain(TOKEN)
                        .doesNotContain(Long.toString(BOT)));
    }

    @Test
    void addsMembersAndReadsMaxsRefusalsPerUser() {
        var max = emulator(config());
        var client = client(max, Map.of());
        long chat = chatWithBot(max, ChatPermission.ADD_REMOVE_MEMBERS);

        var added = client.call(token, new MaxMembers.Add(chat, List.of(PUPIL, PRIVATE_PUPIL, PARENT, NOBODY)))
                .orThrow();

        assertThat(added.refusals())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(PRIVATE_PUPIL, "add.participant.privacy", NOBODY, "add.participant.not.found"));
        assertThat(max.chat(chat).memberIds()).contains(PUPIL, PARENT).doesNotContain(PRIVATE_PUPIL, NOBODY);
        var members = client.call(token, MaxMembers.Get.first(chat)).orThrow();
        assertThat(members.members()).extracting(MaxMembers.Member::userId).contains(TEACHER, BOT, PUPIL, PARENT);
        assertThat(members.marker()).isNull();
        var admins = client.call(token, new MaxMembers.Admins(chat)).orThrow();
        assertThat(admins.members())
                .filteredOn(member -> member.userId() == BOT)
                .singleElement()
                .satisfies(bot -> assertThat(bot.permissionsOrNone()).contains("add_remove_members"));

        client.call(token, new MaxMembers.Remove(chat, PUPIL, false)).orThrow();

        assertThat(max.chat(chat).memberIds()).doesNotContain(PUPIL);
        var again = failure(client.call(token, new MaxMembers.Remove(chat, PUPIL, false)));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.problem()).isEqualTo(Problem.Kind.ITEM);
    }

    @Test
    void membersArePagedByMarker() {
        var max = emulator(config());
        var client = client(max, Map.of());
        long chat = chatWithBot(max, ChatPermission.ADD_REMOVE_MEMBERS);
        client.call(token, new MaxMembers.Add(chat, List.of(PUPIL, PARENT))).orThrow();

        var first = client.call(token, new MaxMembers.Get(chat, 2, null)).orThrow();
        var second =
                client.call(token, new MaxMembers.Get(chat, 2, first.marker())).orThrow();

        assertThat(first.members()).hasSize(2);
        assertThat(first.marker()).isNotNull();
        assertThat(second.members()).hasSize(2);
        assertThat(second.marker()).isNull();
        assertThat(List.of(first, second))
                .flatExtracting(MaxMembers.Page::members)
                .extracting(MaxMembers.Member::userId)
                .containsExactlyInAnyOrder(TEACHER, BOT, PUPIL, PARENT);
    }

    @Test
    void sendsATextWithALinkButtonRenamesAndListsRecentMessages() {
        var max = emulator(config());
        var client = client(max, Map.of());
        long chat = chatWithBot(max, ChatPermission.WRITE, ChatPermission.CHANGE_CHAT_INFO);
        max.sendMessage(chat, TEACHER, "Здравствуйте!");

        var sent = client.call(
                        token,
                        new MaxMessages.Send(
                                chat,
                                "**Урок 3** алгебра, 10:00",
                                new MaxMessages.LinkButton("Подключиться", "https://example.org/lesson/42"),
                                true))
                .orThrow()
                .message();
        var renamed = client.call(token, new MaxChats.EditTitle(chat, "7А Алгебра 2026/27"))
                .orThrow();

        assertThat(sent.mid()).isNotBlank();
        assertThat(sent.recipient().chatId()).isEqualTo(chat);
        var posted = max.chat(chat).messages().get(1);
        assertThat(posted.mid()).isEqualTo(sent.mid());
        assertThat(posted.buttons()).singleElement().satisfies(button -> {
            assertThat(button.type()).isEqualTo("link");
            assertThat(button.text()).isEqualTo("Подключиться");
            assertThat(button.url()).isEqualTo("https://example.org/lesson/42");
        });
        assertThat(renamed.title()).isEqualTo("7А Алгебра 2026/27");
        assertThat(max.chat(chat).title()).isEqualTo("7А Алгебра 2026/27");
        var recent =
                client.call(token, new MaxMessages.Recent(chat, 1)).orThrow().messages();
        assertThat(recent).extracting(MaxMessages.Message::mid).containsExactly(sent.mid());
        var both =
                client.call(token, new MaxMessages.Recent(chat, 10)).orThrow().messages();
        assertThat(both)
                .extracting(MaxMessages.Message::text)
                .containsExactly("**Урок 3** алгебра, 10:00", "Здравствуйте!");
    }

    @Test
    void longPollsUpdatesWithAMarker() {
        var max = emulator(config());
        var client = client(max, Map.of());
        long chat = chatWithBot(max, ChatPermission.READ_ALL_MESSAGES);
        max.addMember(chat, TEACHER, PUPIL);

        var batch =
                client.call(token, MaxUpdates.Poll.from(null, Duration.ZERO)).orThrow();

        assertThat(batch.updates()).extracting(MaxUpdates.Update::updateType).contains("bot_added", "user_added");
        var botAdded = batch.updates().get(0);
        assertThat(botAdded.chatId()).isEqualTo(chat);
        assertThat(botAdded.user()).isNotNull();
        assertThat(botAdded.user().userId()).isEqualTo(TEACHER);
        long dialog = max.openDeepLink(PARENT, "https://max.ru/school101_bot?start=link-7f3a9c");
        var next = client.call(token, MaxUpdates.Poll.from(batch.marker(), Duration.ofSeconds(5)))
                .orThrow();
        assertThat(next.updates()).singleElement().satisfies(update -> {
            assertThat(update.updateType()).isEqualTo("bot_started");
            assertThat(update.payload()).isEqualTo("link-7f3a9c");
            assertThat(update.chatId()).isEqualTo(dialog);
        });
        var empty = client.call(token, MaxUpdates.Poll.from(next.marker(), Duration.ZERO))
                .orThrow();
        assertThat(empty.updates()).isEmpty();
    }

    @Test
    void subscribesListsAndDeletesAWebhook() {
        var max = emulator(config());
        var client = client(max, Map.of());
        var url = "https://sferum.example.org/max/webhook";

        client.call(token, new MaxUpdates.Subscribe(url, "s3cr3t_webhook-key", List.of("bot_added")))
                .orThrow();
        var listed =
                client.call(token, new MaxUpdates.Subscriptions()).orThrow().subscriptions();
        client.call(token, new MaxUpdates.Unsubscribe(url)).orThrow();
        var again = failure(client.call(token, new MaxUpdates.Unsubscribe(url)));

        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.url()).isEqualTo(url);
            assertThat(s.updateTypes()).containsExactly("bot_added");
        });
        assertThat(again.kind()).isEqualTo(MaxFailure.Kind.UNSUCCESSFUL);
        assertThat(client.call(token, new MaxUpdates.Subscriptions()).orThrow().subscriptions())
                .isEmpty();
    }

    @Test
    void noAnswerInTimeIsATransientAmbiguousTimeout() {
        var max = emulator(config());
        var client = client(max, Map.of("sferum.max.read-timeout", "300ms", "sferum.max.retry.max-attempts", "2"));
        // a long poll of 2 s that the client does not know to wait for
        var held = new MaxRequest<MaxUpdates.Batch>() {
            private final MaxUpdates.Poll poll = MaxUpdates.Poll.from(null, Duration.ofSeconds(2));

            @Override
            public String verb() {
                return "GET";
            }

            @Override
            public String template() {
                return poll.template();
            }

            @Override
            public String path() {
                return poll.path();
            }

            @Override
            public Map<String, String> query() {
                return poll.query();
            }

            @Override
            public Class<MaxUpdates.Batch> responseType() {
                return MaxUpdates.Batch.class;
            }
        };

        var failure = failure(client.call(token, held));

        assertThat(failure.kind()).isEqualTo(MaxFailure.Kind.TIMEOUT);
        assertThat(failure.problem()).isEqualTo(Problem.Kind.RETRY);
        assertThat(failure.ambiguous()).isTrue();
        assertThat(failure.attempts()).isEqualTo(2);
        assertThat(client.call(token, MaxUpdates.Poll.from(null, Duration.ofSeconds(1)))
                        .isOk())
                .as("a long poll the client knows of waits past the read timeout")
                .isTrue();
    }

    @Test
    void aRefusedConnectionIsTransientAndCertainlyDidNothing() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var client = new MaxClient(
                MaxProperties.of(Map.of(
                        "sferum.max.api-url", "http://127.0.0.1:" + closedPort,
                        "sferum.max.retry.max-attempts", "2",
                        "sferum.max.retry.initial-backoff", "10ms")),
                meters);

        var failure = failure(client.call(token, MaxMessages.Send.text(-1L, "Текст")));

        assertThat(failure.kind()).isEqualTo(MaxFailure.Kind.CONNECTION);
        assertThat(failure.problem()).isEqualTo(Problem.Kind.RETRY);
        assertThat(failure.ambiguous()).isFalse();
        assertThat(failure.attempts())
                .as("never sent, so even a send is repeated")
                .isEqualTo(2);
    }

    private static EmulatorConfig.Builder config() {
        return EmulatorConfig.builder()
                .rateLimitEnabled(false)
                .seed(Seed.of(
                        List.of(
                                new Seed.Bot(BOT, "school101_bot", "Школа 101 — бот", TOKEN),
                                new Seed.Bot(
                                        900_000_202L,
                                        "gym202_bot",
                                        "Гимназия 202 — бот",
                                        "max-test-gym202-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b")),
                        List.of(
                                Seed.User.of(TEACHER, "Анна", "Смирнова"),
                                Seed.User.of(PUPIL, "Дмитрий", "Иванов"),
                                new Seed.User(PRIVATE_PUPIL, "Ольга", "Петрова", true),
                                Seed.User.of(PARENT, "Елена", "Иванова"))));
    }

    private MaxEmulator emulator(EmulatorConfig.Builder config) {
        var max = MaxEmulator.start(config.build());
        emulators.add(max);
        return max;
    }

    private MaxClient client(MaxEmulator max, Map<String, String> overrides) {
        var properties = new HashMap<String, String>();
        properties.put("sferum.max.api-url", max.baseUrl());
        properties.put("sferum.max.retry.initial-backoff", "20ms");
        properties.putAll(overrides);
        return new MaxClient(MaxProperties.of(properties), meters);
    }

    private static long chatWithBot(MaxEmulator max, ChatPermission... permissions) {
        long chat = max.createChat(TEACHER, "7А Алгебра");
        max.addBotToChat(chat, TEACHER, BOT);
        if (permissions.length > 0) {
            max.makeAdmin(chat, TEACHER, BOT, List.of(permissions));
        }
        return chat;
    }

    private static MaxFailure failure(MaxOutcome<?> outcome) {
        assertThat(outcome).isInstanceOf(MaxOutcome.Failed.class);
        return ((MaxOutcome.Failed<?>) outcome).failure();
    }

    private static <T> List<T> inParallel(int threads, int each, java.util.concurrent.Callable<T> call)
            throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < threads * each; i++) {
                futures.add(pool.submit(call));
            }
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
