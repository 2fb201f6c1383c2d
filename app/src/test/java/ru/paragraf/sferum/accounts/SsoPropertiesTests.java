package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** The settings of single sign-on and the claim that names the person. */
class SsoPropertiesTests {

    static final URI ISSUER = URI.create("https://sso.example:8443/realms/school");

    @Test
    void isOffWithoutIssuerAndKeepsThePasswordForm() {
        var sso = properties(null, null, null, false);
        assertThat(sso.enabled()).isFalse();
        assertThat(sso.formLogin())
                .as("local-login=false means nothing without SSO")
                .isTrue();
        assertThat(sso.issuerOrigin()).isNull();
    }

    @Test
    void withIssuerNeedsClientIdAndSecret() {
        assertThatThrownBy(() -> properties(ISSUER, null, "secret", true)).hasMessageContaining("sferum.sso.client-id");
        assertThatThrownBy(() -> properties(ISSUER, "sferum", " ", true))
                .hasMessageContaining("sferum.sso.client-secret");
    }

    @Test
    void neverPrintsTheClientSecret() {
        var sso = properties(ISSUER, "sferum", "s3cr3t-value", true);
        assertThat(sso.toString()).doesNotContain("s3cr3t-value").contains("clientSecret=******", "clientId=sferum");
    }

    @Test
    void alwaysAsksForOpenidAndAllowsLogoutToTheProvidersOrigin() {
        var sso = properties(ISSUER, "sferum", "secret", false);
        assertThat(sso.scopes()).containsExactly("openid", "profile");
        assertThat(sso.formLogin()).isFalse();
        assertThat(sso.issuerOrigin()).isEqualTo("https://sso.example:8443");
    }

    @Test
    void readsThePersonsNameFromTheConfiguredClaim() {
        var token = new OidcIdToken(
                "token",
                null,
                null,
                Map.of("sub", "6f1c", "preferred_username", " p.uchitelev ", "email", "p@school.test", "blank", " "));
        var vouched = new DefaultOidcUser(List.of(), token);
        assertThat(SsoAccounts.identifier(vouched, "preferred_username")).isEqualTo("p.uchitelev");
        assertThat(SsoAccounts.identifier(vouched, "email")).isEqualTo("p@school.test");
        assertThat(SsoAccounts.identifier(vouched, "blank")).isNull();
        assertThat(SsoAccounts.identifier(vouched, "employee_number")).isNull();
    }

    private static SsoProperties properties(URI issuer, String clientId, String secret, boolean localLogin) {
        return new SsoProperties(
                issuer, clientId, secret, null, "preferred_username", List.of("profile"), localLogin, "{baseUrl}/");
    }
}
