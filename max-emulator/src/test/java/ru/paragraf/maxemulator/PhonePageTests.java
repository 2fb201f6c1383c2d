package ru.paragraf.maxemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.maxemulator.Fixtures.BOT;
import static ru.paragraf.maxemulator.Fixtures.BOT_NAME;
import static ru.paragraf.maxemulator.Fixtures.PUPIL;
import static ru.paragraf.maxemulator.Fixtures.TEACHER;
import static ru.paragraf.maxemulator.Fixtures.TOKEN;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * «Телефон MAX» ({@code /_emulator/phone}): the person API as plain HTML forms. Each form posts, changes the emulated
 * MAX as the person API would (the bot gets the same updates) and redirects back to the page of the same person.
 */
class PhonePageTests {

    private MaxEmulator max;
    private MaxHttp api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        max = MaxEmulator.start(Fixtures.config().build());
        api = new MaxHttp(max.baseUrl());
    }

    @AfterEach
    void stop() {
        max.close();
    }

    /** A new person makes a chat, adds the bot as admin, sends a code, and reads the bot's message with its link. */
    @Test
    void aPersonMakesAChatForTheBotAndReadsItsLinkButton() throws Exception {
        var created = post("/users", Map.of("first_name", "Мария", "last_name", "<b>Орлова</b>"));
        assertThat(created.statusCode()).isEqualTo(303);
        var me = query(created).get("as");
        var person = Long.parseLong(me);
        assertThat(max.snapshot().users())
                .anySatisfy(user -> assertThat(user.userId()).isEqualTo(person));

        var page = get("?as=" + me);
        assertThat(page).contains("id=\"phone-me\"", "Мария &lt;b&gt;Орлова&lt;/b&gt;", "id=\"phone-no-chats\"");
        assertThat(page).doesNotContain("<b>Орлова");

        var chatMade = post("/chats", Map.of("as", me, "title", "8В Физика"));
        assertThat(query(chatMade)).containsEntry("as", me).containsKey("notice");
        var chat = max.chats().stream()
                .filter(c -> c.title().equals("8В Физика"))
                .findFirst()
                .orElseThrow();
        assertThat(chat.ownerId()).isEqualTo(person);

        var botAdded = post(
                "/bots", Map.of("as", me, "chat_id", Long.toString(chat.chatId()), "bot_id", "" + BOT, "admin", "on"));
        assertThat(query(botAdded)).containsEntry("notice", "Бот добавлен в чат и назначен администратором");
        assertThat(max.chat(chat.chatId()).member(BOT))
                .hasValueSatisfying(bot -> assertThat(bot.admin()).isTrue());
        post("/messages", Map.of("as", me, "chat_id", Long.toString(chat.chatId()), "text", "Код журнала: AB12CD34"));
        assertThat(max.chat(chat.chatId()).texts()).contains("Код журнала: AB12CD34");
        var updates = api.get(TOKEN, "/updates?timeout=0").ok().path("updates");
        var types = new java.util.ArrayList<String>();
        updates.forEach(update -> types.add(update.path("update_type").asString()));
        assertThat(types).containsSubsequence("bot_added", "message_created");

        api.post(
                        TOKEN,
                        "/messages?chat_id=" + chat.chatId(),
                        """
                        {"text":"Урок <завтра>","attachments":[{"type":"inline_keyboard","payload":{"buttons":[[
                          {"type":"link","text":"Подключиться","url":"https://example.org/lesson?a=1&b=2"}]]}}]}
                        """)
                .ok();
        page = get("?as=" + me);
        assertThat(page)
                .contains("8В Физика", "Код журнала: AB12CD34", "Урок &lt;завтра&gt;")
                .contains("<a class=\"message-button\" target=\"_blank\" rel=\"noopener noreferrer\""
                        + " href=\"https://example.org/lesson?a=1&amp;b=2\">Подключиться</a>")
                .contains("(админ)");
    }

    /** A pasted deep link starts the bot in the person's dialog with it: {@code bot_started} with the payload. */
    @Test
    void aPastedDeepLinkStartsTheBot() throws Exception {
        var opened = post(
                "/deep-links", Map.of("as", "" + PUPIL, "link", " https://max.ru/" + BOT_NAME + "?start=link-code-1 "));
        assertThat(query(opened)).containsKey("notice").containsEntry("as", "" + PUPIL);
        var update = api.get(TOKEN, "/updates?timeout=0").ok().path("updates").get(0);
        assertThat(update.path("update_type").asString()).isEqualTo("bot_started");
        assertThat(update.path("payload").asString()).isEqualTo("link-code-1");
        assertThat(update.path("user").path("user_id").asLong()).isEqualTo(PUPIL);
        var bot = max.snapshot().bots().stream()
                .filter(b -> b.userId() == BOT)
                .findFirst()
                .orElseThrow();
        assertThat(get("?as=" + PUPIL)).contains("Диалог: " + PhonePage.escape(bot.firstName()));
    }

    /** What MAX refuses is shown on the page, escaped, and changes nothing. */
    @Test
    void aRefusedActionIsShownAndChangesNothing() throws Exception {
        var chat = max.createChat(TEACHER, "Чужой чат");
        var refused = post("/bots", Map.of("as", "" + PUPIL, "chat_id", "" + chat, "bot_id", "" + BOT));
        assertThat(refused.statusCode()).isEqualTo(303);
        var error = query(refused).get("error");
        assertThat(error).isNotBlank();
        assertThat(max.chat(chat).member(BOT)).isEmpty();
        assertThat(get("?as=" + PUPIL + "&error=" + URLEncoder.encode("<i>" + error, StandardCharsets.UTF_8)))
                .contains("id=\"phone-error\"", "&lt;i&gt;")
                .doesNotContain("<i>");
        var badLink = post("/deep-links", Map.of("as", "" + PUPIL, "link", "https://example.org/not-a-bot"));
        assertThat(query(badLink)).containsKey("error");
        assertThat(api.get(TOKEN, "/updates?timeout=0").ok().path("updates").size())
                .isZero();
    }

    /** Without a person the page offers only who to be; an unknown id is nobody. */
    @Test
    void withoutAPersonThePageAsksWhoYouAre() throws Exception {
        var page = get("");
        assertThat(page).contains("id=\"phone-who-form\"", "id=\"phone-new-user-form\"", "(" + TEACHER + ")");
        assertThat(page).doesNotContain("id=\"phone-actions\"");
        assertThat(get("?as=12345")).doesNotContain("id=\"phone-actions\"");
    }

    private String get(String query) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(max.baseUrl() + "/_emulator/phone" + query))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        return response.body();
    }

    private HttpResponse<String> post(String action, Map<String, String> form)
            throws IOException, InterruptedException {
        var body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(max.baseUrl() + "/_emulator/phone" + action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The query of the redirect's Location: where the form sends the person back. */
    private static Map<String, String> query(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(303);
        var location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/_emulator/phone?");
        var values = new LinkedHashMap<String, String>();
        for (var pair : location.substring(location.indexOf('?') + 1).split("&")) {
            var equals = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
