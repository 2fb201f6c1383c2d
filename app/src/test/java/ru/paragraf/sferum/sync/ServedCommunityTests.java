package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import ru.paragraf.sferum.sync.ServedCommunity.Lease;
import ru.paragraf.sferum.sync.ServedCommunity.State;

/** A served community's bookkeeping: what it may claim, and when its lease goes back. */
class ServedCommunityTests {

    static final int CONCURRENCY = 8;

    final ServedCommunity community = new ServedCommunity(227_100_001L, 0, false);

    @Test
    void aCommunityJustLeasedLooksForWorkAndWaitsOnlyForAThread() {
        assertThat(community.state()).isEqualTo(State.LOOKING);
        assertThat(community.waitsForThread()).isTrue();
        assertThat(community.candidate().claimedAt()).isEqualTo(Fairness.NEVER);
        assertThat(community.lease()).isEqualTo(Lease.KEEP);
    }

    @Test
    void aClaimTakesNoMoreSlotsThanTheConcurrencyNorThanTheFreeThreads() {
        assertThat(community.reserve(CONCURRENCY, 3)).isEqualTo(3);
        community.claimed(3, 3, 100);
        assertThat(community.state()).as("every slot filled: more may be due").isEqualTo(State.LOOKING);

        assertThat(community.reserve(CONCURRENCY, 64)).isEqualTo(5);
        assertThat(community.reserve(CONCURRENCY, 64)).as("a claim under way").isZero();
        community.claimed(5, 5, 200);

        assertThat(community.inFlight()).isEqualTo(CONCURRENCY);
        assertThat(community.reserve(CONCURRENCY, 64)).isZero();
    }

    @Test
    void aClaimThatFindsNothingMakesItIdleAndItsLeaseGoesBack() {
        var slots = community.reserve(CONCURRENCY, 64);
        community.claimed(slots, 0, 100);

        assertThat(community.state()).isEqualTo(State.IDLE);
        assertThat(community.inFlight()).isZero();
        assertThat(community.lease()).isEqualTo(Lease.GIVE_BACK);
        assertThat(community.reserve(CONCURRENCY, 64)).isZero();

        community.lookAgain();
        assertThat(community.lease())
                .as("new work was planned or retries came due")
                .isEqualTo(Lease.KEEP);
    }

    @Test
    void afterAPartialClaimItClaimsAgainOnlyWhenAnOperationEnds() {
        var slots = community.reserve(CONCURRENCY, 64);
        community.claimed(slots, 2, 100);

        assertThat(community.state()).isEqualTo(State.CLAIMED);
        assertThat(community.reserve(CONCURRENCY, 64)).isZero();
        assertThat(community.lease()).isEqualTo(Lease.KEEP);

        community.ended();
        assertThat(community.state()).isEqualTo(State.LOOKING);
        assertThat(community.reserve(CONCURRENCY, 64)).isEqualTo(CONCURRENCY - 1);
    }

    @Test
    void anOperationEndingDuringAClaimThatFindsNothingKeepsItLooking() {
        community.claimed(community.reserve(CONCURRENCY, 1), 1, 100);
        var slots = community.reserve(CONCURRENCY, 64);

        community.ended();
        community.claimed(slots, 0, 200);

        assertThat(community.state()).isEqualTo(State.LOOKING);
        assertThat(community.lease()).isEqualTo(Lease.KEEP);
    }

    @Test
    void aFailedClaimFreesItsSlotsAndLooksAgain() {
        community.claimFailed(community.reserve(CONCURRENCY, 64));

        assertThat(community.inFlight()).isZero();
        assertThat(community.state()).isEqualTo(State.LOOKING);
    }

    @Test
    void workSomeoneWaitsForIsUrgentUntilItsNextClaimThatStartsSomething() {
        community.hurry();
        community.claimed(community.reserve(CONCURRENCY, 64), 0, 100);
        assertThat(community.candidate().urgent()).isTrue();

        community.lookAgain();
        community.claimed(community.reserve(CONCURRENCY, 64), 1, 200);
        assertThat(community.candidate()).isEqualTo(new Fairness.Candidate(community.id(), 1, false, 200));
    }

    @Test
    void aRetiringCommunityClaimsNothingMoreAndGoesBackWhenItsOperationsEnd() {
        community.claimed(community.reserve(CONCURRENCY, 2), 2, 100);
        assertThat(community.sliceOver(0)).isTrue();

        community.retire();

        assertThat(community.sliceOver(0)).isFalse();
        assertThat(community.reserve(CONCURRENCY, 64)).isZero();
        community.ended();
        assertThat(community.state()).isEqualTo(State.RETIRING);
        assertThat(community.lease()).isEqualTo(Lease.KEEP);
        community.ended();
        assertThat(community.lease()).isEqualTo(Lease.GIVE_BACK);
    }

    @Test
    void aLostCommunityIsForgottenNotGivenBack() {
        community.claimed(community.reserve(CONCURRENCY, 1), 1, 100);

        assertThat(community.lose()).isTrue();
        assertThat(community.lose()).as("known already").isFalse();
        community.retire();

        assertThat(community.state()).isEqualTo(State.LOST);
        assertThat(community.reserve(CONCURRENCY, 64)).isZero();
        assertThat(community.lease()).isEqualTo(Lease.KEEP);
        community.ended();
        assertThat(community.lease()).isEqualTo(Lease.FORGET);
    }

    @Test
    void itsSliceEndsOnlyOnceItsTimeIsOver() {
        var served = new ServedCommunity(227_100_002L, 1_000, false);

        assertThat(served.sliceOver(999)).isFalse();
        assertThat(served.sliceOver(1_000)).isTrue();
        served.nextSlice(5_000);
        assertThat(served.sliceOver(1_000)).isFalse();
    }

    /**
     * Whatever the pump and the workers do in whatever order: no more in flight than the concurrency, nothing
     * claimed once it retires or is lost, and its lease goes back only with nothing in flight.
     */
    @Property(tries = 500)
    void itsCountsStayWithinTheirBounds(
            @ForAll @IntRange(min = 1, max = 8) int concurrency,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 7) Integer> steps,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 8) Integer> found) {
        var served = new ServedCommunity(227_100_003L, 0, false);
        var running = 0;
        // claims under way, oldest first: an operation ending during a claim lets another worker claim too
        var claims = new ArrayDeque<Integer>();
        var finds = found.iterator();
        for (var step : steps) {
            var before = served.state();
            switch (step) {
                case 0, 1 -> {
                    var slots = served.reserve(concurrency, 1 + step * 7);
                    assertThat(slots == 0 || before == State.LOOKING).isTrue();
                    if (slots > 0) {
                        claims.add(slots);
                    }
                }
                case 2 -> {
                    if (!claims.isEmpty()) {
                        var slots = claims.remove();
                        var claimed = Math.min(slots, finds.hasNext() ? finds.next() : 0);
                        served.claimed(slots, claimed, step);
                        running += claimed;
                    }
                }
                case 3 -> {
                    if (running > 0) {
                        served.ended();
                        running--;
                    }
                }
                case 4 -> served.lookAgain();
                case 5 -> served.retire();
                case 6 -> served.lose();
                default -> {
                    if (!claims.isEmpty()) {
                        served.claimFailed(claims.remove());
                    }
                }
            }
            var reserved = claims.stream().mapToInt(Integer::intValue).sum();
            assertThat(served.inFlight()).isEqualTo(running + reserved).isBetween(0, concurrency);
            if (before == State.LOST) {
                assertThat(served.state()).isEqualTo(State.LOST);
            }
            if (before == State.RETIRING) {
                assertThat(served.state()).isIn(State.RETIRING, State.LOST);
            }
            if (served.lease() != Lease.KEEP) {
                assertThat(served.inFlight()).isZero();
            }
        }
    }
}
