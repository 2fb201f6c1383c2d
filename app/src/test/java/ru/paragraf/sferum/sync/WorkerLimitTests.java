package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The workers hold back while the machine's CPU is above its ceiling, and take their threads back below it. */
class WorkerLimitTests {

    @Test
    void theWorkersStartSmallAndGrowWhileTheMachineHasRoom() {
        var limit = new WorkerLimit(128, 0.8);
        assertThat(limit.limit()).isEqualTo(WorkerLimit.START);

        for (var look = 0; look < 200; look++) {
            limit.adjust(0.3, limit.limit());
        }

        assertThat(limit.limit()).isEqualTo(128);
    }

    @Test
    void afterIdleTheWorkersStartSmallAgain() {
        var limit = new WorkerLimit(128, 0.8);
        for (var look = 0; look < 200; look++) {
            limit.adjust(0.3, limit.limit());
        }

        assertThat(limit.adjust(0.1, 0)).isEqualTo(WorkerLimit.START);
        assertThat(new WorkerLimit(4, 0.8).adjust(0.1, 0)).isEqualTo(4);
    }

    @Test
    void aBusyMachineShrinksTheLimitDownToTheMinimumButNeverStopsTheWorkers() {
        var limit = new WorkerLimit(128, 0.8);
        for (var look = 0; look < 200; look++) {
            limit.adjust(0.3, limit.limit());
        }

        // the load is smoothed over the looks: the first busy look after quiet ones is not yet above the ceiling
        assertThat(limit.adjust(1.0, 128)).isEqualTo(128);
        assertThat(limit.adjust(1.0, 128)).isEqualTo(96);
        assertThat(limit.adjust(1.0, 96)).isEqualTo(72);
        for (var look = 0; look < 30; look++) {
            limit.adjust(1.0, limit.limit());
        }

        assertThat(limit.limit()).isEqualTo(WorkerLimit.MINIMUM);
    }

    @Test
    void belowTheCeilingTheLimitGrowsBackOnlyWhileItHoldsTheWorkersBack() {
        var limit = new WorkerLimit(128, 0.8);
        for (var look = 0; look < 30; look++) {
            limit.adjust(1.0, 128);
        }
        var held = limit.limit();

        assertThat(limit.adjust(0.3, held)).isGreaterThan(held);
        var grown = limit.limit();
        assertThat(limit.adjust(0.3, grown / 2))
                .as("the limit does not hold the workers back")
                .isEqualTo(grown);
        for (var look = 0; look < 200; look++) {
            limit.adjust(0.3, limit.limit());
        }
        assertThat(limit.limit()).isEqualTo(128);
    }

    @Test
    void justUnderTheCeilingTheLimitHolds() {
        var limit = new WorkerLimit(128, 0.8);
        for (var look = 0; look < 200; look++) {
            limit.adjust(0.3, limit.limit());
        }
        for (var look = 0; look < 3; look++) {
            limit.adjust(1.0, 128);
        }
        for (var look = 0; look < 10; look++) {
            // the smoothed load comes down from 1.0 towards 0.78; once under the ceiling, the limit holds
            limit.adjust(0.78, limit.limit());
        }
        var settled = limit.limit();

        assertThat(limit.adjust(0.78, settled))
                .as("between the ceiling and the headroom")
                .isEqualTo(settled);
        assertThat(limit.adjust(0.78, settled)).isEqualTo(settled);
    }

    @Test
    void aCeilingOfOneOrAnUnknownLoadLeavesAllThreadsToTheWorkers() {
        assertThat(new WorkerLimit(128, 1.0).adjust(1.0, 128)).isEqualTo(128);

        var limit = new WorkerLimit(128, 0.8);
        limit.adjust(1.0, 16);
        assertThat(limit.adjust(-1, 12)).isEqualTo(128);
        assertThat(limit.adjust(Double.NaN, 128)).isEqualTo(128);
    }

    @Property(tries = 300)
    void theLimitStaysBetweenTheMinimumAndTheThreads(
            @ForAll @IntRange(min = 1, max = 512) int threads, @ForAll("looks") double[] loads) {
        var limit = new WorkerLimit(threads, 0.8);
        for (var load : loads) {
            var value = limit.adjust(load, limit.limit());
            assertThat(value).isBetween(Math.min(WorkerLimit.MINIMUM, threads), threads);
        }
    }

    @Provide
    Arbitrary<double[]> looks() {
        return Arbitraries.doubles().between(0, 1).array(double[].class).ofMaxSize(100);
    }
}
