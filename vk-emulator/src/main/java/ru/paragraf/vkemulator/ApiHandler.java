package ru.paragraf.vkemulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code /method/NAME}: the VK API request pipeline. Version check (8), token (5), per-token rate limit (6),
 * method lookup (3), token type (27), community permission (15), injected faults, then the method.
 */
final class ApiHandler implements HttpHandler {

    static final String PATH = "/method/";

    private record Envelope(Object response) {}

    private record ErrorEnvelope(ErrorBody error) {}

    private record ErrorBody(int errorCode, String errorMsg, List<KeyValue> requestParams) {}

    private record KeyValue(String key, String value) {}

    private final EmulatorState state;
    private final Map<String, ApiMethod> methods;
    private final Replies replies;

    ApiHandler(EmulatorState state, Replies replies) {
        this.state = state;
        this.methods = ApiMethods.all(state);
        this.replies = replies;
    }

    @Override
    public void handle(HttpExchange exchange) {
        var name = exchange.getRequestURI().getPath().substring(PATH.length());
        state.stats.call(name);
        var params = Params.empty();
        long latency = 0;
        try {
            var body = Http.readBody(exchange);
            params = new Params(Http.queryAndForm(exchange, body));
            var tokenValue = accessToken(exchange, params);
            latency = state.faults.latencyMillis(name);
            if (Http.contentType(exchange).startsWith("application/json")
                    && state.config.jsonBodyPolicy() == EmulatorConfig.JsonBodyPolicy.REJECT) {
                throw new ApiError(
                        8,
                        "Invalid request: application/json is not supported,"
                                + " use application/x-www-form-urlencoded or multipart/form-data");
            }
            checkVersion(params);
            long now = state.nowMillis();
            var token = authenticate(tokenValue, now);
            if (!state.rateLimits.tryAcquire(token, now)) {
                state.stats.rateLimitViolation(token);
                throw ApiError.of(6);
            }
            state.stats.accepted(token);
            var method = methods.get(name);
            if (method == null) {
                throw ApiError.of(3);
            }
            authorize(method, token);
            var fault = state.faults.decide(name);
            if (fault.kind() == Faults.Decision.Kind.ERROR) {
                throw ApiError.of(fault.errorCode());
            }
            if (fault.kind() == Faults.Decision.Kind.TIMEOUT) {
                replies.drop(exchange, fault.holdMillis());
                return;
            }
            var request = new ApiRequest(token, params, now);
            var response = method.changesState()
                    ? state.durability.change(() -> method.implementation().call(request))
                    : method.implementation().call(request);
            if (fault.kind() == Faults.Decision.Kind.LOST_RESPONSE) {
                replies.drop(exchange, latency);
                return;
            }
            // whatever an answer shows is saved first (with a state file), so a crash cannot take it back
            state.durability.awaitSaved();
            replies.send(exchange, 200, Http.JSON, Json.bytes(new Envelope(response)), latency);
        } catch (ApiError error) {
            state.stats.error(name, error.code());
            var body =
                    Json.bytes(new ErrorEnvelope(new ErrorBody(error.code(), error.getMessage(), echo(name, params))));
            state.durability.awaitSaved();
            replies.send(exchange, state.config.apiErrorHttpStatus(), Http.JSON, body, latency);
        } catch (IOException unreadable) {
            Http.abort(exchange);
        } catch (RuntimeException bug) {
            System.err.println("vk-emulator: " + name + " failed: " + bug);
            state.stats.error(name, 10);
            var body =
                    Json.bytes(new ErrorEnvelope(new ErrorBody(10, ApiError.standardMessage(10), echo(name, params))));
            state.durability.awaitSaved();
            replies.send(exchange, state.config.apiErrorHttpStatus(), Http.JSON, body, 0);
        }
    }

    private static @Nullable String accessToken(HttpExchange exchange, Params params) {
        var fromParams = params.remove("access_token");
        if (fromParams != null && !fromParams.isEmpty()) {
            return fromParams;
        }
        var header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return null;
    }

    private static void checkVersion(Params params) {
        var version = params.get("v");
        if (version == null) {
            throw new ApiError(8, "Invalid request: v (version) is required");
        }
        double number;
        try {
            number = Double.parseDouble(version);
        } catch (NumberFormatException e) {
            throw new ApiError(8, "Invalid request: v (version) is invalid");
        }
        if (number < 5.0) {
            throw new ApiError(8, "Invalid request: versions below 5.0 are deprecated");
        }
    }

    private Token authenticate(@Nullable String value, long now) {
        if (value == null) {
            throw new ApiError(5, "User authorization failed: no access_token passed.");
        }
        var token = state.tokens.find(value);
        if (token == null) {
            throw new ApiError(5, "User authorization failed: invalid access_token (4).");
        }
        if (state.tokens.isRevoked(token)) {
            throw new ApiError(5, "User authorization failed: invalid session.");
        }
        if (token.expiredAt(now)) {
            throw state.config.expiredTokenErrorCode() == 1117
                    ? new ApiError(1117, "Access token has expired.")
                    : new ApiError(5, "User authorization failed: access_token has expired.");
        }
        return token;
    }

    private void authorize(ApiMethod method, Token token) {
        if (!method.tokenKinds().contains(token.kind())) {
            if (token.isCommunity()) {
                throw ApiError.of(27);
            }
            int code = state.config.groupOnlyMethodErrorCode();
            throw new ApiError(
                    code,
                    code == 15
                            ? "Access denied: this method is available only with group auth"
                            : ApiError.standardMessage(code));
        }
        if (method.permission() != null && token.isCommunity() && !token.has(method.permission())) {
            int code = state.config.missingPermissionErrorCode();
            throw new ApiError(
                    code, code == 15 ? "Access denied: no access to call this method" : ApiError.standardMessage(code));
        }
    }

    /** {@code request_params}: method, oauth, then the parameters as sent, without access_token. */
    private static List<KeyValue> echo(String method, Params params) {
        var echoed = new ArrayList<KeyValue>();
        echoed.add(new KeyValue("method", method));
        echoed.add(new KeyValue("oauth", "1"));
        params.asMap().forEach((key, value) -> {
            if (!key.equals("access_token")) {
                echoed.add(new KeyValue(key, value));
            }
        });
        return echoed;
    }
}
