package ru.paragraf.vkemulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code /authorize}: GET shows the login page, POST checks the credentials and redirects back with
 * {@code code, state, device_id, type=code_v2, expires_in}. An unknown client or a redirect URI that is not
 * registered exactly gets an error page and never a redirect; other request errors redirect with {@code error}.
 */
final class AuthorizeHandler implements HttpHandler {

    static final String PATH = "/authorize";

    private final EmulatorState state;

    AuthorizeHandler(EmulatorState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            var params = new Params(Http.queryAndForm(exchange, Http.readBody(exchange)));
            var request = AuthorizationRequest.from(params);
            var client = state.directory.client(request.clientId());
            if (client == null) {
                Http.sendNoStore(
                        exchange, 400, Http.HTML, LoginPage.error("Приложение не найдено", "Неизвестный client_id."));
                return;
            }
            if (request.redirectUri() == null || !client.redirectUris().contains(request.redirectUri())) {
                var detail = "Адрес возврата (redirect_uri) не совпадает с адресами, разрешёнными для приложения.";
                Http.sendNoStore(exchange, 400, Http.HTML, LoginPage.error("Недопустимый адрес возврата", detail));
                return;
            }
            var problem = problem(request);
            if (problem != null) {
                Http.redirect(exchange, back(request, error(problem[0], problem[1], request)));
                return;
            }
            if (exchange.getRequestMethod().equals("POST")) {
                submit(exchange, request, params);
            } else if (request.prompt() != null && request.prompt().contains("none")) {
                Http.redirect(exchange, back(request, error("login_required", "User is not logged in", request)));
            } else {
                Http.sendNoStore(exchange, 200, Http.HTML, LoginPage.login(request, null, null));
            }
        } catch (IOException unreadable) {
            Http.abort(exchange);
        }
    }

    private void submit(HttpExchange exchange, AuthorizationRequest request, Params params) {
        if ("cancel".equals(params.get("action"))) {
            Http.redirect(exchange, back(request, error("access_denied", "User denied access", request)));
            return;
        }
        var user = state.directory.userByLogin(params.get("login"));
        var password = params.get("password");
        if (user == null || user.password() == null || !user.password().equals(password)) {
            var page = LoginPage.login(request, params.get("login"), "Неверный логин или пароль.");
            Http.sendNoStore(exchange, 200, Http.HTML, page);
            return;
        }
        long expiresIn = state.config.authCodeLifetime().toSeconds();
        var code = state.durability.change(() -> state.grants.issueCode(
                request.clientId(),
                request.redirectUri(),
                request.codeChallenge(),
                user.id(),
                request.scopeOrDefault(),
                state.nowMillis() + expiresIn * 1000));
        var answer = new LinkedHashMap<String, @Nullable String>();
        answer.put("code", code.code());
        answer.put("state", request.state());
        answer.put("device_id", code.deviceId());
        answer.put("type", "code_v2");
        answer.put("expires_in", String.valueOf(expiresIn));
        state.durability.awaitSaved();
        Http.redirect(exchange, back(request, answer));
    }

    /** {@code [error, description]} of the first problem, or null. */
    private String @Nullable [] problem(AuthorizationRequest request) {
        if (!"code".equals(request.responseType())) {
            return new String[] {"unsupported_response_type", "response_type must be code"};
        }
        if (request.codeChallenge() == null || !Pkce.isChallenge(request.codeChallenge())) {
            return new String[] {"invalid_request", "code_challenge is required (base64url of SHA-256, 43 chars)"};
        }
        if (!"s256".equalsIgnoreCase(request.codeChallengeMethod())) {
            return new String[] {"invalid_request", "code_challenge_method must be s256"};
        }
        if (request.state() == null || request.state().length() < state.config.minStateLength()) {
            return new String[] {
                "invalid_request", "state must be at least " + state.config.minStateLength() + " characters"
            };
        }
        return null;
    }

    private static Map<String, @Nullable String> error(String error, String description, AuthorizationRequest request) {
        var answer = new LinkedHashMap<String, @Nullable String>();
        answer.put("error", error);
        answer.put("error_description", description);
        answer.put("state", request.state());
        return answer;
    }

    private static String back(AuthorizationRequest request, Map<String, @Nullable String> answer) {
        var url = new StringBuilder(request.redirectUri());
        char separator = request.redirectUri().contains("?") ? '&' : '?';
        for (var entry : answer.entrySet()) {
            if (entry.getValue() != null) {
                url.append(separator)
                        .append(entry.getKey())
                        .append('=')
                        .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }
}
