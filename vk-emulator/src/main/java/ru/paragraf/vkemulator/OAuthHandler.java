package ru.paragraf.vkemulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * VK ID's back-channel endpoints: {@code POST /oauth2/auth} (authorization_code with PKCE, refresh_token),
 * {@code /oauth2/user_info}, {@code /oauth2/revoke}, {@code /oauth2/logout}. Parameters come from the query and
 * the form body, as the VK ID SDK sends them.
 */
final class OAuthHandler implements HttpHandler {

    static final String PATH = "/oauth2/";

    private record TokenResponse(
            String accessToken,
            String refreshToken,
            @Nullable String idToken,
            String tokenType,
            long expiresIn,
            long userId,
            @Nullable String state,
            String scope) {}

    private record UserInfo(UserInfoUser user) {}

    private record UserInfoUser(
            String userId,
            String firstName,
            String lastName,
            String avatar,
            String email,
            String phone,
            int sex,
            boolean verified,
            String birthday) {}

    private record Done(int response) {}

    private record ErrorResponse(String error, String errorDescription, @Nullable String state) {}

    private final EmulatorState state;
    private final IdTokens idTokens;

    OAuthHandler(EmulatorState state, IdTokens idTokens) {
        this.state = state;
        this.idTokens = idTokens;
    }

    @Override
    public void handle(HttpExchange exchange) {
        var params = Params.empty();
        try {
            params = new Params(Http.queryAndForm(exchange, Http.readBody(exchange)));
            if (!exchange.getRequestMethod().equals("POST")) {
                throw OAuthError.invalidRequest("use POST");
            }
            var endpoint = exchange.getRequestURI().getPath().substring(PATH.length());
            var request = params;
            var response =
                    switch (endpoint) {
                        case "auth" -> state.durability.change(() -> token(request));
                        case "user_info" -> userInfo(params);
                        case "revoke", "logout" -> state.durability.change(() -> revoke(request));
                        default -> throw new OAuthError("invalid_request", "unknown endpoint", 404);
                    };
            state.durability.awaitSaved();
            Http.sendNoStore(exchange, 200, Http.JSON, Json.bytes(response));
        } catch (OAuthError error) {
            int status = state.config.oauthErrorsAsHttp200() ? 200 : error.status();
            var body = new ErrorResponse(error.error(), error.getMessage(), params.get("state"));
            // a refused code is spent, and its reuse may have revoked tokens: saved before the answer too
            state.durability.awaitSaved();
            Http.sendNoStore(exchange, status, Http.JSON, Json.bytes(body));
        } catch (IOException unreadable) {
            Http.abort(exchange);
        }
    }

    private Object token(Params params) {
        var grantType = params.get("grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is required");
        }
        return switch (grantType) {
            case "authorization_code" -> exchangeCode(params);
            case "refresh_token" -> refresh(params);
            default -> throw new OAuthError("unsupported_grant_type", "grant_type is not supported", 400);
        };
    }

    /** A failed exchange spends the code too; a second use of a spent code revokes what it issued. */
    private TokenResponse exchangeCode(Params params) {
        var clientId = client(params);
        var code = required(params, "code");
        var verifier = required(params, "code_verifier");
        var deviceId = required(params, "device_id");
        var redirectUri = required(params, "redirect_uri");
        if (!Pkce.isVerifier(verifier)) {
            throw OAuthError.invalidRequest("code_verifier must be 43-128 characters of [A-Za-z0-9_-]");
        }
        var authCode = state.grants.consume(code);
        if (authCode == null) {
            var spent = state.grants.consumedBefore(code);
            if (spent != null && state.config.revokeTokensOnCodeReuse()) {
                state.grants.revoke(spent.grantId());
                state.tokens.revokeGrant(spent.grantId());
            }
            throw OAuthError.invalidGrant("code is invalid or has already been used");
        }
        if (state.nowMillis() >= authCode.expiresAtMillis()) {
            throw OAuthError.invalidGrant("code has expired");
        }
        if (!authCode.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("code was issued to another client");
        }
        if (!authCode.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri does not match the authorization request");
        }
        if (!authCode.deviceId().equals(deviceId)) {
            throw OAuthError.invalidGrant("device_id does not match");
        }
        if (!Pkce.matches(verifier, authCode.codeChallenge())) {
            throw OAuthError.invalidGrant("code_verifier does not match code_challenge");
        }
        var refresh = state.grants.issueRefreshToken(
                authCode.grantId(), clientId, deviceId, authCode.userId(), authCode.scope(), refreshExpiry());
        return issue(authCode.grantId(), authCode.userId(), clientId, authCode.scope(), refresh.value(), true, params);
    }

    private TokenResponse refresh(Params params) {
        var clientId = client(params);
        var value = required(params, "refresh_token");
        var deviceId = required(params, "device_id");
        var refresh = state.grants.refreshToken(value);
        if (refresh == null || state.grants.isRevoked(refresh.grantId())) {
            throw OAuthError.invalidGrant("refresh_token is invalid");
        }
        if (state.nowMillis() >= refresh.expiresAtMillis()) {
            throw OAuthError.invalidGrant("refresh_token has expired");
        }
        if (!refresh.clientId().equals(clientId) || !refresh.deviceId().equals(deviceId)) {
            throw OAuthError.invalidGrant("refresh_token was issued to another client or device");
        }
        var next = refresh.value();
        if (state.config.rotateRefreshTokens()) {
            if (!state.grants.spend(refresh)) {
                throw OAuthError.invalidGrant("refresh_token is invalid");
            }
            next = state.grants
                    .issueRefreshToken(
                            refresh.grantId(), clientId, deviceId, refresh.userId(), refresh.scope(), refreshExpiry())
                    .value();
        }
        return issue(
                refresh.grantId(),
                refresh.userId(),
                clientId,
                refresh.scope(),
                next,
                state.config.idTokenOnRefresh(),
                params);
    }

    private TokenResponse issue(
            String grantId,
            long userId,
            String clientId,
            String scope,
            String refresh,
            boolean withIdToken,
            Params params) {
        long now = state.nowMillis();
        long lifetime = state.config.userTokenLifetime().toSeconds();
        var access = state.tokens.issueUserToken(userId, clientId, grantId, scope, now + lifetime * 1000);
        var idToken = withIdToken ? idTokens.issue(userId, clientId, now / 1000, lifetime) : null;
        return new TokenResponse(
                access.value(), refresh, idToken, "Bearer", lifetime, userId, params.get("state"), scope);
    }

    private UserInfo userInfo(Params params) {
        var clientId = client(params);
        var token = liveUserToken(params);
        if (token.clientId() != null && !token.clientId().equals(clientId)) {
            throw OAuthError.invalidToken("access_token was issued to another client");
        }
        var user = state.directory.user(token.ownerId());
        return new UserInfo(new UserInfoUser(
                String.valueOf(user.id()),
                user.firstName(),
                user.lastName(),
                user.avatar(),
                nullToEmpty(user.email()),
                nullToEmpty(user.phone()),
                user.sex(),
                true,
                nullToEmpty(user.birthday())));
    }

    /** Revoke and logout both end the authorization: all its access and refresh tokens stop working. */
    private Done revoke(Params params) {
        client(params);
        var token = state.tokens.find(required(params, "access_token"));
        if (token != null && !token.isCommunity()) {
            state.tokens.revoke(token.value());
            if (token.grantId() != null) {
                state.grants.revoke(token.grantId());
                state.tokens.revokeGrant(token.grantId());
            }
        }
        return new Done(1);
    }

    private Token liveUserToken(Params params) {
        var token = state.tokens.find(required(params, "access_token"));
        if (token == null || token.isCommunity() || state.tokens.isRevoked(token)) {
            throw OAuthError.invalidToken("access_token is invalid");
        }
        if (token.expiredAt(state.nowMillis())) {
            throw OAuthError.invalidToken("access_token has expired");
        }
        return token;
    }

    private String client(Params params) {
        var clientId = required(params, "client_id");
        if (state.directory.client(clientId) == null) {
            throw OAuthError.invalidClient("client_id is unknown");
        }
        return clientId;
    }

    private long refreshExpiry() {
        return state.nowMillis() + state.config.refreshTokenLifetime().toMillis();
    }

    private static String required(Params params, String name) {
        var value = params.get(name);
        if (value == null) {
            throw OAuthError.invalidRequest(name + " is required");
        }
        return value;
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
