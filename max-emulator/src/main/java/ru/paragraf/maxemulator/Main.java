package ru.paragraf.maxemulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** The standalone program: {@code java -jar max-emulator-exec.jar [--port 8091] [--seed FILE|example] [--state FILE]}. */
public final class Main {

    private static final String USAGE =
            """
            Usage: java -jar max-emulator-exec.jar [--host 127.0.0.1] [--port 8091] [--seed FILE|example]
                                                   [--faults FILE] [--state FILE]
              --seed example   loads the bundled example seed (one bot «Школа 101 — бот», four users)
              --state FILE     remembers chats, members, messages, pending updates and markers in FILE (saved before
                               every answer that changed them, so it survives a kill -9). FILE holds bot tokens.
            """;

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        var builder = EmulatorConfig.builder().port(8091);
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
        var emulator = MaxEmulator.start(builder.build());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        printSummary(emulator, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        stopped.await();
    }

    /** Base URL, the emulator's own API, bots with masked tokens, users. */
    static void printSummary(MaxEmulator emulator, PrintStream out) {
        var snapshot = emulator.snapshot();
        out.println("MAX emulator listening on " + emulator.baseUrl());
        out.println("  Bot API     " + emulator.baseUrl() + "/me, /chats/{chatId}, /messages, /updates, /subscriptions"
                + " (Authorization: <token>)");
        out.println("  Emulator    " + emulator.baseUrl() + "/_emulator (person API and inspection, not MAX's)");
        var stateFile = emulator.config().stateFile();
        out.println(
                stateFile == null
                        ? "State: in memory only (--state FILE keeps it)"
                        : "State: " + stateFile.toAbsolutePath().normalize() + " ("
                                + snapshot.chats().size() + " chats)");
        out.println("Bots: " + snapshot.bots().size());
        for (var bot : snapshot.bots()) {
            out.println("  " + bot.userId() + " «" + bot.firstName() + "» https://max.ru/" + bot.name() + "  token "
                    + bot.maskedToken());
        }
        out.println("Users: " + snapshot.users().size());
        for (var user : snapshot.users()) {
            out.println("  " + user.userId() + " " + user.firstName() + " "
                    + (user.lastName() == null ? "" : user.lastName())
                    + (user.refusesBots() ? " (privacy refuses bots)" : ""));
        }
    }

    static Seed exampleSeed() {
        try (InputStream in = Main.class.getResourceAsStream("/max-emulator/example-seed.json")) {
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
