package ru.paragraf.vkemulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone program: {@code java -jar vk-emulator-exec.jar [--host H] [--port 8090] [--seed seed.json|example]
 * [--faults faults.json] [--state state.json]}.
 */
public final class Main {

    private static final String USAGE =
            """
            Usage: java -jar vk-emulator-exec.jar [--host 127.0.0.1] [--port 8090] [--seed FILE|example] [--faults FILE]
                                                  [--state FILE]
              --seed example   loads the bundled example seed (vk-emulator/example-seed.json)
              --state FILE     remembers everything VK would (communities, users, clients, tokens, chats, calls,
                               VK ID grants) in FILE: loaded at start, saved before every answer that changed it,
                               so it survives a restart and a kill -9. With --seed too, FILE wins for what it has
                               and the seed only adds what is missing (communities, tokens, users, clients).
                               FILE holds token values: it is created readable by its owner only.
                               Counters and faults are not kept. Delete FILE to start afresh.
            """;

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        var builder = EmulatorConfig.builder().port(8090);
        for (int i = 0; i < args.length; i++) {
            var option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (i + 1 >= args.length) {
                fail("missing value for " + option);
            }
            var value = args[++i];
            switch (option) {
                case "--host" -> builder.host(value);
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--seed" -> builder.seed(value.equals("example") ? exampleSeed() : Seed.read(Path.of(value)));
                case "--faults" -> builder.faults(FaultPlan.read(Path.of(value)));
                case "--state" -> builder.stateFile(Path.of(value));
                default -> fail("unknown option " + option);
            }
        }
        VkEmulator emulator;
        try {
            emulator = VkEmulator.start(builder.build());
        } catch (StateFileException e) {
            System.err.println("vk-emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        printSummary(emulator, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        stopped.await();
    }

    /** Base URL, endpoints, and the seeded state with tokens masked. */
    static void printSummary(VkEmulator emulator, PrintStream out) {
        var snapshot = emulator.snapshot();
        out.println("VK emulator listening on " + emulator.baseUrl());
        out.println("  VK API      " + emulator.apiUrl() + "<method>");
        out.println(
                "  VK ID       " + emulator.baseUrl() + "/authorize, /oauth2/auth, /oauth2/user_info, /oauth2/revoke");
        out.println("  Inspection  " + emulator.baseUrl() + "/_emulator/state (the emulator's own API, not VK's)");
        var stateFile = emulator.config().stateFile();
        out.println(
                stateFile == null
                        ? "State: in memory only (--state FILE keeps it)"
                        : "State: " + stateFile.toAbsolutePath().normalize() + " ("
                                + snapshot.chats().size() + " chats, "
                                + snapshot.calls().size() + " calls)");
        out.println("Communities: " + snapshot.communities().size());
        for (var community : snapshot.communities()) {
            out.println("  " + community.id() + " «" + community.name() + "» (" + community.screenName() + ")");
            for (var token : community.tokens()) {
                out.println("      token " + token.token() + " " + token.permissions());
            }
        }
        out.println("Test VK users: " + snapshot.users().size());
        for (var user : snapshot.users()) {
            out.println("  " + user.id() + " " + user.firstName() + " " + user.lastName() + ", login " + user.login());
        }
        out.println("VK ID clients: " + snapshot.clients().size());
        for (var client : snapshot.clients()) {
            out.println("  " + client.clientId() + " → " + String.join(", ", client.redirectUris()));
        }
        var faults = emulator.faults();
        out.println("Faults: " + (faults.equals(FaultPlan.NONE) ? "off" : "on"));
    }

    private static Seed exampleSeed() {
        try (InputStream in = Main.class.getResourceAsStream("/vk-emulator/example-seed.json")) {
            if (in == null) {
                throw new IllegalStateException("example seed is missing from the jar");
            }
            return Seed.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.err.print(USAGE);
        System.exit(2);
    }
}
