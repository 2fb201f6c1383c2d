package ru.paragraf.maxemulator;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** MAX's JSON shapes ([SCH] 0.0.33 {@code User}, {@code BotInfo}, {@code Chat}, {@code ChatMember}, {@code Message}). */
final class Views {

    private Views() {}

    static ObjectNode user(WorldData data, long userId) {
        var node = Json.object().put("user_id", userId);
        var bot = data.bots.get(userId);
        if (bot != null) {
            node.put("first_name", bot.firstName).put("username", bot.name).put("is_bot", true);
        } else {
            var person = data.users.get(userId);
            node.put("first_name", person == null ? "" : person.firstName);
            if (person != null && person.lastName != null) {
                node.put("last_name", person.lastName);
            }
            node.put("is_bot", false);
        }
        return node.put("last_activity_time", 0L);
    }

    static ObjectNode botInfo(WorldData data, WorldData.BotAccount bot) {
        return user(data, bot.userId)
                .put("name", bot.firstName)
                .putNull("description")
                .putNull("avatar_url")
                .set("commands", Json.array());
    }

    /** {@code owner_id} and {@code participants} only for an admin viewer ([SCH] {@code Chat}). */
    static ObjectNode chat(WorldData data, WorldData.Room room, long viewerId) {
        var node = Json.object()
                .put("chat_id", room.chatId)
                .put("type", room.type)
                .put("status", room.status)
                .put("last_event_time", room.lastEventTime)
                .put("participants_count", room.members.size())
                .put("is_public", false);
        if (room.isDialog()) {
            node.set("dialog_with_user", user(data, room.dialogUserId));
            node.putNull("title");
        } else {
            node.put("title", room.title).put("link", room.link);
            if (room.description != null) {
                node.put("description", room.description);
            }
        }
        var viewer = room.members.get(viewerId);
        if (viewer != null && viewer.admin && !room.isDialog()) {
            node.put("owner_id", room.ownerId);
            var participants = Json.object();
            room.members.values().forEach(m -> participants.put(Long.toString(m.userId), m.joinTime));
            node.set("participants", participants);
        }
        if (room.pinnedMid != null) {
            room.messages.stream()
                    .filter(m -> m.mid.equals(room.pinnedMid))
                    .findFirst()
                    .ifPresent(m -> node.set("pinned_message", message(data, room, m)));
        }
        return node.put("messages_count", room.messages.size());
    }

    static ObjectNode member(WorldData data, WorldData.Room room, WorldData.Member member) {
        var node = user(data, member.userId)
                .put("join_time", member.joinTime)
                .put("last_access_time", member.joinTime)
                .put("is_owner", !room.isDialog() && member.userId == room.ownerId)
                .put("is_admin", member.admin);
        if (member.admin) {
            var permissions = node.putArray("permissions");
            member.permissions.forEach(permissions::add);
        } else {
            node.putNull("permissions");
        }
        if (member.alias != null) {
            node.put("alias", member.alias);
        }
        return node;
    }

    static ObjectNode message(WorldData data, WorldData.Room room, WorldData.Msg message) {
        var recipient = Json.object().put("chat_id", room.chatId).put("chat_type", room.type);
        if (room.isDialog()) {
            recipient.put("user_id", message.senderId == room.dialogBotId ? room.dialogUserId : room.dialogBotId);
        }
        var body = Json.object().put("mid", message.mid).put("seq", message.seq).put("text", message.text);
        if (message.attachments != null) {
            body.set("attachments", message.attachments);
        }
        var node = Json.object();
        node.set("sender", user(data, message.senderId));
        node.set("recipient", recipient);
        node.put("timestamp", message.timestamp);
        node.set("body", body);
        return node;
    }

    static ObjectNode members(List<ObjectNode> members, Long marker) {
        var node = Json.object();
        node.putArray("members").addAll(members);
        return marker == null ? node.putNull("marker") : node.put("marker", marker);
    }

    static ObjectNode success() {
        return Json.object().put("success", true);
    }
}
