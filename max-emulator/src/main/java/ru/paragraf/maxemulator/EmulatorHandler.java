package ru.paragraf.maxemulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The emulator's own API under {@code /_emulator} (MAX has nothing like it): inspection, faults, and the person API
 * that plays the humans. JSON in and out, snake_case; a refused person action is 409 {@code {"error":…}}.
 */
final class EmulatorHandler implements HttpHandler {

    static final String PATH = "/_emulator";
    private static final Pattern CHAT_ACTION = Pattern.compile(PATH + "/chats/(-?\\d+)(?:/([a-z_/]+))?");
    private static final Pattern USER_PRIVACY = Pattern.compile(PATH + "/users/(\\d+)/privacy");
    private static final String INDEX =
            """
            GET  /_emulator/state | /chats | /chats/{id} | /stats      inspection
            GET|PUT|DELETE /_emulator/faults                           the fault plan
            POST /_emulator/users {first_name,last_name,refuses_bots}  -> {user_id}
            POST /_emulator/users/{id}/privacy {refuses_bots}
            POST /_emulator/bots {name,first_name,token}               -> {user_id}
            POST /_emulator/chats {owner_id,title}                     -> {chat_id}
            POST /_emulator/chats/{id}/bots {by_user_id,bot_id}        bot_added
            POST /_emulator/chats/{id}/admins {by_user_id,user_id,permissions}
            POST /_emulator/chats/{id}/members {by_user_id,user_id}    user_added
            POST /_emulator/chats/{id}/members/remove {by_user_id,user_id}   user_removed / bot_removed
            POST /_emulator/chats/{id}/leave {user_id}                 user_removed
            POST /_emulator/chats/{id}/title {by_user_id,title}        chat_title_changed
            POST /_emulator/chats/{id}/messages {user_id,text}         message_created -> {mid}
            POST /_emulator/deep-links {user_id,link}                  bot_started -> {chat_id}
            GET  /_emulator/phone                                      «Телефон MAX»: the person API as an HTML page
            """;

    private final MaxEmulator emulator;
    private final PhonePage phone;

    EmulatorHandler(MaxEmulator emulator) {
        this.emulator = emulator;
        this.phone = new PhonePage(emulator);
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            var requested = exchange.getRequestURI().getPath();
            if (requested.equals(PhonePage.PATH) || requested.startsWith(PhonePage.PATH + "/")) {
                phone.handle(exchange);
                return;
            }
            var body = Http.jsonBody(exchange);
            if (body == null) {
                Http.send(exchange, 400, Json.object().put("error", "the body is not JSON"));
                return;
            }
            Object answer =
                    answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
            if (answer == null) {
                Http.send(exchange, 404, Json.object().put("error", "not found; GET " + PATH + " lists the API"));
            } else {
                Http.send(exchange, 200, answer);
            }
        } catch (PersonActionException refused) {
            Http.send(exchange, 409, Json.object().put("error", refused.getMessage()));
        } catch (IllegalArgumentException | JacksonException bad) {
            Http.send(exchange, 400, Json.object().put("error", String.valueOf(bad.getMessage())));
        } catch (Exception bug) {
            Http.send(exchange, 500, Json.object().put("error", bug.toString()));
        }
    }

    private @Nullable Object answer(String verb, String path, JsonNode body) {
        if (verb.equals("GET")) {
            return switch (path) {
                case PATH, PATH + "/" -> Json.object().put("api", INDEX);
                case PATH + "/state" -> emulator.snapshot();
                case PATH + "/chats" -> emulator.snapshot().chats();
                case PATH + "/stats" -> emulator.stats();
                case PATH + "/faults" -> emulator.faults();
                default -> chat(path);
            };
        }
        if (path.equals(PATH + "/faults")) {
            if (verb.equals("DELETE")) {
                emulator.faults(FaultPlan.NONE);
            } else {
                emulator.faults(Json.STRICT.treeToValue(body, FaultPlan.class));
            }
            return emulator.faults();
        }
        if (!verb.equals("POST")) {
            return null;
        }
        if (path.equals(PATH + "/users")) {
            var id = emulator.addUser(
                    text(body, "first_name"),
                    optional(body, "last_name"),
                    body.path("refuses_bots").asBoolean(false));
            return Json.object().put("user_id", id);
        }
        if (path.equals(PATH + "/bots")) {
            var id = emulator.addBot(text(body, "name"), text(body, "first_name"), text(body, "token"));
            return Json.object().put("user_id", id);
        }
        if (path.equals(PATH + "/chats")) {
            return Json.object().put("chat_id", emulator.createChat(number(body, "owner_id"), text(body, "title")));
        }
        if (path.equals(PATH + "/deep-links")) {
            var chatId = emulator.openDeepLink(number(body, "user_id"), text(body, "link"));
            return Json.object().put("chat_id", chatId);
        }
        var privacy = USER_PRIVACY.matcher(path);
        if (privacy.matches()) {
            emulator.setRefusesBots(
                    Long.parseLong(privacy.group(1)), body.path("refuses_bots").asBoolean(false));
            return Json.object().put("ok", true);
        }
        var matcher = CHAT_ACTION.matcher(path);
        if (!matcher.matches() || matcher.group(2) == null) {
            return null;
        }
        return chatAction(Long.parseLong(matcher.group(1)), matcher.group(2), body);
    }

    private @Nullable Object chatAction(long chatId, String action, JsonNode body) {
        switch (action) {
            case "bots" -> emulator.addBotToChat(chatId, number(body, "by_user_id"), number(body, "bot_id"));
            case "admins" -> {
                var permissions = new ArrayList<ChatPermission>();
                body.path("permissions").forEach(p -> permissions.add(ChatPermission.ofWireName(p.asString(""))));
                emulator.makeAdmin(chatId, number(body, "by_user_id"), number(body, "user_id"), permissions);
            }
            case "members" -> emulator.addMember(chatId, number(body, "by_user_id"), number(body, "user_id"));
            case "members/remove" -> emulator.removeMember(chatId, number(body, "by_user_id"), number(body, "user_id"));
            case "leave" -> emulator.leaveChat(chatId, number(body, "user_id"));
            case "title" -> emulator.renameChat(chatId, number(body, "by_user_id"), text(body, "title"));
            case "messages" -> {
                return Json.object()
                        .put("mid", emulator.sendMessage(chatId, number(body, "user_id"), text(body, "text")));
            }
            default -> {
                return null;
            }
        }
        return Json.object().put("ok", true);
    }

    private @Nullable Object chat(String path) {
        var matcher = CHAT_ACTION.matcher(path);
        if (!matcher.matches() || matcher.group(2) != null) {
            return null;
        }
        return emulator.snapshot().chat(Long.parseLong(matcher.group(1))).orElse(null);
    }

    private static String text(JsonNode body, String field) {
        if (!body.path(field).isString()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return body.path(field).asString();
    }

    private static @Nullable String optional(JsonNode body, String field) {
        return body.path(field).isString() ? body.path(field).asString() : null;
    }

    private static long number(JsonNode body, String field) {
        if (!body.path(field).canConvertToLong()) {
            throw new IllegalArgumentException(field + " is required (a number)");
        }
        return body.path(field).asLong();
    }
}
