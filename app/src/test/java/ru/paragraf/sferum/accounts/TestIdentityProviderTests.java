package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.paragraf.sferum.accounts.TestIdentityProvider.Person;

/** The test provider is a real OpenID Connect provider: discovery, and an authorization request without PKCE refused. */
class TestIdentityProviderTests {

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void publishesItsDiscoveryDocumentAndRefusesAuthorizationWithoutPkce() throws Exception {
        try (var provider = TestIdentityProvider.onFreePort()) {
            provider.start(
                    "secret",
                    "http://localhost:1/login/oauth2/code/city",
                    "http://localhost:1/login?logout",
                    List.of(Person.of("someone", "password")));

            var discovery = get(provider.issuer() + "/.well-known/openid-configuration");
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.body())
                    .contains("\"issuer\":\"" + provider.issuer() + "\"")
                    .contains("\"end_session_endpoint\":\"" + provider.issuer() + "/connect/logout\"");

            var withoutPkce = get(provider.issuer() + "/oauth2/authorize?response_type=code&client_id="
                    + TestIdentityProvider.CLIENT_ID
                    + "&scope=openid&state=s&redirect_uri=http://localhost:1/login/oauth2/code/city");
            assertThat(withoutPkce.statusCode()).isEqualTo(302);
            assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                    .startsWith("http://localhost:1/login/oauth2/code/city?error=invalid_request")
                    .contains("code_challenge"));
        }
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
