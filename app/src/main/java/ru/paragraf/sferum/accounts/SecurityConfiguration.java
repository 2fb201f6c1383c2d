package ru.paragraf.sferum.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The access policy of URLs. Pages use form login with CSRF protection and a new session id on login, and with
 * {@code sferum.sso.*} configured also single sign-on through the city's OpenID Connect provider (the form may then
 * be switched off); the API under {@code /api} uses HTTP Basic without sessions, so a browser's session cookie never
 * authorizes API calls and CSRF does not apply there. Which rows a role may see is decided by the modules' scoped
 * queries.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SsoProperties.class)
class SecurityConfiguration {

    private static final String[] ADMINISTRATORS = {"CITY_OPERATOR", "DISTRICT_OPERATOR", "SCHOOL_ADMIN"};
    private static final String[] STAFF = {"CITY_OPERATOR", "DISTRICT_OPERATOR", "SCHOOL_ADMIN", "TEACHER"};
    private static final String[] DIARY = {"TEACHER", "PUPIL", "PARENT"};

    /** Pages of administrators only; teachers see their journals but not staff files or imports. */
    static final String[] ADMINISTRATOR_PAGES = {
        "/orgs",
        "/orgs/*/staff/**",
        "/staff/**",
        "/import/**",
        "/orgs/*/exchange-tasks/**",
        "/exchange-tasks/**",
        "/exchange-runs/**",
        "/orgs/*/readiness",
        "/orgs/*/audit",
        "/orgs/*/sync-preview",
        "/orgs/*/removal-hold/**",
        "/orgs/*/chat-policy",
        "/orgs/*/accounts/**",
        "/orgs/*/year-close"
    };

    /** API of administrators only: school data of staff files, imports, exchange tasks and runs. */
    static final String[] ADMINISTRATOR_API = {
        "/api/orgs",
        "/api/orgs/*/employees/**",
        "/api/employees/**",
        "/api/import/**",
        "/api/orgs/*/exchange-tasks/**",
        "/api/exchange-tasks/**",
        "/api/exchange-runs/**",
        "/api/exchange-task-types",
        "/api/orgs/*/readiness",
        "/api/orgs/*/audit",
        "/api/orgs/*/sync-preview",
        "/api/orgs/*/removal-hold/**",
        "/api/orgs/*/chat-policy",
        "/api/orgs/*/accounts/**",
        "/api/orgs/*/year-close"
    };

    static final String[] STAFF_PAGES = {"/orgs/**", "/journals/**", "/lessons/**"};

    /** bcrypt hashes; a successful check is remembered for five minutes ({@link VerifiedPasswords}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5), 10_000);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SecurityHeaders securityHeaders, LockedLoginAnswers lockedLogins)
            throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/api/openapi/**", "/api/docs/**", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("CITY_OPERATOR")
                        // MAX posts a bot's updates here; MaxWebhookApi checks the bot's secret header
                        .requestMatchers(HttpMethod.POST, "/api/max/updates/*")
                        .permitAll()
                        // «База ссылок»: administrators only, not teachers
                        .requestMatchers("/api/orgs/*/sferum-community/**", "/api/orgs/*/messenger/**")
                        .hasAnyRole(ADMINISTRATORS)
                        .requestMatchers("/api/me", "/api/me/**")
                        .authenticated()
                        // «Уведомления»: everyone's own
                        .requestMatchers("/api/notices", "/api/notices/**")
                        .authenticated()
                        // lifting a login lock: administrators, each for the accounts of their scope (LoginLocks)
                        .requestMatchers("/api/accounts/login-locks/**")
                        .hasAnyRole(ADMINISTRATORS)
                        // «Учётные записи» of operators
                        .requestMatchers("/api/accounts/**")
                        .hasAnyRole("CITY_OPERATOR", "DISTRICT_OPERATOR")
                        // «Готовность к работе со Сферум» of a district and of the city: operators only
                        .requestMatchers("/api/districts/*/readiness", "/api/districts/*/year-close")
                        .hasAnyRole("CITY_OPERATOR", "DISTRICT_OPERATOR")
                        .requestMatchers("/api/readiness")
                        .hasRole("CITY_OPERATOR")
                        .requestMatchers(ADMINISTRATOR_API)
                        .hasAnyRole(ADMINISTRATORS)
                        .requestMatchers("/api/orgs/**", "/api/journals/**", "/api/lessons/**")
                        .hasAnyRole(STAFF)
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(lockedLogins.basic()))
                .headers(headers -> securityHeaders.configure(headers, securityHeaders.api()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            SecurityHeaders securityHeaders,
            SsoProperties sso,
            SsoAccounts accounts,
            LockedLoginAnswers lockedLogins)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                SsoFailures.PAGE,
                                "/demo",
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico")
                        .permitAll()
                        // «Система мониторинга информационных ресурсов»: hand-down files of operators, the link base of
                        // administrators
                        .requestMatchers("/linkbase/import/**")
                        .hasAnyRole("CITY_OPERATOR", "DISTRICT_OPERATOR")
                        .requestMatchers("/linkbase", "/orgs/*/linkbase/**")
                        .hasAnyRole(ADMINISTRATORS)
                        .requestMatchers(ADMINISTRATOR_PAGES)
                        .hasAnyRole(ADMINISTRATORS)
                        .requestMatchers("/accounts/**")
                        .hasAnyRole("CITY_OPERATOR", "DISTRICT_OPERATOR")
                        .requestMatchers("/districts/*/readiness", "/districts/*/year-close")
                        .hasAnyRole("CITY_OPERATOR", "DISTRICT_OPERATOR")
                        .requestMatchers("/readiness")
                        .hasRole("CITY_OPERATOR")
                        // the mail the demo kept instead of sending: the city operator's
                        .requestMatchers("/demo/mail")
                        .hasRole("CITY_OPERATOR")
                        .requestMatchers(STAFF_PAGES)
                        .hasAnyRole(STAFF)
                        // the week, «Чаты» and the VK ID link: every diary role, each for their own person
                        .requestMatchers("/diary/**")
                        .hasAnyRole(DIARY)
                        .anyRequest()
                        .authenticated())
                .headers(headers -> securityHeaders.configure(headers, securityHeaders.pages()));
        if (sso.formLogin()) {
            http.formLogin(login ->
                    login.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(lockedLogins.form()));
        }
        if (sso.enabled()) {
            singleSignOn(http, sso, accounts);
        } else {
            http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        }
        return http.build();
    }

    /**
     * OpenID Connect login (authorization code with PKCE, the ID token's nonce and signature checked by Spring), the
     * person matched with an account by {@link SsoAccounts}; every failure ends on the Russian page of
     * {@link SsoFailures}. Logout of such a session also ends the provider's (RP-initiated logout); a password
     * session logs out here only.
     */
    private static void singleSignOn(HttpSecurity http, SsoProperties sso, SsoAccounts accounts) {
        var registrations = new SsoClientRegistrations(sso);
        var failures = new SsoFailures(sso);
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(registrations)
                // the tokens live as long as the session, not in a map of the node that outlives it
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(accounts))
                .defaultSuccessUrl("/", true)
                .failureHandler(failures)
                .addObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    // the provider's discovery document unreadable at «Войти через …»: the same page, not a 500
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(failures);
                        return filter;
                    }
                }));
        var endSession = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endSession.setPostLogoutRedirectUri(sso.postLogoutRedirectUri());
        endSession.setDefaultTargetUrl("/login?logout");
        http.logout(logout -> logout.logoutSuccessHandler(endSession));
    }
}
