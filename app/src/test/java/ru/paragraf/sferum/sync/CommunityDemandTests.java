package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import ru.paragraf.sferum.sync.CommunityLeases.Demand;

/** A node's share of the communities with work, and how many it gives back for those waiting. */
class CommunityDemandTests {

    @Test
    void theCommunitiesWithWorkAreDividedAmongTheLiveNodesWithinEachNodesLimit() {
        assertThat(new Demand(2, 5, 0).share(256)).isEqualTo(3);
        assertThat(new Demand(3, 600, 0).share(256)).isEqualTo(200);
        assertThat(new Demand(1, 600, 0).share(256)).isEqualTo(256);
        assertThat(new Demand(1, 0, 0).share(256))
                .as("a node always has room for the first community to come")
                .isEqualTo(1);
    }

    @Test
    void aNodeGivesBackWhatIsBeyondItsShareAndOneForEachCommunityWaitingOnceItsShareIsFull() {
        assertThat(new Demand(1, 3, 0).toGiveBack(3, 3)).isZero();
        assertThat(new Demand(2, 4, 0).toGiveBack(4, 2))
                .as("a second node came")
                .isEqualTo(2);
        assertThat(new Demand(1, 5, 2).toGiveBack(3, 3)).isEqualTo(2);
        assertThat(new Demand(1, 5, 2).toGiveBack(2, 3))
                .as("room in the share: the waiting ones are leased, nobody goes")
                .isZero();
    }

    @Property(tries = 500)
    void everyCommunityWithWorkFindsANodeWhileTheNodesHaveRoom(
            @ForAll @IntRange(min = 1, max = 16) int nodes,
            @ForAll @IntRange(min = 0, max = 5000) int communities,
            @ForAll @IntRange(min = 1, max = 512) int limit) {
        var share = new Demand(nodes, communities, 0).share(limit);

        assertThat(share).isBetween(1, limit);
        assertThat((long) share * nodes).isGreaterThanOrEqualTo(Math.min(communities, (long) limit * nodes));
        assertThat(share)
                .as("no node takes much more than its part")
                .isLessThanOrEqualTo(Math.max(1, communities / nodes + 1));
    }
}
