package ru.paragraf.sferum.accounts;

import static org.springframework.security.config.Customizer.withDefaults;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect identity provider for the tests: Spring Authorization Server in a small Spring application
 * of its own, on Tomcat at {@code http://127.0.0.1:<port>}, with people who log in on its login page and the one
 * client of the application under test. Like Keycloak, its {@code sub} is an opaque id and the login name comes as
 * {@code preferred_username}; the client must send PKCE, and RP-initiated logout ends the provider's session.
 *
 * <p>The port is reserved when the object is made and the server started later ({@link #start}), so that a test can
 * first see the application meet a provider that is down.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "sferum";

    /** A person the provider knows: the login name and password typed on its page, and the claims it vouches for. */
    public record Person(String login, String password, @Nullable String preferredUsername, String email) {

        public static Person of(String login, String password) {
            return new Person(login, password, login, login.toLowerCase() + "@school.test");
        }

        /** A person for whom the provider sends no {@code preferred_username}. */
        public Person withoutPreferredUsername() {
            return new Person(login, password, null, email);
        }

        String subject() {
            return UUID.nameUUIDFromBytes(login.getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
    }

    private final int port;
    private final AtomicReference<RegisteredClient> client = new AtomicReference<>();
    private @Nullable ConfigurableApplicationContext context;

    private TestIdentityProvider(int port) {
        this.port = port;
    }

    /** A provider that will listen on a port free now; nothing answers there until {@link #start}. */
    public static TestIdentityProvider onFreePort() {
        try (var socket = new ServerSocket(0)) {
            return new TestIdentityProvider(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the server with the application's client (its secret and callback addresses) and these people. */
    public void start(String clientSecret, String redirectUri, String postLogoutRedirectUri, List<Person> people) {
        client.set(client(clientSecret, redirectUri, postLogoutRedirectUri));
        context = new SpringApplicationBuilder(Server.class)
                .web(WebApplicationType.SERVLET)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("testProvider", this);
                    context.getBeanFactory().registerSingleton("people", new People(people));
                })
                .properties(Map.of(
                        "server.port", port,
                        "server.address", "127.0.0.1",
                        // the protocol endpoints are filters; Tomcat runs filters only for a request some servlet maps
                        "server.servlet.register-default-servlet", true,
                        // its own session cookie: a browser shares cookies of one host across ports
                        "server.servlet.session.cookie.name", "IDPSESSION",
                        "spring.main.banner-mode", "off",
                        // not the application's settings, nor its embedded mode's VK emulator
                        "spring.config.name", "test-identity-provider",
                        "sferum.embedded.vk-emulator.enabled", false,
                        "spring.main.register-shutdown-hook", false,
                        "spring.application.name", "test-identity-provider"))
                .run();
    }

    /** The provider now expects another secret from the client, as when the city rotated it. */
    public void changeClientSecret(String clientSecret) {
        var current = Objects.requireNonNull(client.get());
        client.set(RegisteredClient.from(current)
                .clientSecret("{noop}" + clientSecret)
                .build());
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }

    private static RegisteredClient client(String secret, String redirectUri, String postLogoutRedirectUri) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(redirectUri)
                .postLogoutRedirectUri(postLogoutRedirectUri)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .build();
    }

    RegisteredClient registeredClient() {
        return Objects.requireNonNull(client.get());
    }

    /** The people of the provider, by login name. */
    record People(List<Person> all) {

        @Nullable
        Person byLogin(String login) {
            return all.stream()
                    .filter(it -> it.login().equals(login))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The provider's Spring application: only Tomcat, Spring Security and the authorization server. */
    @EnableWebSecurity
    @ImportAutoConfiguration(TomcatServletWebServerAutoConfiguration.class)
    static class Server {

        @Bean
        DelegatingFilterProxyRegistrationBean securityFilter() {
            return new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
        }

        @Bean
        @Order(1)
        SecurityFilterChain protocol(HttpSecurity http) {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(withDefaults());
                    })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .oauth2ResourceServer(resources -> resources.jwt(withDefaults()))
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users(People people) {
            return new InMemoryUserDetailsManager(people.all().stream()
                    .map(person -> User.withUsername(person.login())
                            .password("{noop}" + person.password())
                            .roles("USER")
                            .build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients(TestIdentityProvider provider) {
            return new RegisteredClientRepository() {
                /** The server saves the client back when it re-encodes the secret after a check. */
                @Override
                public void save(RegisteredClient registeredClient) {
                    provider.client.set(registeredClient);
                }

                @Override
                public @Nullable RegisteredClient findById(String id) {
                    var client = provider.registeredClient();
                    return client.getId().equals(id) ? client : null;
                }

                @Override
                public @Nullable RegisteredClient findByClientId(String clientId) {
                    var client = provider.registeredClient();
                    return client.getClientId().equals(clientId) ? client : null;
                }
            };
        }

        /** Keycloak-like claims: an opaque {@code sub}, the login name as {@code preferred_username}, the e-mail. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(People people) {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                var person = people.byLogin(context.getPrincipal().getName());
                if (person == null) {
                    return;
                }
                context.getClaims().subject(person.subject()).claim("email", person.email());
                if (person.preferredUsername() != null) {
                    context.getClaims().claim("preferred_username", person.preferredUsername());
                }
            };
        }

        @Bean
        AuthorizationServerSettings settings(TestIdentityProvider provider) {
            return AuthorizationServerSettings.builder()
                    .issuer(provider.issuer())
                    .build();
        }

        @Bean
        JWKSource<SecurityContext> keys() {
            try {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                var key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                        .privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID(UUID.randomUUID().toString())
                        .build();
                return new ImmutableJWKSet<>(new JWKSet(key));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }
    }
}
