package ru.paragraf.vkemulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A running VK API + VK ID emulator: an in-memory HTTP server that answers like api.vk.com and id.vk.com for
 * the methods this product uses. Start one per test or per application run; close it when done. With
 * {@link EmulatorConfig.Builder#stateFile} it remembers its state across restarts, as VK does.
 *
 * <pre>{@code
 * try (var vk = VkEmulator.start(EmulatorConfig.builder().seed(seed).build())) {
 *     var api = vk.baseUrl() + "/method/";   // VK API
 *     var vkId = vk.baseUrl();               // VK ID: /authorize, /oauth2/auth, …
 * }
 * }</pre>
 */
public final class VkEmulator implements AutoCloseable {

    private final EmulatorState state;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final String baseUrl;

    private VkEmulator(
            EmulatorState state, HttpServer server, ExecutorService workers, ScheduledExecutorService timer) {
        this.state = state;
        this.server = server;
        this.workers = workers;
        this.timer = timer;
        var address = server.getAddress();
        var host = state.config.host().equals("0.0.0.0") ? "127.0.0.1" : state.config.host();
        this.baseUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Starts an emulator with the given configuration; port 0 picks a free port. */
    public static VkEmulator start(EmulatorConfig config) {
        // The JDK server writes headers and body separately; without TCP_NODELAY, keep-alive clients wait ~40 ms.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        var state = new EmulatorState(config);
        var workers = new ThreadPoolExecutor(
                config.workerThreads(),
                config.workerThreads(),
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                daemonThreads("vk-emulator-http-"));
        var timer = new ScheduledThreadPoolExecutor(1, daemonThreads("vk-emulator-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        try {
            var server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
            var replies = new Replies(timer, workers);
            var emulator = new VkEmulator(state, server, workers, timer);
            server.createContext(ApiHandler.PATH, new ApiHandler(state, replies));
            server.createContext(AuthorizeHandler.PATH, new AuthorizeHandler(state));
            server.createContext(
                    OAuthHandler.PATH, new OAuthHandler(state, new IdTokens(state.grants, emulator.baseUrl)));
            server.createContext(InspectionHandler.PATH, new InspectionHandler(state));
            server.createContext(
                    "/",
                    exchange -> Http.send(
                            exchange, 404, Http.JSON, "{\"error\":\"not found\"}".getBytes(StandardCharsets.US_ASCII)));
            server.setExecutor(workers);
            server.start();
            return emulator;
        } catch (IOException | RuntimeException e) {
            workers.shutdownNow();
            timer.shutdownNow();
            state.durability.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(
                        "Cannot start the VK emulator on " + config.host() + ":" + config.port(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Starts an emulator with the defaults and this seed. */
    public static VkEmulator start(Seed seed) {
        return start(EmulatorConfig.builder().seed(seed).build());
    }

    /** {@code http://host:port}; the VK API is under {@code /method/}, VK ID at {@code /authorize} and {@code /oauth2/}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code baseUrl() + "/method/"}. */
    public String apiUrl() {
        return baseUrl + ApiHandler.PATH;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EmulatorConfig config() {
        return state.config;
    }

    /**
     * Adds communities, users and clients; returns the seed with generated token values filled in. Adding what
     * exists replaces its name and permissions and keeps its tokens' ids and revocations, so the same seed can be
     * applied at every start. With a state file, seeding is saved with the next save (at the latest on
     * {@link #close()}) without waiting for it.
     */
    public Seed seed(Seed seed) {
        return state.durability.change(() -> state.apply(seed));
    }

    /** Adds a community and its tokens; returns it with generated token values filled in. See {@link #seed}. */
    public Seed.Community addCommunity(Seed.Community community) {
        return state.durability.change(() -> state.add(community));
    }

    /** Adds or replaces a test user. See {@link #seed}. */
    public void addUser(Seed.User user) {
        state.durability.change(() -> {
            state.add(user);
            return null;
        });
    }

    /** Adds or replaces a VK ID client. See {@link #seed}. */
    public void addClient(Seed.Client client) {
        state.durability.change(() -> {
            state.add(client);
            return null;
        });
    }

    /**
     * Issues a user token for a seeded user without the VK ID flow (a test shortcut, not part of VK's protocol).
     *
     * @return the token value
     */
    public String issueUserToken(long userId) {
        return savedChange(() -> state.issueUserToken(userId, null).value());
    }

    /**
     * Makes a VK account with a user token, e.g. a stranger who got a forwarded invite link (a test shortcut, not
     * part of VK's protocol). Its id is new, above every known user's. Null names get placeholders.
     */
    public TestAccount addAccount(@Nullable String firstName, @Nullable String lastName) {
        return savedChange(() -> state.addAccount(firstName, lastName));
    }

    /**
     * A known VK user joins a chat by an invite link, as their own messages.joinChatByInviteLink would do it (same
     * rules and errors, no token or rate limit needed; emulator-only, for tests). A revoked or unknown link is
     * refused with 917.
     */
    public MembershipOutcome joinByLink(long userId, String link) {
        return savedChange(() -> state.joinByLink(userId, link));
    }

    /**
     * A VK user leaves a chat on their own, as their own messages.removeChatUser would do it (emulator-only, for
     * tests): their state becomes {@code left}. Refused as VK refuses them: never in the chat or removed 917, already
     * left 922, no such chat 927.
     *
     * @param chatId the emulator's chat id ({@link EmulatorSnapshot.Chat#id()}), not the user's local chat_id
     */
    public MembershipOutcome leaveChat(long chatId, long userId) {
        return savedChange(() -> state.leaveChat(chatId, userId));
    }

    /** Revokes a community or user token: it then gets error 5. Returns false when the token is unknown. */
    public boolean revokeToken(String token) {
        return savedChange(() -> state.tokens.revoke(token));
    }

    /**
     * Deletes a chat for everyone, as if the community's admin had deleted it in VK (emulator-only, for tests of
     * what VK can lose): getConversationsById leaves it out, messages.send and getInviteLink answer 917, its invite
     * link stops working. Its ids are never given again.
     *
     * @param chatId the emulator's chat id ({@link EmulatorSnapshot.Chat#id()}), not a member's local chat_id
     * @return false when there is no such chat
     */
    public boolean deleteChat(long chatId) {
        return savedChange(() -> state.deleteChat(chatId));
    }

    /**
     * Ends a call as if the user who started it had ended it (emulator-only, for tests): its state becomes
     * {@code finished}. Returns false when there is no such call.
     */
    public boolean finishCall(String callId) {
        return savedChange(() -> state.finishCall(callId));
    }

    /** Replaces the fault plan; {@link FaultPlan#NONE} turns faults off. */
    public void faults(FaultPlan plan) {
        state.faults.set(plan);
    }

    public FaultPlan faults() {
        return state.faults.plan();
    }

    public void clearFaults() {
        state.faults.set(FaultPlan.NONE);
    }

    /** Back to the configured seed and faults, with no chats, calls, issued user tokens or counters. */
    public void reset() {
        savedChange(() -> {
            state.reset();
            return null;
        });
    }

    public EmulatorSnapshot snapshot() {
        return state.snapshot();
    }

    public List<EmulatorSnapshot.Chat> chats() {
        return state.chatSnapshots();
    }

    public List<EmulatorSnapshot.Call> calls() {
        return state.calls.snapshot();
    }

    public EmulatorSnapshot.Stats stats() {
        return state.stats.snapshot();
    }

    /**
     * Stops listening at once; requests held by faults are dropped. With a state file, saves what is not saved yet
     * and releases the file.
     */
    @Override
    public void close() {
        server.stop(0);
        state.durability.close();
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /** What a save would write now (with or without a state file). */
    SavedState saved() {
        return state.saved();
    }

    /** The saves' timings, or null without a state file. */
    @Nullable
    SaveTimes saveTimes() {
        return state.durability instanceof GroupCommit commit ? commit.times() : null;
    }

    private <T> T savedChange(Supplier<T> change) {
        var result = state.durability.change(change);
        state.durability.awaitSaved();
        return result;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        var counter = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
