package ru.paragraf.maxemulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * «Телефон MAX» at {@code /_emulator/phone}: a plain HTML page (forms, no script) where a person in a demo plays the
 * people in MAX: picks who they are among the emulator's users (or adds one), creates a chat, adds a bot to it as an
 * admin, writes in it (a journal's code), opens a deep link ({@code https://max.ru/<bot>?start=…}), and reads the chats
 * they are in with their messages and link buttons. Each form posts and is redirected back ({@code ?as=<user id>},
 * with a notice or the refusal); all output is escaped. Element ids are stable for tests.
 */
final class PhonePage {

    static final String PATH = EmulatorHandler.PATH + "/phone";
    private static final int MAX_FORM = 64 * 1024;

    private static final String STYLE =
            """
            body{margin:0;font-family:-apple-system,Segoe UI,Roboto,Arial,sans-serif;background:#eef0f3;color:#111}
            main{max-width:760px;margin:24px auto;padding:0 12px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:0 0 8px}
            .note{color:#6b7480;font-size:13px;margin:0 0 16px}
            section{background:#fff;border-radius:12px;padding:16px;margin-bottom:12px;box-shadow:0 1px 6px rgba(0,0,0,.06)}
            label{font-size:13px;color:#5b6470;margin-right:6px}
            input[type=text]{padding:7px 9px;border:1px solid #cfd5dc;border-radius:8px;font-size:14px;min-width:220px}
            select{padding:6px;border-radius:8px;border:1px solid #cfd5dc;font-size:14px}
            button{padding:7px 12px;border:0;border-radius:8px;background:#6b3bf5;color:#fff;font-size:14px;cursor:pointer}
            form{margin:6px 0}.row{display:flex;flex-wrap:wrap;gap:6px;align-items:center}
            .notice{background:#e7f7ea;color:#1d6b2f;border-radius:8px;padding:8px 12px;margin-bottom:12px}
            .error{background:#ffe9e9;color:#b3261e;border-radius:8px;padding:8px 12px;margin-bottom:12px}
            .members{font-size:13px;color:#5b6470;margin:4px 0 8px}
            .messages{list-style:none;padding:0;margin:8px 0}
            .message{background:#f3f4f7;border-radius:10px;padding:8px 10px;margin:6px 0;white-space:pre-wrap}
            .message .from{font-size:12px;color:#6b7480;display:block}
            .message-button{display:inline-block;margin:6px 6px 0 0;padding:4px 10px;border:1px solid #6b3bf5;
            border-radius:8px;color:#6b3bf5;text-decoration:none;font-size:13px}
            """;

    private final MaxEmulator emulator;

    PhonePage(MaxEmulator emulator) {
        this.emulator = emulator;
    }

    void handle(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        var verb = exchange.getRequestMethod();
        if (verb.equals("GET") && (path.equals(PATH) || path.equals(PATH + "/"))) {
            var query = Http.query(exchange);
            send(exchange, 200, page(as(query.get("as")), query.get("notice"), query.get("error")));
            return;
        }
        if (!verb.equals("POST")) {
            send(exchange, 405, page(null, null, "Метод " + verb + " здесь не поддерживается"));
            return;
        }
        var form = form(exchange);
        var as = form.getOrDefault("as", "");
        String notice;
        try {
            notice = act(path.substring(PATH.length()), form);
            if (path.equals(PATH + "/users")) {
                as = notice.substring(notice.lastIndexOf(' ') + 1);
            }
        } catch (PersonActionException | IllegalArgumentException refused) {
            redirect(exchange, as, "error", String.valueOf(refused.getMessage()));
            return;
        }
        redirect(exchange, as, "notice", notice);
    }

    /** Does what the form asks; returns the notice to show (for a new user, ending with its id). */
    private String act(String action, Map<String, String> form) {
        switch (action) {
            case "/users" -> {
                var first = required(form, "first_name");
                var last = form.getOrDefault("last_name", "").strip();
                var id = emulator.addUser(first, last.isEmpty() ? null : last, false);
                return "Пользователь добавлен: " + id;
            }
            case "/chats" -> {
                var chat = emulator.createChat(number(form, "as"), required(form, "title"));
                return "Чат создан: " + chat;
            }
            case "/bots" -> {
                var person = number(form, "as");
                var chat = number(form, "chat_id");
                var bot = number(form, "bot_id");
                emulator.addBotToChat(chat, person, bot);
                if (form.containsKey("admin")) {
                    emulator.makeAdmin(chat, person, bot, EnumSet.allOf(ChatPermission.class));
                    return "Бот добавлен в чат и назначен администратором";
                }
                return "Бот добавлен в чат";
            }
            case "/admins" -> {
                emulator.makeAdmin(
                        number(form, "chat_id"),
                        number(form, "as"),
                        number(form, "user_id"),
                        EnumSet.allOf(ChatPermission.class));
                return "Назначен администратором";
            }
            case "/messages" -> {
                emulator.sendMessage(number(form, "chat_id"), number(form, "as"), required(form, "text"));
                return "Сообщение отправлено";
            }
            case "/deep-links" -> {
                emulator.openDeepLink(number(form, "as"), required(form, "link").strip());
                return "Ссылка открыта: бот получил «Начать»";
            }
            default -> throw new IllegalArgumentException("Нет такого действия: " + action);
        }
    }

    private String page(EmulatorSnapshot.@Nullable User me, @Nullable String notice, @Nullable String error) {
        var snapshot = emulator.snapshot();
        var html = new StringBuilder(8192);
        html.append("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>Телефон MAX — эмулятор</title><style>")
                .append(STYLE)
                .append("</style></head><body><main><h1>Телефон MAX</h1>")
                .append("<p class=\"note\">Эмулятор MAX для тестов и демонстраций: здесь вы — человек в MAX.</p>");
        if (notice != null && !notice.isBlank()) {
            html.append("<div class=\"notice\" id=\"phone-notice\" role=\"status\">")
                    .append(escape(notice))
                    .append("</div>");
        }
        if (error != null && !error.isBlank()) {
            html.append("<div class=\"error\" id=\"phone-error\" role=\"alert\">")
                    .append(escape(error))
                    .append("</div>");
        }
        who(html, snapshot, me);
        if (me != null) {
            actions(html, me);
            chats(html, snapshot, me);
        }
        return html.append("</main></body></html>").toString();
    }

    private static void who(StringBuilder html, EmulatorSnapshot snapshot, EmulatorSnapshot.@Nullable User me) {
        html.append("<section id=\"phone-who\"><h2>Кто вы</h2>");
        if (!snapshot.users().isEmpty()) {
            html.append("<form method=\"get\" action=\"")
                    .append(PATH)
                    .append("\" id=\"phone-who-form\" class=\"row\"><label for=\"as\">Пользователь MAX</label>")
                    .append("<select id=\"as\" name=\"as\">");
            for (var user : snapshot.users()) {
                html.append("<option value=\"")
                        .append(user.userId())
                        .append('"')
                        .append(me != null && me.userId() == user.userId() ? " selected" : "")
                        .append('>')
                        .append(escape(name(user)))
                        .append(" (")
                        .append(user.userId())
                        .append(")</option>");
            }
            html.append("</select><button type=\"submit\" id=\"phone-who-submit\">Войти</button></form>");
        }
        html.append("<form method=\"post\" action=\"")
                .append(PATH)
                .append("/users\" id=\"phone-new-user-form\" class=\"row\">")
                .append("<label for=\"first_name\">Новый пользователь</label>")
                .append("<input type=\"text\" id=\"first_name\" name=\"first_name\" placeholder=\"Имя\" required>")
                .append("<input type=\"text\" id=\"last_name\" name=\"last_name\" placeholder=\"Фамилия\">")
                .append("<button type=\"submit\" id=\"phone-new-user-submit\">Добавить и войти</button></form>");
        if (me != null) {
            html.append("<p class=\"note\" id=\"phone-me\">Вы — ")
                    .append(escape(name(me)))
                    .append(", id ")
                    .append(me.userId())
                    .append("</p>");
        }
        html.append("</section>");
    }

    private static void actions(StringBuilder html, EmulatorSnapshot.User me) {
        html.append("<section id=\"phone-actions\"><h2>Новый чат</h2><form method=\"post\" action=\"")
                .append(PATH)
                .append("/chats\" id=\"phone-create-chat-form\" class=\"row\">")
                .append(hidden("as", Long.toString(me.userId())))
                .append("<label for=\"title\">Название</label>")
                .append("<input type=\"text\" id=\"title\" name=\"title\" required>")
                .append("<button type=\"submit\" id=\"phone-create-chat\">Создать чат</button></form>")
                .append("<h2>Открыть ссылку</h2><form method=\"post\" action=\"")
                .append(PATH)
                .append("/deep-links\" id=\"phone-deep-link-form\" class=\"row\">")
                .append(hidden("as", Long.toString(me.userId())))
                .append("<label for=\"link\">Ссылка на бота</label>")
                .append("<input type=\"text\" id=\"link\" name=\"link\" placeholder=\"https://max.ru/…?start=…\"")
                .append(" required>")
                .append("<button type=\"submit\" id=\"phone-open-link\">Открыть</button></form></section>");
    }

    private static void chats(StringBuilder html, EmulatorSnapshot snapshot, EmulatorSnapshot.User me) {
        var names = new LinkedHashMap<Long, String>();
        snapshot.users().forEach(user -> names.put(user.userId(), name(user)));
        snapshot.bots().forEach(bot -> names.put(bot.userId(), bot.firstName() + " @" + bot.name()));
        html.append("<section id=\"phone-chats\"><h2>Мои чаты</h2>");
        var mine = snapshot.chats().stream()
                .filter(chat -> chat.member(me.userId()).isPresent())
                .toList();
        if (mine.isEmpty()) {
            html.append("<p class=\"note\" id=\"phone-no-chats\">Вы не состоите ни в одном чате.</p>");
        }
        for (var chat : mine) {
            var id = Long.toString(chat.chatId());
            html.append("<article class=\"phone-chat\" data-chat-id=\"")
                    .append(id)
                    .append("\"><h2 class=\"chat-title\">")
                    .append(escape(chat.type().equals("dialog") ? "Диалог: " + others(chat, me) : chat.title()))
                    .append("</h2><div class=\"members\">Участники: ");
            var first = true;
            for (var member : chat.members()) {
                html.append(first ? "" : ", ")
                        .append("<span class=\"member\" data-user-id=\"")
                        .append(member.userId())
                        .append("\">")
                        .append(escape(member.name()))
                        .append(member.admin() ? " (админ)" : "")
                        .append("</span>");
                first = false;
            }
            html.append("</div><ul class=\"messages\">");
            for (var message : chat.messages()) {
                html.append("<li class=\"message\"><span class=\"from\">")
                        .append(escape(names.getOrDefault(message.senderId(), Long.toString(message.senderId()))))
                        .append("</span><span class=\"text\">")
                        .append(escape(message.text()))
                        .append("</span>");
                for (var button : message.buttons()) {
                    if (button.url() != null) {
                        html.append("<br><a class=\"message-button\" target=\"_blank\" rel=\"noopener noreferrer\"")
                                .append(" href=\"")
                                .append(escape(safeUrl(button.url())))
                                .append("\">")
                                .append(escape(button.text()))
                                .append("</a>");
                    } else {
                        html.append("<br><span class=\"message-button\">")
                                .append(escape(button.text()))
                                .append("</span>");
                    }
                }
                html.append("</li>");
            }
            html.append("</ul>");
            if (chat.type().equals("chat")) {
                html.append("<form method=\"post\" action=\"")
                        .append(PATH)
                        .append("/bots\" class=\"row phone-add-bot-form\">")
                        .append(hidden("as", Long.toString(me.userId())))
                        .append(hidden("chat_id", id))
                        .append("<label>Бот</label><select name=\"bot_id\" class=\"phone-bot\">");
                for (var bot : snapshot.bots()) {
                    if (chat.member(bot.userId()).isEmpty()) {
                        html.append("<option value=\"")
                                .append(bot.userId())
                                .append("\">@")
                                .append(escape(bot.name()))
                                .append("</option>");
                    }
                }
                html.append("</select><label><input type=\"checkbox\" name=\"admin\" value=\"on\" checked>")
                        .append(" администратором</label>")
                        .append("<button type=\"submit\" class=\"phone-add-bot\">Добавить бота</button></form>");
            }
            html.append("<form method=\"post\" action=\"")
                    .append(PATH)
                    .append("/messages\" class=\"row phone-send-form\">")
                    .append(hidden("as", Long.toString(me.userId())))
                    .append(hidden("chat_id", id))
                    .append(
                            "<input type=\"text\" name=\"text\" class=\"phone-text\" placeholder=\"Сообщение\" required>")
                    .append("<button type=\"submit\" class=\"phone-send\">Отправить</button></form></article>");
        }
        html.append("</section>");
    }

    private EmulatorSnapshot.@Nullable User as(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        long userId;
        try {
            userId = Long.parseLong(id.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
        Optional<EmulatorSnapshot.User> user = emulator.snapshot().users().stream()
                .filter(u -> u.userId() == userId)
                .findFirst();
        return user.orElse(null);
    }

    /** Who else is in a dialog: the bot the person started. */
    private static String others(EmulatorSnapshot.Chat chat, EmulatorSnapshot.User me) {
        return chat.members().stream()
                .filter(member -> member.userId() != me.userId())
                .map(EmulatorSnapshot.Member::name)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String name(EmulatorSnapshot.User user) {
        return user.lastName() == null ? user.firstName() : user.firstName() + " " + user.lastName();
    }

    /** Only web links become links: a {@code javascript:} URL in a button stays text. */
    private static String safeUrl(String url) {
        var lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : "#";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    private static String required(Map<String, String> form, String field) {
        var value = form.getOrDefault(field, "").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Заполните поле " + field);
        }
        return value;
    }

    private static long number(Map<String, String> form, String field) {
        try {
            return Long.parseLong(form.getOrDefault(field, "").strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("Поле " + field + " — не число");
        }
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        byte[] body;
        try (var in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_FORM);
        }
        var values = new LinkedHashMap<String, String>();
        var raw = new String(body, StandardCharsets.UTF_8);
        if (raw.isBlank()) {
            return values;
        }
        for (var pair : raw.split("&")) {
            var equals = pair.indexOf('=');
            var name = equals < 0 ? pair : pair.substring(0, equals);
            var value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                values.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a malformed pair is left out: the action then asks for the field
            }
        }
        return values;
    }

    private static void redirect(HttpExchange exchange, String as, String kind, String text) {
        var location = PATH + "?as=" + URLEncoder.encode(as, StandardCharsets.UTF_8) + "&" + kind + "="
                + URLEncoder.encode(text, StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(303, -1);
        } catch (IOException | RuntimeException clientGone) {
            // nothing to do: the connection is closed by try-with-resources
        }
    }

    private static void send(HttpExchange exchange, int status, String html) {
        var bytes = html.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders()
                    .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException | RuntimeException clientGone) {
            // nothing to do: the connection is closed by try-with-resources
        }
    }

    static String escape(@Nullable String value) {
        if (value == null) {
            return "";
        }
        var out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
