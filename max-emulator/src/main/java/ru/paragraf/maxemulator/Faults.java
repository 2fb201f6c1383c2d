package ru.paragraf.maxemulator;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The current fault plan and how many calls each rule has taken so far. */
final class Faults {

    private FaultPlan plan = FaultPlan.NONE;
    private List<Integer> used = List.of();

    synchronized void set(FaultPlan value) {
        plan = value;
        used = new ArrayList<>(java.util.Collections.nCopies(value.rules().size(), 0));
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
