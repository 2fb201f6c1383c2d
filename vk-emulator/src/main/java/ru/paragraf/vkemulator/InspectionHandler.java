package ru.paragraf.vkemulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * {@code /_emulator/…}: state inspection, runtime seeding, token revocation, faults and reset for tests and
 * benchmarks. This API is the emulator's own and is not part of VK's protocol.
 */
final class InspectionHandler implements HttpHandler {

    static final String PATH = "/_emulator";

    private record RevokeRequest(@Nullable String token) {}

    private record UserTokenRequest(long userId, @Nullable String clientId) {}

    private record UserTokenResponse(String accessToken, long expiresIn, long userId) {}

    private record Problem(String error) {}

    private static final Map<String, String> INDEX = Map.ofEntries(
            Map.entry("note", "Emulator inspection API: not part of VK's protocol"),
            Map.entry("GET /_emulator/state", "communities, users, clients, chats, calls, stats (since start)"),
            Map.entry("GET /_emulator/chats | calls | stats", "parts of the state"),
            Map.entry("POST /_emulator/seed | communities | users | clients", "add state (JSON as in the seed file)"),
            Map.entry("POST /_emulator/tokens/revoke", "{\"token\":\"…\"}"),
            Map.entry("POST /_emulator/tokens/user", "{\"user_id\":…}: a user token without the VK ID flow"),
            Map.entry("DELETE /_emulator/chats/{id}", "emulator-only: VK loses the chat (as if deleted in VK)"),
            Map.entry(
                    "POST /_emulator/calls/{call_id}/finish",
                    "emulator-only: the call ends (as if its starter ended it)"),
            Map.entry("GET|PUT|DELETE /_emulator/faults", "the fault plan"),
            Map.entry("POST /_emulator/reset", "back to the start-up seed, no faults"));

    private final EmulatorState state;

    InspectionHandler(EmulatorState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            var body = Http.readBody(exchange);
            var path = exchange.getRequestURI().getPath().substring(PATH.length());
            var method = exchange.getRequestMethod();
            var route = path.isEmpty() ? "/" : path;
            // everything but reading and the fault plan (configuration, not state) changes the state
            var answer = method.equals("GET") || route.equals("/faults")
                    ? route(method, route, body)
                    : state.durability.change(() -> route(method, route, body));
            state.durability.awaitSaved();
            if (answer == null) {
                Http.send(
                        exchange,
                        404,
                        Http.JSON,
                        Json.bytes(new Problem("no such inspection endpoint: " + method + " " + path)));
            } else {
                Http.send(exchange, 200, Http.JSON, Json.bytes(answer));
            }
        } catch (JacksonException | IllegalArgumentException badRequest) {
            Http.send(exchange, 400, Http.JSON, Json.bytes(new Problem(badRequest.getMessage())));
        } catch (IOException unreadable) {
            Http.abort(exchange);
        }
    }

    private @Nullable Object route(String method, String path, byte[] body) {
        boolean get = method.equals("GET");
        boolean post = method.equals("POST") || method.equals("PUT");
        switch (path) {
            case "/":
                return get ? INDEX : null;
            case "/state":
                return get ? state.snapshot() : null;
            case "/chats":
                return get ? state.chatSnapshots() : null;
            case "/calls":
                return get ? state.calls.snapshot() : null;
            case "/stats":
                return get ? state.stats.snapshot() : null;
            case "/seed":
                return post ? state.apply(read(body, Seed.class)) : null;
            case "/communities":
                return post ? state.add(read(body, Seed.Community.class)) : null;
            case "/users":
                return post ? added(() -> state.add(read(body, Seed.User.class))) : null;
            case "/clients":
                return post ? added(() -> state.add(read(body, Seed.Client.class))) : null;
            case "/tokens/revoke":
                return post
                        ? Map.of(
                                "revoked",
                                state.tokens.revoke(
                                        read(body, RevokeRequest.class).token()))
                        : null;
            case "/tokens/user":
                return post ? userToken(read(body, UserTokenRequest.class)) : null;
            case "/faults":
                return faults(method, body);
            case "/reset":
                return post ? added(state::reset) : null;
            default:
                return emulatorOnly(method, path);
        }
    }

    /** What VK can lose, for tests: {@code DELETE /chats/{id}}, {@code POST /calls/{call_id}/finish}. */
    private @Nullable Object emulatorOnly(String method, String path) {
        if (method.equals("DELETE") && path.startsWith("/chats/")) {
            var id = path.substring("/chats/".length());
            if (!Directory.isDigits(id)) {
                throw new IllegalArgumentException("a chat id is a number: " + id);
            }
            return Map.of("deleted", state.deleteChat(Long.parseLong(id)));
        }
        if (method.equals("POST") && path.startsWith("/calls/") && path.endsWith("/finish")) {
            var callId = path.substring("/calls/".length(), path.length() - "/finish".length());
            return Map.of("finished", state.finishCall(callId));
        }
        return null;
    }

    private @Nullable Object faults(String method, byte[] body) {
        switch (method) {
            case "GET":
                return state.faults.plan();
            case "PUT":
            case "POST":
                state.faults.set(read(body, FaultPlan.class));
                return state.faults.plan();
            case "DELETE":
                state.faults.set(FaultPlan.NONE);
                return state.faults.plan();
            default:
                return null;
        }
    }

    private UserTokenResponse userToken(UserTokenRequest request) {
        var token = state.issueUserToken(request.userId(), request.clientId());
        return new UserTokenResponse(
                token.value(), state.config.userTokenLifetime().toSeconds(), request.userId());
    }

    private static Object added(Runnable action) {
        action.run();
        return Map.of("ok", true);
    }

    private static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        return Json.MAPPER.readValue(body, type);
    }
}
