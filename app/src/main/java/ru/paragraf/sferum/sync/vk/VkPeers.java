package ru.paragraf.sferum.sync.vk;

/**
 * VK's peer id arithmetic in one place: a user's peer is the user id, a community's is {@code -group_id}, a
 * chat's is {@code 2000000000 + chat_id} (chat ids run up to 10^8). Do not guess a peer's kind from its size
 * alone when VK says it (new user ids are above 2·10^9); prefer {@code peer.type} from the conversation.
 */
public final class VkPeers {

    public static final long CHAT_PEER_BASE = 2_000_000_000L;
    public static final long MAX_CHAT_ID = 100_000_000L;

    private VkPeers() {}

    public static long ofChat(long chatId) {
        if (chatId < 1 || chatId > MAX_CHAT_ID) {
            throw new IllegalArgumentException("chat_id must be 1.." + MAX_CHAT_ID + ", was " + chatId);
        }
        return CHAT_PEER_BASE + chatId;
    }

    /** The chat id of a chat peer id; for peers known to be chats (from {@code peer.type} or our own ledger). */
    public static long chatIdOf(long peerId) {
        if (!isChatPeer(peerId)) {
            throw new IllegalArgumentException("not a chat peer id: " + peerId);
        }
        return peerId - CHAT_PEER_BASE;
    }

    public static boolean isChatPeer(long peerId) {
        return peerId > CHAT_PEER_BASE && peerId <= CHAT_PEER_BASE + MAX_CHAT_ID;
    }

    public static long ofCommunity(long groupId) {
        return -Math.abs(groupId);
    }
}
