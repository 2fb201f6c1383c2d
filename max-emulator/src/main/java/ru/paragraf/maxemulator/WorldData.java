package ru.paragraf.maxemulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything MAX would remember, as plain fields: this is what the state file holds (written and read field by field
 * with {@link Json#FIELDS}). Only {@link World} changes it, under its lock.
 */
final class WorldData {

    /** Group chat ids are {@code -(CHAT_BASE + n)}, like {@code -70801090403050} in [GO] stabs. */
    static final long CHAT_BASE = 70_000_000_000_000L;

    long nextChatNumber = 1;
    long nextMessageNumber = 1;
    long nextUserId = 300_000_001L;
    long nextBotId = 900_000_001L;
    Map<Long, Person> users = new LinkedHashMap<>();
    Map<Long, BotAccount> bots = new LinkedHashMap<>();
    Map<Long, Room> chats = new LinkedHashMap<>();
    Map<Long, Feed> feeds = new LinkedHashMap<>();

    static final class Person {
        long userId;
        String firstName = "";

        @Nullable
        String lastName;

        boolean refusesBots;
    }

    static final class BotAccount {
        long userId;
        String name = "";
        String firstName = "";
        String token = "";
    }

    /** A group chat ({@code type "chat"}) or a person's dialog with a bot ({@code type "dialog"}). */
    static final class Room {
        long chatId;
        String type = "chat";
        String status = "active";
        String title = "";

        @Nullable
        String description;

        long ownerId;
        String link = "";
        long createdAt;
        long lastEventTime;
        long nextSeq = 1;
        /** For a dialog: the person and the bot. */
        long dialogUserId;

        long dialogBotId;
        Map<Long, Member> members = new LinkedHashMap<>();
        Set<Long> blocked = new LinkedHashSet<>();
        List<Msg> messages = new ArrayList<>();

        @Nullable
        String pinnedMid;

        boolean isDialog() {
            return type.equals("dialog");
        }
    }

    static final class Member {
        long userId;
        long joinTime;
        boolean admin;
        List<String> permissions = new ArrayList<>();

        @Nullable
        String alias;

        boolean can(ChatPermission permission) {
            return admin && permissions.contains(permission.wireName());
        }
    }

    static final class Msg {
        String mid = "";
        long chatId;
        long senderId;
        long timestamp;
        long seq;
        String text = "";

        @Nullable
        JsonNode attachments;

        @Nullable
        String format;

        boolean edited;
    }

    /** One bot's updates: those not acknowledged yet, and its webhook. */
    static final class Feed {
        long nextSeq = 1;
        /** Updates below it were acknowledged (a later marker, or a webhook's 200) and are gone. */
        long acknowledged = 1;

        List<Entry> entries = new ArrayList<>();

        @Nullable
        Subscription subscription;
        /** The next update the webhook delivers. */
        long webhookNext = 1;
    }

    static final class Entry {
        long seq;
        String type = "";
        ObjectNode update = Json.object();
    }

    static final class Subscription {
        String url = "";

        @Nullable
        String secret;

        List<String> updateTypes = new ArrayList<>();
        long time;
    }
}
