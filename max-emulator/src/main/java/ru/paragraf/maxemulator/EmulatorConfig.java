package ru.paragraf.maxemulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How an emulator runs. Build with {@link #builder()}; every switch has the default the emulator documents in its
 * README (UNCONFIRMED behaviours of MAX have a switch).
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param clock the clock of timestamps and rate limits (tests may hold it still)
 * @param seed bots and users to start with
 * @param faults the fault plan at start
 * @param rateLimitEnabled whether the per-bot rate limit applies (UNCONFIRMED figure, on by default)
 * @param requestsPerSecond requests a bot may make per second before 429 (default 30)
 * @param webhookRetryDelays the waits before each retry of a failed webhook delivery; after the last one the update
 *     is given up (MAX retries for up to 8 h; the default here is 1, 2, 4, 8, 16, 32 s)
 * @param webhookTimeout how long a webhook receiver may take to answer before the delivery counts as failed
 * @param longPollRefusedWithWebhook whether {@code GET /updates} is refused while a webhook is set (default true)
 * @param stateFile where to keep the state across restarts; null: memory only
 */
public record EmulatorConfig(
        String host,
        int port,
        Clock clock,
        Seed seed,
        FaultPlan faults,
        boolean rateLimitEnabled,
        int requestsPerSecond,
        List<Duration> webhookRetryDelays,
        Duration webhookTimeout,
        boolean longPollRefusedWithWebhook,
        @Nullable Path stateFile) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private Seed seed = Seed.EMPTY;
        private FaultPlan faults = FaultPlan.NONE;
        private boolean rateLimitEnabled = true;
        private int requestsPerSecond = 30;
        private List<Duration> webhookRetryDelays = List.of(
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(4),
                Duration.ofSeconds(8),
                Duration.ofSeconds(16),
                Duration.ofSeconds(32));
        private Duration webhookTimeout = Duration.ofSeconds(10);
        private boolean longPollRefusedWithWebhook = true;
        private @Nullable Path stateFile;

        private Builder() {}

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder seed(Seed value) {
            seed = value;
            return this;
        }

        public Builder faults(FaultPlan value) {
            faults = value;
            return this;
        }

        public Builder rateLimitEnabled(boolean value) {
            rateLimitEnabled = value;
            return this;
        }

        public Builder requestsPerSecond(int value) {
            requestsPerSecond = value;
            return this;
        }

        public Builder webhookRetryDelays(List<Duration> value) {
            webhookRetryDelays = List.copyOf(value);
            return this;
        }

        public Builder webhookTimeout(Duration value) {
            webhookTimeout = value;
            return this;
        }

        public Builder longPollRefusedWithWebhook(boolean value) {
            longPollRefusedWithWebhook = value;
            return this;
        }

        /** Keeps chats, members, messages, pending updates and markers in this file; null turns it off. */
        public Builder stateFile(@Nullable Path value) {
            stateFile = value;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(
                    host,
                    port,
                    clock,
                    seed,
                    faults,
                    rateLimitEnabled,
                    requestsPerSecond,
                    webhookRetryDelays,
                    webhookTimeout,
                    longPollRefusedWithWebhook,
                    stateFile);
        }
    }
}
