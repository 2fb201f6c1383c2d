package ru.paragraf.maxemulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The current fault plan, how many calls each rule has taken so far, and the calls held by {@code HELD_*} rules until
 * the plan is replaced.
 */
final class Faults {

    private FaultPlan plan = FaultPlan.NONE;
    private List<Integer> used = List.of();
    private final List<String> holding = new ArrayList<>();
    private long plans;

    synchronized void set(FaultPlan value) {
        plan = value;
        used = new ArrayList<>(Collections.nCopies(value.rules().size(), 0));
        plans++;
        notifyAll(); // releases the held calls
    }

    /** Holds the calling request's thread until the plan is replaced (or the emulator stops: interrupted). */
    synchronized void hold(String method) throws InterruptedException {
        var plan = plans;
        holding.add(method);
        try {
            while (plan == plans) {
                wait();
            }
        } finally {
            holding.remove(method);
        }
    }

    /** The methods of the calls held now, one entry per call. */
    synchronized List<String> held() {
        return List.copyOf(holding);
    }

    synchronized FaultPlan plan() {
        return plan;
    }

    /** The rule that takes this call of {@code method}, or null; a taken rule with a limit counts it. */
    synchronized FaultPlan.@Nullable Rule take(String method) {
        for (int i = 0; i < plan.rules().size(); i++) {
            var rule = plan.rules().get(i);
            if (!rule.method().equals(method)) {
                continue;
            }
            if (rule.times() > 0 && used.get(i) >= rule.times()) {
                continue;
            }
            used.set(i, used.get(i) + 1);
            return rule;
        }
        return null;
    }
}
