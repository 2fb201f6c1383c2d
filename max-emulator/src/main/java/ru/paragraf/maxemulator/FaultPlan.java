package ru.paragraf.maxemulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Faults to inject into bot API calls. A rule names a method as {@code "VERB /path-template"}, e.g. {@code "POST
 * /messages"} or {@code "GET /chats/{chatId}"} (the names of {@code /_emulator/stats}), and applies to its next
 * {@code times} calls (0: every call). Off by default ({@link #NONE}).
 */
public record FaultPlan(List<Rule> rules) {

    public static final FaultPlan NONE = new FaultPlan(List.of());

    public FaultPlan {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public enum Fault {
        /** The call is performed, then the connection is closed without an answer. */
        LOST_RESPONSE,
        /** Nothing is done; the answer is 200 {@code {"success":false,"message":…}}. */
        SUCCESS_FALSE,
        /** Nothing is done; the answer is 503 {@code {"code":"service.unavailable","message":…}}. */
        UNAVAILABLE,
        /**
         * The request is held before MAX performs it, until the plan is replaced; then the connection is closed and
         * nothing is done (a request that never arrived). {@link MaxEmulator#heldCalls()} lists the held calls.
         */
        HELD_REQUEST,
        /**
         * The call is performed, and its answer held until the plan is replaced; then it is sent, if the client still
         * listens (a crash test kills the client meanwhile). {@link MaxEmulator#heldCalls()} lists the held calls.
         */
        HELD_RESPONSE
    }

    /** One rule; {@code message} is the text of a {@code success:false} or 503 answer (null: a default). */
    public record Rule(String method, Fault fault, int times, @Nullable String message) {}

    public FaultPlan withLostResponse(String method, int times) {
        return with(new Rule(method, Fault.LOST_RESPONSE, times, null));
    }

    public FaultPlan withSuccessFalse(String method, int times, String message) {
        return with(new Rule(method, Fault.SUCCESS_FALSE, times, message));
    }

    public FaultPlan withUnavailable(String method, int times) {
        return with(new Rule(method, Fault.UNAVAILABLE, times, null));
    }

    public FaultPlan withHeldRequest(String method, int times) {
        return with(new Rule(method, Fault.HELD_REQUEST, times, null));
    }

    public FaultPlan withHeldResponse(String method, int times) {
        return with(new Rule(method, Fault.HELD_RESPONSE, times, null));
    }

    public FaultPlan with(Rule rule) {
        var copy = new ArrayList<>(rules);
        copy.add(rule);
        return new FaultPlan(copy);
    }

    public static FaultPlan parse(String json) {
        return Json.STRICT.readValue(json, FaultPlan.class);
    }

    public static FaultPlan read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read faults file " + file, e);
        }
    }
}
