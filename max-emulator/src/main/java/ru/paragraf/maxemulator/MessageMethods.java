package ru.paragraf.maxemulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code /messages} methods of [SCH] 0.0.33. There is no idempotency key: a repeated send posts twice. */
final class MessageMethods {

    static final int MAX_TEXT = 4000;
    private static final Set<String> BUTTON_TYPES =
            Set.of("callback", "link", "message", "request_contact", "request_geo_location", "open_app", "clipboard");

    private final World world;
    private final ChatMethods chats;

    MessageMethods(World world, ChatMethods chats) {
        this.world = world;
        this.chats = chats;
    }

    /** {@code POST /messages?chat_id=} or {@code ?user_id=} (the dialog of a person who started the bot). */
    ObjectNode send(Call call) {
        synchronized (world) {
            var room = target(call);
            var body = validBody(call.body());
            var message = world.post(room, call.bot().userId, body.path("text").asString(""));
            fill(message, body);
            var update = world.update("message_created");
            update.set("message", Views.message(world.data, room, message));
            update.put("user_locale", "ru");
            world.emit(room, update, call.bot().userId);
            world.changed();
            var answer = Json.object();
            answer.set("message", Views.message(world.data, room, message));
            return answer;
        }
    }

    ObjectNode edit(Call call) {
        synchronized (world) {
            var found = own(call, false);
            var body = validBody(call.body());
            found.message.text = body.path("text").asString("");
            fill(found.message, body);
            found.message.edited = true;
            world.changed();
            return Views.success();
        }
    }

    ObjectNode delete(Call call) {
        synchronized (world) {
            var found = own(call, true);
            found.room.messages.remove(found.message);
            if (found.message.mid.equals(found.room.pinnedMid)) {
                found.room.pinnedMid = null;
            }
            world.changed();
            return Views.success();
        }
    }

    ObjectNode get(Call call) {
        synchronized (world) {
            var found = find(call.bot().userId, call.path().get("messageId"));
            return Views.message(world.data, found.room, found.message);
        }
    }

    /** {@code GET /messages?chat_id=&message_ids=&count=}: newest first, {@code count} 1–100 (default 50). */
    ObjectNode list(Call call) {
        synchronized (world) {
            var count = call.intParam("count", 1, 100, 50);
            var result = new ArrayList<ObjectNode>();
            var mids = call.param("message_ids");
            if (mids != null) {
                for (var mid : mids.split(",")) {
                    try {
                        var found = find(call.bot().userId, mid.strip());
                        result.add(Views.message(world.data, found.room, found.message));
                    } catch (ApiException notFound) {
                        // unknown ids are left out
                    }
                }
            } else {
                var chatId = call.requiredParam("chat_id");
                var room = chats.roomOf(call.withChat(chatId));
                var before = call.longParam("before");
                var after = call.longParam("after");
                room.messages.stream()
                        .filter(m -> before == null || m.timestamp <= before)
                        .filter(m -> after == null || m.timestamp >= after)
                        .sorted(Comparator.comparingLong((WorldData.Msg m) -> m.seq)
                                .reversed())
                        .limit(count)
                        .forEach(m -> result.add(Views.message(world.data, room, m)));
            }
            var answer = Json.object();
            answer.putArray("messages").addAll(result);
            return answer;
        }
    }

    private WorldData.Room target(Call call) {
        var chatId = call.param("chat_id");
        if (chatId != null) {
            return chats.roomOf(call.withChat(chatId));
        }
        var userId = call.longParam("user_id");
        if (userId == null) {
            throw ApiException.badRequest("Either chat_id or user_id is required");
        }
        for (var room : world.data.chats.values()) {
            if (room.isDialog() && room.dialogUserId == userId && room.dialogBotId == call.bot().userId) {
                return room;
            }
        }
        throw ApiException.denied("User " + userId + " has no dialog with the bot (they have not started it)");
    }

    /** Checks a {@code NewMessageBody}: text ≤ 4000, known button types, button text 1–128, link url ≤ 2048. */
    private static JsonNode validBody(JsonNode body) {
        var text = body.path("text");
        if (!text.isMissingNode() && !text.isNull() && !text.isString()) {
            throw ApiException.badRequest("text must be a string");
        }
        var attachments = body.path("attachments");
        if (text.asString("").isEmpty() && (!attachments.isArray() || attachments.isEmpty())) {
            throw ApiException.badRequest("A message needs text or attachments");
        }
        if (text.asString("").length() > MAX_TEXT) {
            throw ApiException.badRequest("text must be less than " + MAX_TEXT + " characters");
        }
        var format = body.path("format").asString("markdown");
        if (!body.path("format").isNull() && !format.equals("markdown") && !format.equals("html")) {
            throw ApiException.badRequest("format must be markdown or html");
        }
        for (var attachment : attachments) {
            if (attachment.path("type").asString("").equals("inline_keyboard")) {
                checkKeyboard(attachment.path("payload").path("buttons"));
            }
        }
        return body;
    }

    private static void checkKeyboard(JsonNode rows) {
        if (!rows.isArray()) {
            throw ApiException.badRequest("inline_keyboard needs payload.buttons[][]");
        }
        for (var row : rows) {
            for (var button : row) {
                var type = button.path("type").asString("");
                var text = button.path("text").asString("");
                if (!BUTTON_TYPES.contains(type)) {
                    throw ApiException.badRequest("Unknown button type: " + type);
                }
                if (text.isEmpty() || text.length() > 128) {
                    throw ApiException.badRequest("Button text must be 1 to 128 characters");
                }
                var url = button.path("url").asString("");
                if (type.equals("link") && (url.isEmpty() || url.length() > 2048)) {
                    throw ApiException.badRequest("A link button needs a url of at most 2048 characters");
                }
            }
        }
    }

    private static void fill(WorldData.Msg message, JsonNode body) {
        var attachments = body.path("attachments");
        message.attachments = attachments.isArray() && !attachments.isEmpty() ? attachments.deepCopy() : null;
        message.format = body.path("format").isString() ? body.path("format").asString() : null;
    }

    private record Found(WorldData.Room room, WorldData.Msg message) {}

    private Found find(long botId, @Nullable String mid) {
        for (var room : world.data.chats.values()) {
            if (!room.members.containsKey(botId)) {
                continue;
            }
            for (var message : room.messages) {
                if (message.mid.equals(mid)) {
                    return new Found(room, message);
                }
            }
        }
        throw ApiException.notFound("Message " + mid + " not found");
    }

    /** A message of the bot's; with {@code deleting}, an admin with {@code delete} may take anyone's. */
    private Found own(Call call, boolean deleting) {
        var found = find(call.bot().userId, call.requiredParam("message_id"));
        var mayDelete = deleting && found.room.members.get(call.bot().userId).can(ChatPermission.DELETE);
        if (found.message.senderId != call.bot().userId && !mayDelete) {
            throw ApiException.denied("The bot may change only its own messages");
        }
        return found;
    }
}
