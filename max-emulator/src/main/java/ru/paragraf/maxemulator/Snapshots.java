package ru.paragraf.maxemulator;

import java.util.ArrayList;
import java.util.List;

/** Builds {@link EmulatorSnapshot}s from the world (under its lock). */
final class Snapshots {

    private Snapshots() {}

    static EmulatorSnapshot of(World world, Stats stats) {
        synchronized (world) {
            var data = world.data;
            var bots = new ArrayList<EmulatorSnapshot.Bot>();
            for (var bot : data.bots.values()) {
                var feed = data.feeds.get(bot.userId);
                bots.add(new EmulatorSnapshot.Bot(
                        bot.userId,
                        bot.name,
                        bot.firstName,
                        mask(bot.token),
                        feed == null || feed.subscription == null ? null : feed.subscription.url,
                        feed == null ? 0 : feed.entries.size()));
            }
            var users = new ArrayList<EmulatorSnapshot.User>();
            data.users
                    .values()
                    .forEach(u ->
                            users.add(new EmulatorSnapshot.User(u.userId, u.firstName, u.lastName, u.refusesBots)));
            var chats = new ArrayList<EmulatorSnapshot.Chat>();
            data.chats.values().forEach(room -> chats.add(chat(data, room)));
            return new EmulatorSnapshot(bots, users, chats, stats.snapshot());
        }
    }

    private static EmulatorSnapshot.Chat chat(WorldData data, WorldData.Room room) {
        var members = new ArrayList<EmulatorSnapshot.Member>();
        for (var member : room.members.values()) {
            var user = Views.user(data, member.userId);
            members.add(new EmulatorSnapshot.Member(
                    member.userId,
                    user.path("first_name").asString(""),
                    data.bots.containsKey(member.userId),
                    !room.isDialog() && member.userId == room.ownerId,
                    member.admin,
                    List.copyOf(member.permissions)));
        }
        var messages = new ArrayList<EmulatorSnapshot.Message>();
        for (var message : room.messages) {
            var buttons = new ArrayList<EmulatorSnapshot.Button>();
            if (message.attachments != null) {
                for (var attachment : message.attachments) {
                    for (var row : attachment.path("payload").path("buttons")) {
                        for (var button : row) {
                            buttons.add(new EmulatorSnapshot.Button(
                                    button.path("type").asString(""),
                                    button.path("text").asString(""),
                                    button.path("url").isString()
                                            ? button.path("url").asString()
                                            : null,
                                    button.path("payload").isString()
                                            ? button.path("payload").asString()
                                            : null));
                        }
                    }
                }
            }
            messages.add(new EmulatorSnapshot.Message(
                    message.mid, message.senderId, message.timestamp, message.text, buttons, message.edited));
        }
        return new EmulatorSnapshot.Chat(
                room.chatId,
                room.type,
                room.status,
                room.title,
                room.description,
                room.ownerId,
                room.link,
                members,
                List.copyOf(room.blocked),
                messages,
                room.pinnedMid);
    }

    /** {@code abcd****…wxyz}: enough to tell tokens apart, never the token. */
    static String mask(String token) {
        if (token.length() <= 8) {
            return "****";
        }
        return token.substring(0, 4) + "****…" + token.substring(token.length() - 4);
    }
}
