package ru.paragraf.maxemulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulated MAX: users, bots, chats, messages and each bot's updates, behind one lock (this object). Every change
 * ends in {@link #changed()}, which saves the state (with a state file) before the answer is sent and wakes long polls.
 */
final class World {

    /** Update types a bot gets in a group chat only as an admin with {@code read_all_messages} ([SCH] 0.0.33). */
    private static final Set<String> READ_ALL_ONLY =
            Set.of("message_created", "message_edited", "message_removed", "user_added", "user_removed");

    final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final @Nullable StateStore store;
    private LongConsumer onUpdate = botId -> {};
    WorldData data;

    World(Clock clock, @Nullable StateStore store, WorldData data) {
        this.clock = clock;
        this.store = store;
        this.data = data;
    }

    /** Called (under the lock) with the bot's id after an update is added to its feed. */
    synchronized void onUpdate(LongConsumer listener) {
        onUpdate = listener;
    }

    synchronized void apply(Seed seed) {
        for (var bot : seed.bots()) {
            var account = data.bots.computeIfAbsent(bot.userId(), id -> new WorldData.BotAccount());
            account.userId = bot.userId();
            account.name = bot.name();
            account.firstName = bot.firstName();
            account.token = bot.token();
            data.nextBotId = Math.max(data.nextBotId, bot.userId() + 1);
        }
        for (var user : seed.users()) {
            if (!data.users.containsKey(user.userId())) {
                addPerson(user.userId(), user.firstName(), user.lastName(), user.refusesBots());
            }
        }
        changed();
    }

    long now() {
        return clock.millis();
    }

    WorldData.Person addPerson(long userId, String firstName, @Nullable String lastName, boolean refusesBots) {
        var person = new WorldData.Person();
        person.userId = userId;
        person.firstName = firstName;
        person.lastName = lastName;
        person.refusesBots = refusesBots;
        data.users.put(userId, person);
        data.nextUserId = Math.max(data.nextUserId, userId + 1);
        return person;
    }

    WorldData.@Nullable BotAccount botByToken(String token) {
        for (var bot : data.bots.values()) {
            if (bot.token.equals(token)) {
                return bot;
            }
        }
        return null;
    }

    boolean knows(long userId) {
        return data.users.containsKey(userId) || data.bots.containsKey(userId);
    }

    WorldData.Room newRoom(String type) {
        var room = new WorldData.Room();
        room.type = type;
        room.chatId = -(WorldData.CHAT_BASE + data.nextChatNumber++);
        room.createdAt = now();
        room.lastEventTime = room.createdAt;
        room.link = "https://max.ru/join/" + hex(16);
        data.chats.put(room.chatId, room);
        return room;
    }

    WorldData.Member join(WorldData.Room room, long userId) {
        var member = new WorldData.Member();
        member.userId = userId;
        member.joinTime = now();
        room.members.put(userId, member);
        room.lastEventTime = member.joinTime;
        return member;
    }

    WorldData.Msg post(WorldData.Room room, long senderId, String text) {
        var message = new WorldData.Msg();
        message.mid = "mid." + String.format("%016x", data.nextMessageNumber++) + hex(8);
        message.chatId = room.chatId;
        message.senderId = senderId;
        message.timestamp = now();
        message.seq = room.nextSeq++;
        message.text = text;
        room.messages.add(message);
        room.lastEventTime = message.timestamp;
        return message;
    }

    /** A new update object with its type and timestamp. */
    ObjectNode update(String type) {
        return Json.object().put("update_type", type).put("timestamp", now());
    }

    /** Gives an update to every bot in the room that may see it (the visibility rule), except {@code exceptBot}. */
    void emit(WorldData.Room room, ObjectNode update, long exceptBot) {
        var type = update.path("update_type").asString();
        for (var member : room.members.values()) {
            if (!data.bots.containsKey(member.userId) || member.userId == exceptBot) {
                continue;
            }
            if (!room.isDialog() && READ_ALL_ONLY.contains(type) && !member.can(ChatPermission.READ_ALL_MESSAGES)) {
                continue;
            }
            deliver(member.userId, update);
        }
    }

    /** Appends an update to one bot's feed. */
    void deliver(long botId, ObjectNode update) {
        var feed = feed(botId);
        var entry = new WorldData.Entry();
        entry.seq = feed.nextSeq++;
        entry.type = update.path("update_type").asString();
        entry.update = update;
        feed.entries.add(entry);
        onUpdate.accept(botId);
    }

    WorldData.Feed feed(long botId) {
        return data.feeds.computeIfAbsent(botId, id -> new WorldData.Feed());
    }

    /** Drops the updates of a feed that are acknowledged (by a marker) and delivered (by the webhook). */
    void trim(WorldData.Feed feed) {
        long keepFrom = feed.subscription == null ? feed.acknowledged : Math.min(feed.acknowledged, feed.webhookNext);
        feed.entries.removeIf(entry -> entry.seq < keepFrom);
    }

    /** Saves the state (with a state file) and wakes the long polls; call at the end of every change. */
    void changed() {
        if (store != null) {
            store.write(Json.FIELDS.writeValueAsBytes(data));
        }
        notifyAll();
    }

    /** The updates of a feed from {@code from} on, of the given types (all when empty), at most {@code limit}. */
    List<WorldData.Entry> pending(WorldData.Feed feed, long from, Set<String> types, int limit) {
        var result = new ArrayList<WorldData.Entry>();
        for (var entry : feed.entries) {
            if (entry.seq >= from && (types.isEmpty() || types.contains(entry.type))) {
                result.add(entry);
                if (result.size() == limit) {
                    break;
                }
            }
        }
        return result;
    }

    String hex(int bytes) {
        var value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
