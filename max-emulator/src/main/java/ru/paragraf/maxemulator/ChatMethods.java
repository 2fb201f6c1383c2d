package ru.paragraf.maxemulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /me} and the {@code /chats/{chatId}…} methods of [SCH] 0.0.33, as the calling bot may use them. */
final class ChatMethods {

    private final World world;

    ChatMethods(World world) {
        this.world = world;
    }

    ObjectNode me(Call call) {
        synchronized (world) {
            return Views.botInfo(world.data, call.bot());
        }
    }

    /** The chat, which the bot must be in: unknown → 404 {@code chat.not.found}, not a member → 403 {@code chat.denied}. */
    WorldData.Room roomOf(Call call) {
        var chatId = call.pathLong("chatId");
        var room = world.data.chats.get(chatId);
        if (room == null) {
            throw ApiException.chatNotFound(chatId);
        }
        if (!room.members.containsKey(call.bot().userId)) {
            throw ApiException.denied("The bot is not a member of chat " + chatId);
        }
        return room;
    }

    WorldData.Member require(WorldData.Room room, Call call, ChatPermission permission) {
        var member = room.members.get(call.bot().userId);
        if (member == null || !member.can(permission)) {
            throw ApiException.denied(
                    "The bot needs the admin permission " + permission.wireName() + " in chat " + room.chatId);
        }
        return member;
    }

    ObjectNode get(Call call) {
        synchronized (world) {
            return Views.chat(world.data, roomOf(call), call.bot().userId);
        }
    }

    ObjectNode patch(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            require(room, call, ChatPermission.CHANGE_CHAT_INFO);
            var body = call.body();
            if (body.has("title")) {
                var title = body.path("title").asString("").strip();
                if (title.isEmpty() || title.length() > 200) {
                    throw ApiException.badRequest("title must be 1 to 200 characters");
                }
                if (!title.equals(room.title)) {
                    room.title = title;
                    var update = world.update("chat_title_changed").put("chat_id", room.chatId);
                    update.set("user", Views.user(world.data, call.bot().userId));
                    update.put("title", title);
                    world.emit(room, update, call.bot().userId);
                }
            }
            if (body.has("description")) {
                var description = body.path("description").asString("");
                if (description.length() > 400) {
                    throw ApiException.badRequest("description must be at most 400 characters");
                }
                room.description = description.isEmpty() ? null : description;
            }
            room.lastEventTime = world.now();
            world.changed();
            return Views.chat(world.data, room, call.bot().userId);
        }
    }

    ObjectNode pinned(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            var node = Json.object();
            var message = room.messages.stream()
                    .filter(m -> m.mid.equals(room.pinnedMid))
                    .findFirst();
            if (message.isPresent()) {
                node.set("message", Views.message(world.data, room, message.get()));
            } else {
                node.putNull("message");
            }
            return node;
        }
    }

    ObjectNode pin(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            require(room, call, ChatPermission.PIN_MESSAGE);
            var mid = call.body().path("message_id").asString("");
            if (room.messages.stream().noneMatch(m -> m.mid.equals(mid))) {
                throw ApiException.notFound("Message " + mid + " not found in chat " + room.chatId);
            }
            room.pinnedMid = mid;
            world.changed();
            return Views.success();
        }
    }

    ObjectNode unpin(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            require(room, call, ChatPermission.PIN_MESSAGE);
            room.pinnedMid = null;
            world.changed();
            return Views.success();
        }
    }

    ObjectNode membership(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            return Views.member(world.data, room, room.members.get(call.bot().userId));
        }
    }

    ObjectNode leave(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            room.members.remove(call.bot().userId);
            room.lastEventTime = world.now();
            world.changed();
            return Views.success();
        }
    }

    ObjectNode admins(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            if (!room.members.get(call.bot().userId).admin) {
                throw ApiException.denied("Only an admin may list the admins of chat " + room.chatId);
            }
            var list = new ArrayList<ObjectNode>();
            room.members.values().stream()
                    .filter(m -> m.admin)
                    .forEach(m -> list.add(Views.member(world.data, room, m)));
            return Views.members(list, null);
        }
    }

    ObjectNode setAdmins(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            require(room, call, ChatPermission.ADD_ADMINS);
            var admins = call.body().path("admins");
            if (!admins.isArray() || admins.isEmpty()) {
                throw ApiException.badRequest("admins must be a non-empty array");
            }
            var changes = new TreeMap<Long, JsonNode>();
            for (var admin : admins) {
                var userId = admin.path("user_id").asLong(0);
                if (!room.members.containsKey(userId)) {
                    throw ApiException.badRequest("User " + userId + " is not a member of chat " + room.chatId);
                }
                for (var permission : admin.path("permissions")) {
                    parsePermission(permission.asString(""));
                }
                changes.put(userId, admin);
            }
            changes.forEach((userId, admin) -> {
                var member = room.members.get(userId);
                member.admin = true;
                member.permissions = new ArrayList<>();
                admin.path("permissions").forEach(p -> member.permissions.add(p.asString()));
                member.alias =
                        admin.path("alias").isString() ? admin.path("alias").asString() : null;
            });
            world.changed();
            return Views.success();
        }
    }

    ObjectNode revokeAdmin(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            require(room, call, ChatPermission.ADD_ADMINS);
            var userId = call.pathLong("userId");
            var member = room.members.get(userId);
            if (member == null || !member.admin) {
                throw ApiException.notFound("User " + userId + " is not an admin of chat " + room.chatId);
            }
            if (userId == room.ownerId) {
                throw ApiException.denied("The owner of chat " + room.chatId + " stays an admin");
            }
            member.admin = false;
            member.permissions = new ArrayList<>();
            member.alias = null;
            world.changed();
            return Views.success();
        }
    }

    /** [SCH] {@code GET /chats/{chatId}/members}: {@code user_ids}, or pages of {@code count} (1–100, 20) by {@code marker}. */
    ObjectNode members(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            var members = new ArrayList<>(room.members.values());
            var userIds = call.param("user_ids");
            if (userIds != null) {
                var wanted = ids(userIds);
                var list = new ArrayList<ObjectNode>();
                members.stream()
                        .filter(m -> wanted.contains(m.userId))
                        .forEach(m -> list.add(Views.member(world.data, room, m)));
                return Views.members(list, null);
            }
            var count = call.intParam("count", 1, 100, 20);
            var marker = call.longParam("marker");
            int from = marker == null ? 0 : (int) Math.max(0, Math.min(marker, members.size()));
            int to = Math.min(members.size(), from + count);
            var list = new ArrayList<ObjectNode>();
            members.subList(from, to).forEach(m -> list.add(Views.member(world.data, room, m)));
            return Views.members(list, to < members.size() ? (long) to : null);
        }
    }

    /** [SCH] {@code POST /chats/{chatId}/members}: at most 100 {@code user_ids}; privacy refusals reported per user. */
    ObjectNode addMembers(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            require(room, call, ChatPermission.ADD_REMOVE_MEMBERS);
            var ids = call.body().path("user_ids");
            if (!ids.isArray() || ids.isEmpty()) {
                throw ApiException.badRequest("user_ids must be a non-empty array");
            }
            if (ids.size() > 100) {
                throw ApiException.badRequest("user_ids must hold at most 100 ids");
            }
            Map<String, List<Long>> failed = new TreeMap<>();
            var failedIds = new ArrayList<Long>();
            for (var id : ids) {
                long userId = id.asLong(0);
                var person = world.data.users.get(userId);
                String refusal = person == null
                        ? "add.participant.not.found"
                        : person.refusesBots && !room.members.containsKey(userId) ? "add.participant.privacy" : null;
                if (refusal != null) {
                    failed.computeIfAbsent(refusal, code -> new ArrayList<>()).add(userId);
                    failedIds.add(userId);
                    continue;
                }
                if (room.members.containsKey(userId)) {
                    continue;
                }
                room.blocked.remove(userId);
                world.join(room, userId);
                var update = world.update("user_added").put("chat_id", room.chatId);
                update.set("user", Views.user(world.data, userId));
                update.put("inviter_id", call.bot().userId).put("is_channel", false);
                world.emit(room, update, call.bot().userId);
            }
            world.changed();
            var answer = Views.success();
            if (!failedIds.isEmpty()) {
                var array = answer.putArray("failed_user_ids");
                failedIds.forEach(array::add);
                var details = answer.putArray("failed_user_details");
                failed.forEach((code, users) -> {
                    var detail = details.addObject().put("error_code", code);
                    users.forEach(detail.putArray("user_ids")::add);
                });
            }
            return answer;
        }
    }

    ObjectNode removeMember(Call call) {
        synchronized (world) {
            var room = roomOf(call);
            require(room, call, ChatPermission.ADD_REMOVE_MEMBERS);
            var userId = Call.parseLong("user_id", call.requiredParam("user_id"));
            if (!room.members.containsKey(userId)) {
                throw ApiException.notFound("User " + userId + " is not a member of chat " + room.chatId);
            }
            if (userId == room.ownerId) {
                throw ApiException.denied("The owner of chat " + room.chatId + " cannot be removed");
            }
            if (call.boolParam("block")) {
                room.blocked.add(userId);
            }
            Removals.remove(world, room, userId, call.bot().userId);
            world.changed();
            return Views.success();
        }
    }

    static ChatPermission parsePermission(String name) {
        try {
            return ChatPermission.ofWireName(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Unknown permission: " + name);
        }
    }

    static LinkedHashSet<Long> ids(String commaJoined) {
        var result = new LinkedHashSet<Long>();
        for (var part : commaJoined.split(",")) {
            if (!part.isBlank()) {
                result.add(Call.parseLong("user_ids", part.strip()));
            }
        }
        return result;
    }
}
