package ru.paragraf.sferum.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records every login (Spring Security's authentication events) for «Мои входы»: when, how, from which address, and
 * whether it succeeded. A failure is recorded only for an existing account, so guessed names leave nothing behind.
 * The API logs in at every call: a successful HTTP Basic login of an account from one address is recorded once per
 * {@link #API_REPEAT} on this node. Each account keeps its newest {@link #KEPT} logins of the last {@link #KEPT_FOR};
 * older ones are deleted with the insert, in one statement. Recording never fails a login.
 */
@Component
class LoginEvents {

    static final int KEPT = 50;
    static final Duration KEPT_FOR = Duration.ofDays(90);
    static final Duration API_REPEAT = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Cache<String, Boolean> recentApiLogins = Caffeine.newBuilder()
            .expireAfterWrite(API_REPEAT)
            .maximumSize(50_000)
            .build();

    LoginEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        var authentication = success.getAuthentication();
        if (!(authentication.getPrincipal() instanceof SignedInAccount account)) {
            return;
        }
        var method = method(authentication);
        var address = address(authentication);
        var id = account.user().accountId();
        if (method == LoginMethod.HTTP_BASIC && recentApiLogins.asMap().putIfAbsent(id + "|" + address, true) != null) {
            return;
        }
        record(id, method, address, true);
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        var authentication = failure.getAuthentication();
        var name = authentication.getName();
        if (name == null || name.isBlank() || name.indexOf('\u0000') >= 0) {
            return;
        }
        jdbc.sql("select id from accounts.user_account where lower(username) = lower(:username)")
                .param("username", name)
                .query(UUID.class)
                .optional()
                .ifPresent(id -> record(id, method(authentication), address(authentication), false));
    }

    /** The newest logins of an account, newest first. */
    List<LoginRecord> of(UUID account, int limit) {
        return jdbc.sql(
                        """
                        select occurred_at, method, client_address, succeeded from accounts.login_event
                        where account_id = :account order by id desc limit :limit
                        """)
                .param("account", account)
                .param("limit", limit)
                .query((rs, row) -> new LoginRecord(
                        rs.getObject("occurred_at", OffsetDateTime.class)
                                .atZoneSameInstant(clock.getZone())
                                .toOffsetDateTime(),
                        LoginMethod.valueOf(rs.getString("method")),
                        rs.getString("client_address"),
                        rs.getBoolean("succeeded")))
                .list();
    }

    private void record(UUID account, LoginMethod method, @Nullable String address, boolean succeeded) {
        var now = OffsetDateTime.now(clock);
        try {
            jdbc.sql(
                            """
                            with added as (
                                insert into accounts.login_event (account_id, occurred_at, method, client_address, succeeded)
                                values (:account, :now, :method, :address, :succeeded)
                            )
                            delete from accounts.login_event
                            where account_id = :account
                              and (occurred_at < :cutoff
                                   or id <= (select id from accounts.login_event where account_id = :account
                                             order by id desc offset :kept limit 1))
                            """)
                    .param("account", account)
                    .param("now", now)
                    .param("method", method.name())
                    .param("address", address)
                    .param("succeeded", succeeded)
                    .param("cutoff", now.minus(KEPT_FOR))
                    // the statement sees the table before its insert: the newest KEPT - 1 stay, with the new one KEPT
                    .param("kept", KEPT - 1)
                    .update();
        } catch (DataAccessException e) {
            log.warn("The login of account {} could not be recorded in the login history: {}", account, e.toString());
        }
    }

    private static LoginMethod method(Authentication authentication) {
        if (authentication instanceof OAuth2LoginAuthenticationToken
                || authentication.getPrincipal() instanceof AccountOidcUser) {
            return LoginMethod.SSO;
        }
        var request = request();
        var header = request == null ? null : request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6)
                ? LoginMethod.HTTP_BASIC
                : LoginMethod.FORM;
    }

    private static @Nullable String address(Authentication authentication) {
        var request = request();
        if (request != null) {
            return request.getRemoteAddr();
        }
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }

    private static @Nullable HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
