package ru.paragraf.sferum.sync.vk;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VK API client: every call goes through the token's rate limiter, is repeated when that is safe, and ends
 * as a classified {@link VkOutcome}. Thread-safe; one instance serves all tokens.
 *
 * <pre>{@code
 * var outcome = vk.call(token, new VkChats.CreateChat(groupId, teacherIds, "Алгебра 7А"));
 * if (outcome instanceof VkOutcome.Ok<VkChats.ChatCreated> ok) { … ok.value().peerId() … }
 * else if (outcome instanceof VkOutcome.Failed<?> failed) { … failed.failure().category() … }
 * }</pre>
 */
public class VkClient {

    private static final Logger log = LoggerFactory.getLogger(VkClient.class);

    private final VkTransport transport;
    private final VkRateLimiters limiters;
    private final VkRetries retries;
    private final VkMetrics metrics;

    public VkClient(VkProperties properties, MeterRegistry registry) {
        this(properties, registry, VkTransport.httpClients(properties));
    }

    VkClient(VkProperties properties, MeterRegistry registry, List<HttpClient> http) {
        this.metrics = new VkMetrics(registry);
        this.transport = new VkTransport(http, properties, metrics);
        this.limiters = new VkRateLimiters(properties.rateLimit(), System::nanoTime);
        this.retries = new VkRetries(properties.retry(), System::nanoTime);
    }

    /** Makes the call; never throws for a VK or network failure, which is returned as {@link VkOutcome.Failed}. */
    public <T> VkOutcome<T> call(VkToken token, VkRequest<T> request) {
        long started = System.nanoTime();
        var attempts = new AtomicInteger();
        var retry = retries.forCall(request, started, metrics);
        VkOutcome<T> outcome = retry.executeSupplier(() -> {
            attempts.incrementAndGet();
            return attempt(token, request);
        });
        if (outcome instanceof VkOutcome.Failed<T> failed) {
            var failure = failed.failure().withAttempts(attempts.get());
            log.warn("VK call failed, token {}: {}", token.masked(), failure.describe());
            return new VkOutcome.Failed<>(failure);
        }
        if (log.isDebugEnabled()) {
            log.debug(
                    "VK {} ok, token {}, {} attempt(s), {} ms",
                    request.method(),
                    token.masked(),
                    attempts.get(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        return outcome;
    }

    /**
     * All of the caller's conversations, page by page (messages.getConversations, 200 per page), for finding a
     * chat whose creation had an ambiguous outcome.
     */
    public VkOutcome<List<VkConversations.ConversationItem>> allConversations(VkToken token, @Nullable Long groupId) {
        return allConversations(token, groupId, VkConversations.MAX_CONVERSATIONS_PAGE);
    }

    VkOutcome<List<VkConversations.ConversationItem>> allConversations(
            VkToken token, @Nullable Long groupId, int pageSize) {
        var all = new ArrayList<VkConversations.ConversationItem>();
        while (true) {
            var outcome = call(token, new VkConversations.GetConversations(all.size(), pageSize, groupId));
            if (outcome instanceof VkOutcome.Failed<VkConversations.ConversationPage> failed) {
                return new VkOutcome.Failed<>(failed.failure());
            }
            var page = outcome.orThrow();
            all.addAll(page.items());
            // a chat created meanwhile shifts the pages; the sync engine's lookup tolerates a duplicate or a miss
            if (page.items().isEmpty() || all.size() >= page.count()) {
                return new VkOutcome.Ok<>(all);
            }
        }
    }

    private <T> VkOutcome<T> attempt(VkToken token, VkRequest<T> request) {
        var limiter = limiters.of(token);
        long wait = limiter.reservePermission();
        if (wait < 0) {
            return new VkOutcome.Failed<>(VkFailure.of(
                    request.method(),
                    VkFailure.Kind.THROTTLED,
                    0,
                    "no rate-limit permit within the configured wait",
                    VkErrorCategory.RETRY,
                    false));
        }
        if (wait > 0) {
            metrics.waitedForPermit(token.kind());
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new VkOutcome.Failed<>(VkFailure.of(
                        request.method(), VkFailure.Kind.THROTTLED, 0, "interrupted", VkErrorCategory.RETRY, false));
            }
        }
        return transport.exchange(token, request);
    }
}
