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

/**
 * A running VK API + VK ID emulator: an in-memory HTTP server that answers like api.vk.com and id.vk.com for
 * the methods this product uses. Start one per test or per application run; close it when done.
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
            server.createContext(OAuthHandler.PATH, new OAuthHandler(state, new IdTokens(emulator.baseUrl)));
            server.createContext(InspectionHandler.PATH, new InspectionHandler(state));
            server.createContext(
                    "/",
                    exchange -> Http.send(
                            exchange, 404, Http.JSON, "{\"error\":\"not found\"}".getBytes(StandardCharsets.US_ASCII)));
            server.setExecutor(workers);
            server.start();
            return emulator;
        } catch (IOException e) {
            workers.shutdownNow();
            timer.shutdownNow();
            throw new UncheckedIOException("Cannot start the VK emulator on " + config.host() + ":" + config.port(), e);
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

    /** Adds communities, users and clients; returns the seed with generated token values filled in. */
    public Seed seed(Seed seed) {
        return state.apply(seed);
    }

    /** Adds a community and its tokens; returns it with generated token values filled in. */
    public Seed.Community addCommunity(Seed.Community community) {
        return state.add(community);
    }

    public void addUser(Seed.User user) {
        state.add(user);
    }

    public void addClient(Seed.Client client) {
        state.add(client);
    }

    /**
     * Issues a user token for a seeded user without the VK ID flow (a test shortcut, not part of VK's protocol).
     *
     * @return the token value
     */
    public String issueUserToken(long userId) {
        return state.issueUserToken(userId, null).value();
    }

    /** Revokes a community or user token: it then gets error 5. Returns false when the token is unknown. */
    public boolean revokeToken(String token) {
        return state.tokens.revoke(token);
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
        state.reset();
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

    /** Stops listening at once; requests held by faults are dropped. */
    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        workers.shutdownNow();
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
