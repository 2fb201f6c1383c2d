package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import ru.paragraf.sferum.sync.Fairness.Candidate;

/** Which served community a thread that comes free goes to. */
class FairnessTests {

    @Test
    void theCommunityWithTheFewestOperationsInFlightGoesFirst() {
        var busy = new Candidate(1, 3, false, 10);
        var quiet = new Candidate(2, 0, false, 50);
        var some = new Candidate(3, 1, false, 20);

        assertThat(Fairness.order(List.of(busy, quiet, some))).containsExactly(quiet, some, busy);
    }

    @Test
    void amongAsBusyOnesWorkSomeoneWaitsForGoesFirst() {
        var waitingLong = new Candidate(1, 0, false, 10);
        var hurried = new Candidate(2, 0, true, 90);
        var busierHurried = new Candidate(3, 1, true, 5);

        assertThat(Fairness.order(List.of(waitingLong, busierHurried, hurried)))
                .as(
                        "a person's change goes first among the communities with as many in flight, not before quieter ones")
                .containsExactly(hurried, waitingLong, busierHurried);
    }

    @Test
    void thenTheOneWaitingLongestForAClaimAndACommunityJustLeasedBeforeAll() {
        var claimedLately = new Candidate(1, 0, false, 900);
        var justLeased = new Candidate(9, 0, false, Fairness.NEVER);
        var claimedLongAgo = new Candidate(5, 0, false, -400);

        assertThat(Fairness.order(List.of(claimedLately, justLeased, claimedLongAgo)))
                .containsExactly(justLeased, claimedLongAgo, claimedLately);
    }

    @Test
    void theOrderDoesNotDependOnTheOrderItIsGiven() {
        var a = new Candidate(7, 0, false, Fairness.NEVER);
        var b = new Candidate(3, 0, false, Fairness.NEVER);

        assertThat(Fairness.order(List.of(a, b))).containsExactly(b, a);
        assertThat(Fairness.order(List.of(b, a))).containsExactly(b, a);
    }

    @Property(tries = 300)
    void everyCandidateComesOnceInTheOrderOfItsRules(@ForAll("candidates") List<Candidate> candidates) {
        var order = Fairness.order(candidates);

        assertThat(order).containsExactlyInAnyOrderElementsOf(candidates);
        for (var i = 1; i < order.size(); i++) {
            var before = order.get(i - 1);
            var after = order.get(i);
            assertThat(before.inFlight()).isLessThanOrEqualTo(after.inFlight());
            if (before.inFlight() == after.inFlight()) {
                assertThat(before.urgent() || !after.urgent()).isTrue();
                if (before.urgent() == after.urgent()) {
                    assertThat(before.claimedAt()).isLessThanOrEqualTo(after.claimedAt());
                }
            }
        }
    }

    /**
     * Every thread busy, one comes free at a time, and each community served gets one operation that ends before
     * the next thread comes free: within as many threads as there are communities, every community got one. With
     * a fixed order (a hash map's), the first community would take every thread.
     */
    @Property(tries = 300)
    void communitiesWaitingForAThreadGetOneInTurn(@ForAll("candidates") List<Candidate> initial) {
        var waiting = new HashMap<Long, Candidate>();
        initial.forEach(c -> waiting.put(c.community(), new Candidate(c.community(), 0, false, c.claimedAt())));
        var served = new ArrayList<Long>();
        var now = 2_000_000L;

        for (var turn = 0; turn < waiting.size(); turn++) {
            var next = Fairness.order(waiting.values()).get(0);
            served.add(next.community());
            waiting.put(next.community(), new Candidate(next.community(), 0, false, now++));
        }

        assertThat(new HashSet<>(served)).isEqualTo(waiting.keySet());
    }

    @Provide
    Arbitrary<List<Candidate>> candidates() {
        var claimedAt = Arbitraries.oneOf(
                Arbitraries.just(Fairness.NEVER), Arbitraries.longs().between(-1_000_000, 1_000_000));
        var candidate = Combinators.combine(
                        Arbitraries.integers().between(0, 8), Arbitraries.of(true, false), claimedAt)
                .as((inFlight, urgent, at) -> new Candidate(0, inFlight, urgent, at));
        // distinct communities, in an order unrelated to their ids
        return candidate.list().ofMaxSize(40).map(list -> IntStream.range(0, list.size())
                .mapToObj(i -> new Candidate(
                        227_100_000L + i * 919L % 1000,
                        list.get(i).inFlight(),
                        list.get(i).urgent(),
                        list.get(i).claimedAt()))
                .toList());
    }
}
