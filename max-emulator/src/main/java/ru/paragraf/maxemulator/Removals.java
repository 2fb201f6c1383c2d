package ru.paragraf.maxemulator;

/** A member leaves a group chat, by themselves or removed by {@code actorId}, and the bots hear of it. */
final class Removals {

    private Removals() {}

    /** {@code actorId} equal to {@code userId} means the user left on their own. */
    static void remove(World world, WorldData.Room room, long userId, long actorId) {
        room.members.remove(userId);
        room.lastEventTime = world.now();
        if (world.data.bots.containsKey(userId)) {
            var update = world.update("bot_removed").put("chat_id", room.chatId);
            update.set("user", Views.user(world.data, actorId));
            update.put("is_channel", false);
            world.deliver(userId, update);
        }
        var update = world.update("user_removed").put("chat_id", room.chatId);
        update.set("user", Views.user(world.data, userId));
        if (actorId != userId) {
            update.put("admin_id", actorId);
        }
        update.put("is_channel", false);
        world.emit(room, update, actorId);
    }
}
