package ru.paragraf.sferum.diary;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * VK ID's OAuth 2.1 endpoints over the JDK's HTTP client: the {@code /authorize} URL, and form posts to
 * {@code /oauth2/auth}, {@code /oauth2/user_info}, {@code /oauth2/revoke}. Secrets travel only in POST bodies,
 * never in a URL, and nothing here logs a parameter value.
 */
@Component
class VkIdClient {

    private static final Logger log = LoggerFactory.getLogger(VkIdClient.class);

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final VkIdProperties properties;
    private final VkIdEndpoint endpoint;
    private final HttpClient http;

    VkIdClient(VkIdProperties properties, VkIdEndpoint endpoint) {
        this.properties = properties;
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Where the browser goes to log in at VK ID; the PKCE challenge travels, the verifier stays with us. */
    URI authorizeUri(String state, String codeChallenge, String redirectUri) {
        var query = new LinkedHashMap<String, String>();
        query.put("response_type", "code");
        query.put("client_id", clientId());
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        query.put("scope", properties.scopes());
        return URI.create(endpoint.resolve("/authorize") + "?" + encode(query));
    }

    VkIdTokens exchange(AuthorizationCodeGrant grant) {
        return post("/oauth2/auth", grant.form(clientId()), VkIdTokens.class);
    }

    VkIdTokens refresh(RefreshTokenGrant grant) {
        return post("/oauth2/auth", grant.form(clientId()), VkIdTokens.class);
    }

    VkIdUser userInfo(String accessToken) {
        return post("/oauth2/user_info", Map.of("client_id", clientId(), "access_token", accessToken), VkIdUser.class);
    }

    /** Ends the authorization the token belongs to: its access and refresh tokens stop working. */
    void revoke(String accessToken) {
        post("/oauth2/revoke", Map.of("client_id", clientId(), "access_token", accessToken), Map.class);
    }

    /** Revokes the token, best effort: true when VK ID confirmed, false (and logged) when it did not. */
    boolean tryRevoke(String accessToken) {
        try {
            revoke(accessToken);
            return true;
        } catch (VkIdException e) {
            log.warn("Could not revoke a VK ID token: {}", e.getMessage());
            return false;
        }
    }

    private <T> T post(String path, Map<String, String> form, Class<T> type) {
        var request = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("VK ID {} is unreachable: {}", path, e.getClass().getSimpleName());
            throw new VkIdException(VkIdException.Kind.UNREACHABLE, path, null, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VkIdException(VkIdException.Kind.UNREACHABLE, path, null, 0);
        }
        return read(path, response.statusCode(), response.body(), type);
    }

    private static <T> T read(String path, int status, String body, Class<T> type) {
        try {
            var tree = JSON.readTree(body);
            if (tree.hasNonNull("error") || status >= 400) {
                var error = JSON.treeToValue(tree, VkIdError.class);
                log.info("VK ID {} answered {} (HTTP {})", path, error.error(), status);
                throw new VkIdException(VkIdException.Kind.REJECTED, path, error.error(), status);
            }
            return JSON.treeToValue(tree, type);
        } catch (JacksonException | NumberFormatException e) {
            log.warn("VK ID {} answered something unreadable (HTTP {})", path, status);
            throw new VkIdException(VkIdException.Kind.MALFORMED, path, null, status);
        }
    }

    private String clientId() {
        if (!properties.configured()) {
            throw new IllegalStateException("sferum.vkid.client-id is not configured");
        }
        return properties.clientId();
    }

    private static String encode(Map<String, String> values) {
        return values.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
