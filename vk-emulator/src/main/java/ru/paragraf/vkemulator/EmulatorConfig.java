package ru.paragraf.vkemulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an emulator instance listens and behaves. Every protocol detail that VK does not document (marked
 * UNCONFIRMED in the README) has a switch here; the defaults are the most likely behaviour.
 *
 * @param apiErrorHttpStatus HTTP status of VK API error answers (VK is observed to use 200)
 * @param missingPermissionErrorCode error for a community token without {@code messages} on messages.*
 * @param groupOnlyMethodErrorCode error for a user token on a community-only method (groups.getTokenPermissions)
 * @param expiredTokenErrorCode 5 ("User authorization failed: access_token has expired.") or 1117
 * @param oauthErrorsAsHttp200 answer VK ID errors with HTTP 200 instead of 400/401
 * @param minStateLength shortest {@code state} accepted at /authorize (VK ID wants at least 32 characters)
 * @param revokeTokensOnCodeReuse a second use of a code revokes the tokens issued for it (RFC 6749 §4.1.2)
 * @param kickedMayRejoinByLink a user an admin removed from a chat may come back by an invite link (true), or gets
 *     917 (false)
 * @param stateFile where the emulator keeps its state across restarts; null (the default) keeps it in memory only
 */
public record EmulatorConfig(
        String host,
        int port,
        int workerThreads,
        Clock clock,
        Seed seed,
        FaultPlan faults,
        int apiErrorHttpStatus,
        JsonBodyPolicy jsonBodyPolicy,
        int missingPermissionErrorCode,
        int groupOnlyMethodErrorCode,
        int expiredTokenErrorCode,
        RateLimitMode rateLimitMode,
        int communityRequestsPerSecond,
        int userRequestsPerSecond,
        int maxChatMembers,
        boolean kickedMayRejoinByLink,
        Duration userTokenLifetime,
        Duration authCodeLifetime,
        Duration refreshTokenLifetime,
        boolean rotateRefreshTokens,
        boolean idTokenOnRefresh,
        boolean oauthErrorsAsHttp200,
        int minStateLength,
        boolean revokeTokensOnCodeReuse,
        @Nullable Path stateFile) {

    /** What to do with a VK API call whose body is {@code application/json}, which VK does not support. */
    public enum JsonBodyPolicy {
        /** Answer error 8 "Invalid request" (the default: loud). */
        REJECT,
        /** Ignore the body, as VK is believed to do; the call then fails on whatever is missing. */
        IGNORE_BODY
    }

    /** How "N requests per second" is enforced per token. */
    public enum RateLimitMode {
        /** Bucket of N, refilled continuously at N/s (the default). */
        TOKEN_BUCKET,
        /** At most N requests in any 1000 ms window. */
        SLIDING_WINDOW
    }

    public EmulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(jsonBodyPolicy, "jsonBodyPolicy");
        Objects.requireNonNull(rateLimitMode, "rateLimitMode");
        seed = seed == null ? Seed.EMPTY : seed;
        faults = faults == null ? FaultPlan.NONE : faults;
        if (communityRequestsPerSecond < 1 || userRequestsPerSecond < 1 || workerThreads < 1) {
            throw new IllegalArgumentException("rates and worker threads must be positive");
        }
    }

    /** The defaults: 127.0.0.1 on a free port, empty seed, no faults. */
    public static EmulatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds an {@link EmulatorConfig}; every setter is optional. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private int workerThreads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private Clock clock = Clock.systemUTC();
        private Seed seed = Seed.EMPTY;
        private FaultPlan faults = FaultPlan.NONE;
        private int apiErrorHttpStatus = 200;
        private JsonBodyPolicy jsonBodyPolicy = JsonBodyPolicy.REJECT;
        private int missingPermissionErrorCode = 15;
        private int groupOnlyMethodErrorCode = 15;
        private int expiredTokenErrorCode = 5;
        private RateLimitMode rateLimitMode = RateLimitMode.TOKEN_BUCKET;
        private int communityRequestsPerSecond = 20;
        private int userRequestsPerSecond = 3;
        private int maxChatMembers = 2000;
        private boolean kickedMayRejoinByLink = true;
        private Duration userTokenLifetime = Duration.ofHours(1);
        private Duration authCodeLifetime = Duration.ofMinutes(10);
        private Duration refreshTokenLifetime = Duration.ofDays(180);
        private boolean rotateRefreshTokens = true;
        private boolean idTokenOnRefresh = true;
        private boolean oauthErrorsAsHttp200;
        private int minStateLength = 32;
        private boolean revokeTokensOnCodeReuse = true;
        private @Nullable Path stateFile;

        private Builder() {}

        private Builder(EmulatorConfig c) {
            host = c.host;
            port = c.port;
            workerThreads = c.workerThreads;
            clock = c.clock;
            seed = c.seed;
            faults = c.faults;
            apiErrorHttpStatus = c.apiErrorHttpStatus;
            jsonBodyPolicy = c.jsonBodyPolicy;
            missingPermissionErrorCode = c.missingPermissionErrorCode;
            groupOnlyMethodErrorCode = c.groupOnlyMethodErrorCode;
            expiredTokenErrorCode = c.expiredTokenErrorCode;
            rateLimitMode = c.rateLimitMode;
            communityRequestsPerSecond = c.communityRequestsPerSecond;
            userRequestsPerSecond = c.userRequestsPerSecond;
            maxChatMembers = c.maxChatMembers;
            kickedMayRejoinByLink = c.kickedMayRejoinByLink;
            userTokenLifetime = c.userTokenLifetime;
            authCodeLifetime = c.authCodeLifetime;
            refreshTokenLifetime = c.refreshTokenLifetime;
            rotateRefreshTokens = c.rotateRefreshTokens;
            idTokenOnRefresh = c.idTokenOnRefresh;
            oauthErrorsAsHttp200 = c.oauthErrorsAsHttp200;
            minStateLength = c.minStateLength;
            revokeTokensOnCodeReuse = c.revokeTokensOnCodeReuse;
            stateFile = c.stateFile;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder workerThreads(int value) {
            workerThreads = value;
            return this;
        }

        /** The clock for token/code expiry, timestamps and rate limits; tests pass a controllable one. */
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

        public Builder apiErrorHttpStatus(int value) {
            apiErrorHttpStatus = value;
            return this;
        }

        public Builder jsonBodyPolicy(JsonBodyPolicy value) {
            jsonBodyPolicy = value;
            return this;
        }

        public Builder missingPermissionErrorCode(int value) {
            missingPermissionErrorCode = value;
            return this;
        }

        public Builder groupOnlyMethodErrorCode(int value) {
            groupOnlyMethodErrorCode = value;
            return this;
        }

        public Builder expiredTokenErrorCode(int value) {
            expiredTokenErrorCode = value;
            return this;
        }

        public Builder rateLimitMode(RateLimitMode value) {
            rateLimitMode = value;
            return this;
        }

        public Builder communityRequestsPerSecond(int value) {
            communityRequestsPerSecond = value;
            return this;
        }

        public Builder userRequestsPerSecond(int value) {
            userRequestsPerSecond = value;
            return this;
        }

        public Builder maxChatMembers(int value) {
            maxChatMembers = value;
            return this;
        }

        /** Whether a user an admin removed may come back by an invite link (default true) or gets 917. */
        public Builder kickedMayRejoinByLink(boolean value) {
            kickedMayRejoinByLink = value;
            return this;
        }

        public Builder userTokenLifetime(Duration value) {
            userTokenLifetime = value;
            return this;
        }

        public Builder authCodeLifetime(Duration value) {
            authCodeLifetime = value;
            return this;
        }

        public Builder refreshTokenLifetime(Duration value) {
            refreshTokenLifetime = value;
            return this;
        }

        public Builder rotateRefreshTokens(boolean value) {
            rotateRefreshTokens = value;
            return this;
        }

        public Builder idTokenOnRefresh(boolean value) {
            idTokenOnRefresh = value;
            return this;
        }

        public Builder oauthErrorsAsHttp200(boolean value) {
            oauthErrorsAsHttp200 = value;
            return this;
        }

        public Builder minStateLength(int value) {
            minStateLength = value;
            return this;
        }

        public Builder revokeTokensOnCodeReuse(boolean value) {
            revokeTokensOnCodeReuse = value;
            return this;
        }

        /**
         * Keeps the state (communities, users, clients, tokens, chats, calls, VK ID grants) in this file: loaded at
         * start, saved before every answer that changed it. The seed then only adds what the file lacks. Null turns
         * it off.
         */
        public Builder stateFile(@Nullable Path value) {
            stateFile = value;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(
                    host,
                    port,
                    workerThreads,
                    clock,
                    seed,
                    faults,
                    apiErrorHttpStatus,
                    jsonBodyPolicy,
                    missingPermissionErrorCode,
                    groupOnlyMethodErrorCode,
                    expiredTokenErrorCode,
                    rateLimitMode,
                    communityRequestsPerSecond,
                    userRequestsPerSecond,
                    maxChatMembers,
                    kickedMayRejoinByLink,
                    userTokenLifetime,
                    authCodeLifetime,
                    refreshTokenLifetime,
                    rotateRefreshTokens,
                    idTokenOnRefresh,
                    oauthErrorsAsHttp200,
                    minStateLength,
                    revokeTokensOnCodeReuse,
                    stateFile);
        }
    }
}
