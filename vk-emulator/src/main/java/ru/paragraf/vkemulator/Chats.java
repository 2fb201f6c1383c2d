package ru.paragraf.vkemulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * All chats, each owner's (community's or user's) own chat numbering, invite links, and the record of sent
 * {@code random_id}s that makes messages.send idempotent.
 */
final class Chats {

    static final String INVITE_PREFIX = "https://vk.me/join/";

    private record SentKey(long sender, long randomId) {}

    /** One account's chat numbering: local chat ids start at 1. */
    private static final class Numbering {
        private final HashMap<Long, Chat> byLocalId = new HashMap<>();
        private long next;

        synchronized long localId(long peer, Chat chat) {
            var known = chat.localIds().get(peer);
            if (known != null) {
                return known;
            }
            long local = ++next;
            byLocalId.put(local, chat);
            chat.localIds().put(peer, local);
            return local;
        }

        synchronized @Nullable Chat chat(long localId) {
            return byLocalId.get(localId);
        }

        synchronized List<Chat> chats() {
            return new ArrayList<>(byLocalId.values());
        }

        synchronized void forget(long localId) {
            byLocalId.remove(localId);
        }

        synchronized long last() {
            return next;
        }

        synchronized void restore(long last) {
            next = last;
        }

        synchronized void restore(long localId, Chat chat) {
            byLocalId.put(localId, chat);
        }
    }

    private final AtomicLong chatIds = new AtomicLong();
    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicLong activity = new AtomicLong();
    private final AtomicLong membershipChanges = new AtomicLong();
    private final ConcurrentHashMap<Long, Chat> chats = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Numbering> numberings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Chat> byInviteToken = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<SentKey, Object> sent = new ConcurrentHashMap<>();

    Chat create(long ownerPeer, String title, List<Long> memberPeers, long now) {
        var chat = new Chat(chatIds.incrementAndGet(), ownerPeer, title, now);
        memberPeers.forEach(peer -> chat.addInitial(peer, now));
        chat.announceCreation(now, this);
        chats.put(chat.id(), chat);
        localId(ownerPeer, chat);
        memberPeers.forEach(peer -> localId(peer, chat));
        return chat;
    }

    /** The chat's id in {@code peer}'s numbering, assigned on first use. */
    long localId(long peer, Chat chat) {
        return numberings.computeIfAbsent(peer, p -> new Numbering()).localId(peer, chat);
    }

    /** The chat {@code peer} knows as {@code chatId}, or null. */
    @Nullable
    Chat byLocalId(long peer, long chatId) {
        var numbering = numberings.get(peer);
        return numbering == null ? null : numbering.chat(chatId);
    }

    /** The chat {@code peer} addresses as {@code peerId} (2e9 + local chat id), or null. */
    @Nullable
    Chat byPeerId(long peer, long peerId) {
        return isChatPeer(peerId) ? byLocalId(peer, peerId - Chat.PEER_BASE) : null;
    }

    /** {@code peer}'s chats, most recently active first. */
    List<Chat> of(long peer) {
        var numbering = numberings.get(peer);
        if (numbering == null) {
            return List.of();
        }
        var list = numbering.chats();
        list.sort(Comparator.comparingLong(Chat::activity).reversed());
        return list;
    }

    @Nullable
    Chat byInviteLink(String link) {
        var token = link.trim();
        int at = token.indexOf("vk.me/join/");
        if (at < 0) {
            return null;
        }
        return byInviteToken.get(token.substring(at + "vk.me/join/".length()));
    }

    /** The chat's current invite link; {@code reset} revokes the old one and makes a new one. */
    String inviteLink(Chat chat, boolean reset) {
        synchronized (chat) {
            var current = chat.inviteToken();
            if (current != null && !reset) {
                return INVITE_PREFIX + current;
            }
            if (current != null) {
                byInviteToken.remove(current);
            }
            var fresh = Secrets.standard(18);
            byInviteToken.put(fresh, chat);
            chat.inviteToken(fresh);
            return INVITE_PREFIX + fresh;
        }
    }

    /**
     * Runs {@code send} once per (sender, random_id) and returns its response; a repeat returns the first
     * response and sends nothing. {@code random_id} 0 turns this off, as in VK.
     */
    Object sendOnce(long sender, long randomId, Supplier<Object> send) {
        if (randomId == 0) {
            return send.get();
        }
        return sent.computeIfAbsent(new SentKey(sender, randomId), key -> send.get());
    }

    /**
     * Deletes a chat for everyone, as if VK had lost it (an emulator-only test hook): it is no longer found by any
     * member's chat id or by its invite link; its ids are not given again.
     */
    boolean delete(long id) {
        var chat = chats.remove(id);
        if (chat == null) {
            return false;
        }
        chat.localIds().forEach((peer, localId) -> {
            var numbering = numberings.get(peer);
            if (numbering != null) {
                numbering.forget(localId);
            }
        });
        var link = chat.inviteToken();
        if (link != null) {
            byInviteToken.remove(link, chat);
        }
        return true;
    }

    @Nullable
    Chat byId(long id) {
        return chats.get(id);
    }

    List<Chat> all() {
        var list = new ArrayList<>(chats.values());
        list.sort(Comparator.comparingLong(Chat::id));
        return list;
    }

    long nextMessageId() {
        return messageIds.incrementAndGet();
    }

    long nextActivity() {
        return activity.incrementAndGet();
    }

    /** The next number of the emulator-wide sequence of membership changes (all chats). */
    long nextMembershipChange() {
        return membershipChanges.incrementAndGet();
    }

    void clear() {
        membershipChanges.set(0);
        chats.clear();
        numberings.clear();
        byInviteToken.clear();
        sent.clear();
    }

    SavedState.SavedChats saved() {
        var savedNumberings = new ArrayList<SavedState.SavedNumbering>();
        numberings.forEach(
                (peer, numbering) -> savedNumberings.add(new SavedState.SavedNumbering(peer, numbering.last())));
        savedNumberings.sort(Comparator.comparingLong(SavedState.SavedNumbering::peer));
        var savedSent = new ArrayList<SavedState.SavedSend>();
        sent.forEach(
                (key, response) -> savedSent.add(new SavedState.SavedSend(key.sender(), key.randomId(), response)));
        savedSent.sort(Comparator.comparingLong(SavedState.SavedSend::sender)
                .thenComparingLong(SavedState.SavedSend::randomId));
        return new SavedState.SavedChats(
                chatIds.get(),
                messageIds.get(),
                activity.get(),
                membershipChanges.get(),
                savedNumberings,
                all().stream().map(Chat::saved).toList(),
                savedSent);
    }

    void restore(SavedState.SavedChats saved) {
        chatIds.set(saved.lastChatId());
        messageIds.set(saved.lastMessageId());
        activity.set(saved.lastActivity());
        membershipChanges.set(saved.lastMembershipChange() == null ? 0 : saved.lastMembershipChange());
        saved.numberings().forEach(n -> numberings
                .computeIfAbsent(n.peer(), p -> new Numbering())
                .restore(n.last()));
        for (var savedChat : saved.items()) {
            var chat = Chat.restore(savedChat);
            chats.put(chat.id(), chat);
            chat.localIds().forEach((peer, localId) -> numberings
                    .computeIfAbsent(peer, p -> new Numbering())
                    .restore(localId, chat));
            if (chat.inviteToken() != null) {
                byInviteToken.put(chat.inviteToken(), chat);
            }
        }
        saved.sent().forEach(s -> sent.put(new SentKey(s.sender(), s.randomId()), s.response()));
    }

    static boolean isChatPeer(long peerId) {
        return peerId > Chat.PEER_BASE && peerId <= Chat.PEER_BASE + Chat.MAX_CHAT_ID;
    }
}
