package ru.paragraf.sferum.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Figures of one chat-members benchmark run (issue 15); {@code moved} and {@code strangers} are null when the start
 * of year did not converge within the cap (the other phases are then not run).
 */
record MembersResult(
        MembersBenchmark.Settings settings,
        Map<String, Long> cityRows,
        int schools,
        int chats,
        ChatMembersCheck.Figures chatsReady,
        int schoolsWithParents,
        int pupilsLinked,
        int parentsLinked,
        Map<String, Duration> setup,
        List<Phase> phases,
        RosterMoves.@Nullable Moved moved,
        Strangers.@Nullable Figures strangers,
        long holds) {

    /**
     * One measured phase.
     *
     * @param convergedSeconds from the phase's start until nothing of the schools was open; null if not within the cap
     * @param methods VK API calls by method within the phase, whatever their answer
     * @param error6 error-6 answers within the phase
     * @param operations the operations the phase queued, by kind and status
     * @param cpu where the CPU of the phase went, by process
     * @param check every chat's members in the emulator against who belongs, once converged
     */
    record Phase(
            String name,
            @Nullable Double convergedSeconds,
            Map<String, Long> methods,
            long error6,
            Map<String, Long> operations,
            CpuMeter.Split cpu,
            ChatMembersCheck.Figures check,
            LoadAverage loadBefore,
            LoadAverage loadAfter) {

        long requests() {
            return methods.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The application's (but its pages') and PostgreSQL's CPU, in milliseconds. */
        double engineMillis() {
            return cpu.app() + Math.max(0, cpu.postgres());
        }

        @Override
        public String toString() {
            return "%s: converged %s s, %d requests %s, %d error-6, members: %s"
                    .formatted(name, convergedSeconds, requests(), methods, error6, check);
        }
    }
}
