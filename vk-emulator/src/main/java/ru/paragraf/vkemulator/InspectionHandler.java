package ru.paragraf.vkemulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
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

    private record AccountRequest(@Nullable String firstName, @Nullable String lastName) {}

    private record JoinRequest(long userId, @Nullable String link) {}

    private record LeaveRequest(long userId) {}

    private record History(long id, List<EmulatorSnapshot.MembershipChange> history) {}

    private record Problem(String error, @Nullable Integer errorCode) {

        Problem(String error) {
            this(error, null);
        }
    }

    private static final Map<String, String> INDEX = Map.ofEntries(
            Map.entry("note", "Emulator inspection API: not part of VK's protocol"),
            Map.entry("GET /_emulator/state", "communities, users, clients, chats, calls, stats (since start)"),
            Map.entry("GET /_emulator/chats | calls | stats", "parts of the state"),
            Map.entry("POST /_emulator/seed | communities | users | clients", "add state (JSON as in the seed file)"),
            Map.entry("POST /_emulator/tokens/revoke", "{\"token\":\"…\"}"),
            Map.entry("POST /_emulator/tokens/user", "{\"user_id\":…}: a user token without the VK ID flow"),
            Map.entry(
                    "POST /_emulator/accounts",
                    "{\"first_name\":…,\"last_name\":…}: a new VK account (e.g. a stranger) with a user token"),
            Map.entry(
                    "POST /_emulator/chats/join",
                    "{\"user_id\":…,\"link\":…}: the user joins by the invite link as with their own token;"
                            + " refused: 409 with VK's error_code"),
            Map.entry(
                    "POST /_emulator/chats/{id}/leave",
                    "{\"user_id\":…}: the user leaves the chat on their own; refused: 409 with VK's error_code"),
            Map.entry("GET /_emulator/chats/{id}/history", "the chat's membership changes in order"),
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
            if (answer instanceof MembershipOutcome outcome && !outcome.done()) {
                Http.send(exchange, 409, Http.JSON, Json.bytes(new Problem(outcome.errorMsg(), outcome.errorCode())));
            } else if (answer == null) {
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
            case "/accounts":
                return post ? account(read(body, AccountRequest.class)) : null;
            case "/chats/join":
                return post ? join(read(body, JoinRequest.class)) : null;
            case "/faults":
                return faults(method, body);
            case "/reset":
                return post ? added(state::reset) : null;
            default:
                return emulatorOnly(method, path, body);
        }
    }

    /**
     * What VK can lose, and what users do on their own, for tests: {@code DELETE /chats/{id}},
     * {@code POST /chats/{id}/leave}, {@code GET /chats/{id}/history}, {@code POST /calls/{call_id}/finish}.
     */
    private @Nullable Object emulatorOnly(String method, String path, byte[] body) {
        if (method.equals("DELETE") && path.startsWith("/chats/")) {
            return Map.of("deleted", state.deleteChat(chatId(path.substring("/chats/".length()))));
        }
        if (method.equals("POST") && path.startsWith("/chats/") && path.endsWith("/leave")) {
            long chatId = chatId(path.substring("/chats/".length(), path.length() - "/leave".length()));
            return state.leaveChat(chatId, read(body, LeaveRequest.class).userId());
        }
        if (method.equals("GET") && path.startsWith("/chats/") && path.endsWith("/history")) {
            var chat =
                    state.chats.byId(chatId(path.substring("/chats/".length(), path.length() - "/history".length())));
            return chat == null ? null : new History(chat.id(), chat.snapshot().history());
        }
        if (method.equals("POST") && path.startsWith("/calls/") && path.endsWith("/finish")) {
            var callId = path.substring("/calls/".length(), path.length() - "/finish".length());
            return Map.of("finished", state.finishCall(callId));
        }
        return null;
    }

    private static long chatId(String id) {
        if (!Directory.isDigits(id)) {
            throw new IllegalArgumentException("a chat id is a number: " + id);
        }
        return Long.parseLong(id);
    }

    private TestAccount account(AccountRequest request) {
        return state.addAccount(request.firstName(), request.lastName());
    }

    private MembershipOutcome join(JoinRequest request) {
        if (request.link() == null) {
            throw new IllegalArgumentException("a link is required");
        }
        return state.joinByLink(request.userId(), request.link());
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
