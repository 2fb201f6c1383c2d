package ru.paragraf.sferum.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the synchronization engine works.
 *
 * @param workersEnabled whether this node carries out queued operations
 * @param communities how many communities this node serves at once
 * @param communityConcurrency how many operations of one community may be in flight at once (different objects;
 *     one object's operations run in order). The community token's rate limiter paces them; more than one keeps
 *     its limit used despite VK's latency, and lets calls with different teachers' tokens go on side by side
 * @param workerThreads how many operations this node carries out at once (threads waiting for VK)
 * @param cpuCeiling the machine's CPU load (0–1) above which the workers carry out fewer operations at once, so
 *     that pages and a lesson published just now still find a CPU during a mass run ({@link WorkerLimit}); 1: never
 * @param pumpInterval how often idle workers look for due operations (they are also woken after planning)
 * @param communityLease how long a node owns a community without renewing the lease
 * @param communitySlice how long a worker serves one community before it gives the community back, so that
 *     communities waiting for a worker (or a dead node's communities) get their turn
 * @param operationLease after this, a RUNNING operation of a vanished node is taken over
 * @param maxAttempts attempts before a transiently failing operation is given up as failed
 * @param backoff the first retry delay; it doubles with each attempt, with jitter
 * @param maxBackoff the longest retry delay
 * @param runTimeout how long a SFERUM_SYNC run waits for its operations
 * @param hold when a school's removals wait «на удержании» instead of being carried out ({@link RemovalHolds})
 * @param calls when a lesson's call is replaced before the lesson and finished after it ({@link CallTimes})
 */
@ConfigurationProperties("sferum.sync")
record SyncProperties(
        @DefaultValue("true") boolean workersEnabled,
        @DefaultValue("256") int communities,
        @DefaultValue("8") int communityConcurrency,
        @DefaultValue("128") int workerThreads,
        @DefaultValue("0.8") double cpuCeiling,
        @DefaultValue("500ms") Duration pumpInterval,
        @DefaultValue("30s") Duration communityLease,
        @DefaultValue("10s") Duration communitySlice,
        @DefaultValue("2m") Duration operationLease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("2s") Duration backoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("10m") Duration runTimeout,
        @DefaultValue Hold hold,
        @DefaultValue Calls calls) {

    /**
     * The threshold of a hold on big removals: the smaller of a share of the school's chat members and a number of
     * people. More pending removals than that are held.
     *
     * @param share of the school's members in its chats (0–1)
     * @param maxPeople people, whatever the school's size
     */
    record Hold(@DefaultValue("0.10") double share, @DefaultValue("200") int maxPeople) {

        /** How many removals a school with this many chat members may have pending without a hold. */
        int threshold(int members) {
            return (int) Math.min(Math.floor(share * members), maxPeople);
        }
    }

    /**
     * A call lives around its lesson (docs/architecture.md, «Жизнь звонка»).
     *
     * @param beforeLesson how long before the lesson's start a call started earlier is replaced by a new one: VK
     *     cannot be asked whether it still exists, and the call must be live when pupils come
     * @param grace how long after the lesson's end its call is finished
     * @param interval how often one node of the cluster plans the replacements and finishes that are due
     */
    record Calls(
            @DefaultValue("15m") Duration beforeLesson,
            @DefaultValue("15m") Duration grace,
            @DefaultValue("1m") Duration interval) {}
}
