package ru.paragraf.vkemulator;

import java.util.Random;
import org.jspecify.annotations.Nullable;

/** The active {@link FaultPlan} and its seeded random generator; decides the fate of each API call. */
final class Faults {

    private static final double Z_99 = 2.3263478740408408;
    private static final long DEFAULT_HOLD_MILLIS = 30_000;

    /** What happens to one call. */
    record Decision(Kind kind, int errorCode, long holdMillis) {
        static final Decision NONE = new Decision(Kind.NONE, 0, 0);

        enum Kind {
            NONE,
            ERROR,
            TIMEOUT,
            LOST_RESPONSE
        }
    }

    private volatile FaultPlan plan = FaultPlan.NONE;
    private volatile Random random = new Random(42);

    void set(FaultPlan value) {
        random = new Random(value.seed() == null ? 42 : value.seed());
        plan = value;
    }

    FaultPlan plan() {
        return plan;
    }

    Decision decide(String method) {
        var current = plan;
        if (current == FaultPlan.NONE) {
            return Decision.NONE;
        }
        for (var rule : current.errors()) {
            if (applies(rule.method(), method) && hit(rule.rate())) {
                return new Decision(Decision.Kind.ERROR, rule.code(), 0);
            }
        }
        for (var rule : current.timeouts()) {
            if (applies(rule.method(), method) && hit(rule.rate())) {
                long hold = rule.holdMs() > 0 ? rule.holdMs() : DEFAULT_HOLD_MILLIS;
                return new Decision(Decision.Kind.TIMEOUT, 0, hold);
            }
        }
        for (var rule : current.lostResponses()) {
            if (applies(rule.method(), method) && hit(rule.rate())) {
                return new Decision(Decision.Kind.LOST_RESPONSE, 0, 0);
            }
        }
        return Decision.NONE;
    }

    long latencyMillis(String method) {
        var current = plan;
        if (current == FaultPlan.NONE) {
            return 0;
        }
        var latency = current.methodLatency().getOrDefault(method, current.latency());
        return latency == null ? 0 : Math.max(0, sample(latency));
    }

    private long sample(FaultPlan.Latency latency) {
        if (latency instanceof FaultPlan.Fixed fixed) {
            return fixed.ms();
        }
        if (latency instanceof FaultPlan.Uniform uniform) {
            long span = Math.max(0, uniform.maxMs() - uniform.minMs());
            return uniform.minMs() + (span == 0 ? 0 : (long) (random.nextDouble() * (span + 1)));
        }
        var logNormal = (FaultPlan.LogNormal) latency;
        double p50 = Math.max(1, logNormal.p50Ms());
        double sigma = logNormal.p99Ms() > p50 ? Math.log(logNormal.p99Ms() / p50) / Z_99 : 0;
        return Math.round(p50 * Math.exp(sigma * random.nextGaussian()));
    }

    private boolean hit(double rate) {
        return rate >= 1.0 || (rate > 0 && random.nextDouble() < rate);
    }

    private static boolean applies(@Nullable String ruleMethod, String method) {
        return ruleMethod == null || ruleMethod.equals(method);
    }
}
