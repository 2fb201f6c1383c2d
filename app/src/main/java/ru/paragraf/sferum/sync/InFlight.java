package ru.paragraf.sferum.sync;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The operations in flight on this node, against how many may be: never more than there are threads (a claimed
 * operation never waits in a queue), nor than the machine's CPU allows now ({@link WorkerLimit}, adjusted by the
 * pump every pump interval). A claim reserves its threads before it asks the queue and gives back what it did not
 * use, so that the pump and the workers claiming at the same time never overshoot.
 */
@Component
class InFlight {

    private final WorkerLimit limit;
    private final AtomicInteger count = new AtomicInteger();
    private volatile int allowed;
    private final com.sun.management.@Nullable OperatingSystemMXBean machine =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os
                    : null;

    InFlight(SyncProperties properties) {
        this.limit = new WorkerLimit(properties.workerThreads(), properties.cpuCeiling());
        this.allowed = limit.limit();
    }

    /** Takes up to {@code wanted} free threads; returns how many, 0 when every allowed one is busy. */
    int reserve(int wanted) {
        while (true) {
            var now = count.get();
            var taken = Math.min(wanted, allowed - now);
            if (taken <= 0) {
                return 0;
            }
            if (count.compareAndSet(now, now + taken)) {
                return taken;
            }
        }
    }

    /** Gives back threads reserved and not used, or of operations that ended. */
    void release(int threads) {
        if (threads > 0) {
            count.addAndGet(-threads);
        }
    }

    /** Looks at the machine's CPU and lets fewer or more operations in flight. Pump thread only. */
    void adjustToMachine() {
        allowed = limit.adjust(machine == null ? -1 : machine.getCpuLoad(), count.get());
    }
}
