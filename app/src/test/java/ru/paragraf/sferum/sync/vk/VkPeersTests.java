package ru.paragraf.sferum.sync.vk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Peer id arithmetic, with int64 ids beyond 2·10^9 that are users, not chats. */
class VkPeersTests {

    @Test
    void turnsChatIdsIntoPeerIdsAndBack() {
        assertThat(VkPeers.ofChat(7)).isEqualTo(2_000_000_007L);
        assertThat(VkPeers.chatIdOf(2_000_000_007L)).isEqualTo(7);
        assertThat(VkPeers.ofCommunity(228000101L)).isEqualTo(-228000101L);
    }

    @Test
    void doesNotTakeLargeUserIdsForChats() {
        long newUserId = 200_000_000_123L;

        assertThat(VkPeers.isChatPeer(newUserId)).isFalse();
        assertThatThrownBy(() -> VkPeers.chatIdOf(newUserId)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VkPeers.ofChat(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesRandomIdZeroBecauseItTurnsDedupeOff() {
        assertThatThrownBy(() -> VkMessages.Send.of(2_000_000_001L, 0, "text"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
