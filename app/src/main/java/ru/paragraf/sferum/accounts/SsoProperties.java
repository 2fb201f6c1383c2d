package ru.paragraf.sferum.accounts;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with the city's OpenID Connect identity provider (Keycloak or any other). Off unless
 * {@code issuerUri} is set; then the login page offers «Войти через {@code displayName}».
 *
 * @param issuerUri the provider's issuer, e.g. {@code https://sso.example/realms/school}; its discovery document
 *     ({@code /.well-known/openid-configuration}) is read at the first login, not at start-up
 * @param clientId the client registered for this application at the provider
 * @param clientSecret that client's secret: never logged, never shown
 * @param displayName the provider's name on the button, in the accusative: «Войти через …»; by default
 *     {@code sso.defaultName} of the messages («службу единого входа»)
 * @param usernameClaim the claim of the ID token (or user info) that names the person; it is matched with
 *     {@code accounts.user_account.username}, case-insensitively
 * @param scopes the scopes asked for; {@code openid} is always among them
 * @param localLogin whether the login page also has the form with user name and password (operator accounts)
 * @param postLogoutRedirectUri where the provider sends the browser back after logout; {@code {baseUrl}} is this
 *     application's address as the browser sees it
 */
@ConfigurationProperties("sferum.sso")
record SsoProperties(
        @Nullable URI issuerUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String displayName,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("true") boolean localLogin,
        @DefaultValue("{baseUrl}/login?logout") String postLogoutRedirectUri) {

    /** The registration id, part of the redirect URI registered at the provider. */
    static final String REGISTRATION_ID = "city";

    SsoProperties {
        if (issuerUri != null) {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException(
                        "sferum.sso.issuer-uri is set but sferum.sso.client-id is not: set both, or neither");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException(
                        "sferum.sso.issuer-uri is set but sferum.sso.client-secret is not: set both, or neither");
            }
        }
        if (!scopes.contains("openid")) {
            scopes = Stream.concat(Stream.of("openid"), scopes.stream()).toList();
        }
    }

    boolean enabled() {
        return issuerUri != null;
    }

    /** Whether the login form (and so password login on pages) is offered. */
    boolean formLogin() {
        return !enabled() || localLogin;
    }

    /** The origin of the provider, which page forms may be redirected to (logout). */
    @Nullable
    String issuerOrigin() {
        return issuerUri == null ? null : issuerUri.getScheme() + "://" + issuerUri.getRawAuthority();
    }

    /** Without the secret, which a record would print. */
    @Override
    public String toString() {
        return "SsoProperties[issuerUri=%s, clientId=%s, clientSecret=%s, displayName=%s, usernameClaim=%s, "
                        .formatted(
                                issuerUri, clientId, clientSecret == null ? null : "******", displayName, usernameClaim)
                + "scopes=%s, localLogin=%s, postLogoutRedirectUri=%s]"
                        .formatted(scopes, localLogin, postLogoutRedirectUri);
    }
}
