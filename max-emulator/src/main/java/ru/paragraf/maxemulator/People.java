package ru.paragraf.maxemulator;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * What humans do in MAX (emulator-only, for tests and the demo): join MAX, create chats, add the bot and make it an
 * admin, add and remove people, write, open a bot's deep link, leave. Each action produces the updates MAX sends bots.
 */
final class People {

    private final World world;

    People(World world) {
        this.world = world;
    }

    long addUser(String firstName, @Nullable String lastName, boolean refusesBots) {
        synchronized (world) {
            var person = world.addPerson(world.data.nextUserId, firstName, lastName, refusesBots);
            world.changed();
            return person.userId;
        }
    }

    void setRefusesBots(long userId, boolean refusesBots) {
        synchronized (world) {
            person(userId).refusesBots = refusesBots;
            world.changed();
        }
    }

    long addBot(String name, String firstName, String token) {
        synchronized (world) {
            if (world.data.bots.values().stream().anyMatch(b -> b.name.equals(name) || b.token.equals(token))) {
                throw new PersonActionException("A bot with this name or token exists: " + name);
            }
            long id = world.data.nextBotId;
            world.apply(Seed.of(java.util.List.of(new Seed.Bot(id, name, firstName, token)), java.util.List.of()));
            return id;
        }
    }

    /** A person creates a group chat: they are its owner and an admin with every permission. */
    long createChat(long ownerId, String title) {
        synchronized (world) {
            person(ownerId);
            if (title.isBlank() || title.length() > 200) {
                throw new PersonActionException("A chat title is 1 to 200 characters");
            }
            var room = world.newRoom("chat");
            room.title = title.strip();
            room.ownerId = ownerId;
            var owner = world.join(room, ownerId);
            owner.admin = true;
            for (var permission : ChatPermission.values()) {
                owner.permissions.add(permission.wireName());
            }
            world.changed();
            return room.chatId;
        }
    }

    /** A member adds a bot to a chat: the bot gets {@code bot_added}. */
    void addBot(long chatId, long byUserId, long botId) {
        synchronized (world) {
            var room = groupWith(chatId, byUserId);
            if (!world.data.bots.containsKey(botId)) {
                throw new PersonActionException("No bot " + botId);
            }
            if (room.members.containsKey(botId)) {
                throw new PersonActionException("Bot " + botId + " is already in chat " + chatId);
            }
            world.join(room, botId);
            var update = world.update("bot_added").put("chat_id", chatId);
            update.set("user", Views.user(world.data, byUserId));
            update.put("is_channel", false);
            world.deliver(botId, update);
            world.changed();
        }
    }

    /** An admin with {@code add_admins} makes a member (a bot or a person) an admin with these permissions. */
    void makeAdmin(long chatId, long byUserId, long userId, Collection<ChatPermission> permissions) {
        synchronized (world) {
            var room = groupWith(chatId, byUserId);
            if (!room.members.get(byUserId).can(ChatPermission.ADD_ADMINS)) {
                throw new PersonActionException("User " + byUserId + " may not appoint admins in chat " + chatId);
            }
            var member = room.members.get(userId);
            if (member == null) {
                throw new PersonActionException("User " + userId + " is not in chat " + chatId);
            }
            member.admin = !permissions.isEmpty();
            member.permissions = new ArrayList<>();
            permissions.forEach(p -> member.permissions.add(p.wireName()));
            world.changed();
        }
    }

    /** A member adds a person: bots that may see it get {@code user_added}. Privacy does not stop people. */
    void addMember(long chatId, long byUserId, long userId) {
        synchronized (world) {
            var room = groupWith(chatId, byUserId);
            person(userId);
            if (room.members.containsKey(userId)) {
                throw new PersonActionException("User " + userId + " is already in chat " + chatId);
            }
            if (room.blocked.contains(userId)) {
                throw new PersonActionException("User " + userId + " is blocked in chat " + chatId);
            }
            world.join(room, userId);
            var update = world.update("user_added").put("chat_id", chatId);
            update.set("user", Views.user(world.data, userId));
            update.put("inviter_id", byUserId).put("is_channel", false);
            world.emit(room, update, 0);
            world.changed();
        }
    }

    /** An admin removes a member (a person or a bot): {@code user_removed}, and {@code bot_removed} to a bot. */
    void removeMember(long chatId, long byUserId, long userId) {
        synchronized (world) {
            var room = groupWith(chatId, byUserId);
            if (!room.members.get(byUserId).can(ChatPermission.ADD_REMOVE_MEMBERS)) {
                throw new PersonActionException("User " + byUserId + " may not remove members of chat " + chatId);
            }
            if (!room.members.containsKey(userId) || userId == room.ownerId) {
                throw new PersonActionException("User " + userId + " cannot be removed from chat " + chatId);
            }
            Removals.remove(world, room, userId, byUserId);
            world.changed();
        }
    }

    /** A person leaves a chat on their own: {@code user_removed} without {@code admin_id}. */
    void leaveChat(long chatId, long userId) {
        synchronized (world) {
            var room = groupWith(chatId, userId);
            Removals.remove(world, room, userId, userId);
            world.changed();
        }
    }

    /** A person renames a chat (needs {@code change_chat_info}): {@code chat_title_changed}. */
    void renameChat(long chatId, long byUserId, String title) {
        synchronized (world) {
            var room = groupWith(chatId, byUserId);
            if (!room.members.get(byUserId).can(ChatPermission.CHANGE_CHAT_INFO)) {
                throw new PersonActionException("User " + byUserId + " may not rename chat " + chatId);
            }
            room.title = title.strip();
            var update = world.update("chat_title_changed").put("chat_id", chatId);
            update.set("user", Views.user(world.data, byUserId));
            update.put("title", room.title);
            world.emit(room, update, 0);
            world.changed();
        }
    }

    /** A person writes in a group chat or in their dialog with a bot: {@code message_created}; returns its mid. */
    String sendMessage(long chatId, long userId, String text) {
        synchronized (world) {
            var room = world.data.chats.get(chatId);
            if (room == null || !room.members.containsKey(userId)) {
                throw new PersonActionException("User " + userId + " is not in chat " + chatId);
            }
            if (text.isEmpty() || text.length() > MessageMethods.MAX_TEXT) {
                throw new PersonActionException("A message is 1 to " + MessageMethods.MAX_TEXT + " characters");
            }
            var message = world.post(room, userId, text);
            var update = world.update("message_created");
            update.set("message", Views.message(world.data, room, message));
            update.put("user_locale", "ru");
            world.emit(room, update, 0);
            world.changed();
            return message.mid;
        }
    }

    /**
     * A person opens {@code https://max.ru/<botName>?start=<payload>}: their dialog with the bot is opened (made the
     * first time) and the bot gets {@code bot_started} with the payload (≤ 128 characters, [SCH]). Returns the dialog's
     * chat id.
     */
    long openDeepLink(long userId, String link) {
        synchronized (world) {
            person(userId);
            var uri = parse(link);
            var name = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            var bot = world.data.bots.values().stream()
                    .filter(b -> b.name.equals(name))
                    .findFirst()
                    .orElseThrow(() -> new PersonActionException("No bot named " + name));
            var payload = startPayload(uri);
            if (payload != null && payload.length() > 128) {
                throw new PersonActionException("A start payload is at most 128 characters");
            }
            var dialog = dialog(userId, bot.userId);
            var update = world.update("bot_started").put("chat_id", dialog.chatId);
            update.set("user", Views.user(world.data, userId));
            if (payload != null) {
                update.put("payload", payload);
            }
            update.put("user_locale", "ru");
            world.deliver(bot.userId, update);
            world.changed();
            return dialog.chatId;
        }
    }

    private WorldData.Room dialog(long userId, long botId) {
        for (var room : world.data.chats.values()) {
            if (room.isDialog() && room.dialogUserId == userId && room.dialogBotId == botId) {
                return room;
            }
        }
        var room = world.newRoom("dialog");
        room.link = "";
        room.dialogUserId = userId;
        room.dialogBotId = botId;
        room.ownerId = userId;
        world.join(room, userId);
        world.join(room, botId);
        return room;
    }

    private static URI parse(String link) {
        try {
            var uri = URI.create(link);
            if (!"max.ru".equals(uri.getHost())) {
                throw new PersonActionException("Not a MAX deep link: " + link);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new PersonActionException("Not a MAX deep link: " + link);
        }
    }

    private static @Nullable String startPayload(URI uri) {
        var query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (var pair : query.split("&")) {
            if (pair.startsWith("start=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private WorldData.Person person(long userId) {
        var person = world.data.users.get(userId);
        if (person == null) {
            throw new PersonActionException("No MAX user " + userId);
        }
        return person;
    }

    private WorldData.Room groupWith(long chatId, long userId) {
        var room = world.data.chats.get(chatId);
        if (room == null || room.isDialog()) {
            throw new PersonActionException("No group chat " + chatId);
        }
        if (!room.members.containsKey(userId)) {
            throw new PersonActionException("User " + userId + " is not in chat " + chatId);
        }
        return room;
    }
}
