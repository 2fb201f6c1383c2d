package ru.paragraf.maxemulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A running MAX bot API emulator: an in-memory HTTP server that answers like {@code platform-api2.max.ru} (schema
 * 0.0.33) at its root, plus the emulator's own API under {@code /_emulator}. The person methods play the humans.
 *
 * <pre>{@code
 * try (var max = MaxEmulator.start(EmulatorConfig.builder().seed(seed).build())) {
 *     var api = max.baseUrl();                       // GET {api}/me with "Authorization: <token>"
 *     long teacher = max.addUser("Анна", "Смирнова", false);
 *     long chat = max.createChat(teacher, "7А Алгебра");
 *     max.addBotToChat(chat, teacher, botId);        // bot_added
 *     max.makeAdmin(chat, teacher, botId, List.of(ChatPermission.READ_ALL_MESSAGES));
 * }
 * }</pre>
 */
public final class MaxEmulator implements AutoCloseable {

    private final EmulatorConfig config;
    private final World world;
    private final People people;
    private final Faults faults = new Faults();
    private final Stats stats = new Stats();
    private final @Nullable StateStore store;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final String baseUrl;

    private MaxEmulator(EmulatorConfig config) throws IOException {
        this.config = config;
        this.store = config.stateFile() == null ? null : StateStore.open(config.stateFile());
        this.workers = Executors.newCachedThreadPool(daemonThreads("max-emulator-http-"));
        this.timer = Executors.newScheduledThreadPool(2, daemonThreads("max-emulator-webhook-"));
        try {
            var saved = store == null ? null : store.read();
            this.world = new World(config.clock(), store, saved == null ? new WorldData() : saved);
            this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
        } catch (IOException | RuntimeException e) {
            timer.shutdownNow();
            workers.shutdownNow();
            if (store != null) {
                store.close();
            }
            throw e;
        }
        this.people = new People(world);
        faults.set(config.faults());
        var webhooks = new Webhooks(world, timer, config, stats);
        world.onUpdate(webhooks::kick);
        world.apply(config.seed());
        server.createContext("/", new ApiHandler(world, config, faults, stats));
        server.createContext(EmulatorHandler.PATH, new EmulatorHandler(this));
        server.setExecutor(workers);
        server.start();
        var host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
        webhooks.kickAll();
    }

    /** Starts an emulator; port 0 picks a free port. */
    public static MaxEmulator start(EmulatorConfig config) {
        // The JDK server writes headers and body separately; without TCP_NODELAY, keep-alive clients wait ~40 ms.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            return new MaxEmulator(config);
        } catch (BindException e) {
            throw new UncheckedIOException(
                    "Cannot start the MAX emulator: " + config.host() + ":" + config.port() + " is in use", e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot start the MAX emulator on " + config.host() + ":" + config.port(), e);
        }
    }

    /** {@code http://host:port}: the bot API's base URL (what {@code https://platform-api2.max.ru} is in production). */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EmulatorConfig config() {
        return config;
    }

    /** Adds bots and users (a bot with a known id gets the new name and token; known users stay as they are). */
    public void seed(Seed seed) {
        world.apply(seed);
    }

    /** A new bot with the next free id; {@code name} is the username of its deep links. Returns its user id. */
    public long addBot(String name, String firstName, String token) {
        return people.addBot(name, firstName, token);
    }

    /** A new MAX user; {@code refusesBots}: their privacy refuses being added to chats by bots. Returns the id. */
    public long addUser(String firstName, @Nullable String lastName, boolean refusesBots) {
        return people.addUser(firstName, lastName, refusesBots);
    }

    /** Changes a user's privacy switch (refuse being added by bots). */
    public void setRefusesBots(long userId, boolean refusesBots) {
        people.setRefusesBots(userId, refusesBots);
    }

    /** A person creates a group chat and owns it (admin with every permission). Returns its chat id (negative). */
    public long createChat(long ownerId, String title) {
        return people.createChat(ownerId, title);
    }

    /** A member adds a bot to the chat: the bot gets {@code bot_added} (as a plain member, not an admin). */
    public void addBotToChat(long chatId, long byUserId, long botId) {
        people.addBot(chatId, byUserId, botId);
    }

    /** An admin with {@code add_admins} (e.g. the owner) makes a member an admin with these permissions. */
    public void makeAdmin(long chatId, long byUserId, long userId, Collection<ChatPermission> permissions) {
        people.makeAdmin(chatId, byUserId, userId, permissions);
    }

    /** A member adds a person (privacy does not stop people): {@code user_added} to bots that may see it. */
    public void addMember(long chatId, long byUserId, long userId) {
        people.addMember(chatId, byUserId, userId);
    }

    /** An admin removes a member: {@code user_removed} (and {@code bot_removed} to a removed bot). */
    public void removeMember(long chatId, long byUserId, long userId) {
        people.removeMember(chatId, byUserId, userId);
    }

    /** A person (or bot id) leaves on their own: {@code user_removed} without {@code admin_id}. */
    public void leaveChat(long chatId, long userId) {
        people.leaveChat(chatId, userId);
    }

    /** An admin with {@code change_chat_info} renames the chat: {@code chat_title_changed}. */
    public void renameChat(long chatId, long byUserId, String title) {
        people.renameChat(chatId, byUserId, title);
    }

    /** A person writes in a chat or their dialog with a bot: {@code message_created}. Returns the mid. */
    public String sendMessage(long chatId, long userId, String text) {
        return people.sendMessage(chatId, userId, text);
    }

    /**
     * A person opens {@code https://max.ru/<botName>?start=<payload>}: the bot gets {@code bot_started} with the payload
     * in the person's dialog with it. Returns the dialog's chat id.
     */
    public long openDeepLink(long userId, String link) {
        return people.openDeepLink(userId, link);
    }

    /** Replaces the fault plan; {@link FaultPlan#NONE} turns faults off. */
    public void faults(FaultPlan plan) {
        faults.set(plan);
    }

    public FaultPlan faults() {
        return faults.plan();
    }

    /** The calls held now by {@code HELD_REQUEST} and {@code HELD_RESPONSE} rules, by method, one entry per call. */
    public List<String> heldCalls() {
        return faults.held();
    }

    public EmulatorSnapshot snapshot() {
        return Snapshots.of(world, stats);
    }

    public List<EmulatorSnapshot.Chat> chats() {
        return snapshot().chats();
    }

    /** A chat by id; an {@link IllegalArgumentException} if there is none. */
    public EmulatorSnapshot.Chat chat(long chatId) {
        return snapshot().chat(chatId).orElseThrow(() -> new IllegalArgumentException("no chat " + chatId));
    }

    public EmulatorSnapshot.Stats stats() {
        return stats.snapshot();
    }

    /** Stops at once: held long polls are dropped, webhook retries stop; the state file (if any) is released. */
    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        workers.shutdownNow();
        if (store != null) {
            store.close();
        }
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
