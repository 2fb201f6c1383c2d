package ru.paragraf.sferum.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/**
 * The stored accounts, looked up by user name at login. An account without a password (single sign-on only) cannot
 * log in with a password: to the form and to HTTP Basic it does not exist, so a wrong guess and such an account get
 * the same answer.
 */
@Repository
class Accounts implements UserDetailsService {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return findByUsername(username)
                .filter(AccountPrincipal::hasPassword)
                .orElseThrow(() -> new UsernameNotFoundException("No account with that user name and a password"));
    }

    /**
     * The account of a user name, case-insensitively. A name with a NUL character has none: PostgreSQL text cannot
     * hold that character, so no account name contains it, and the query would only fail on it.
     */
    Optional<AccountPrincipal> findByUsername(String username) {
        if (username.indexOf('\u0000') >= 0) {
            return Optional.empty();
        }
        return jdbc.sql(
                        """
                        select id, username, display_name, role, district_id, organization_id, employee_id,
                               pupil_id, parent_id, password_hash, enabled
                        from accounts.user_account
                        where lower(username) = lower(:username)
                        """)
                .param("username", username)
                .query((rs, row) -> new AccountPrincipal(
                        new CurrentUser(
                                rs.getObject("id", UUID.class),
                                rs.getString("username"),
                                rs.getString("display_name"),
                                Role.valueOf(rs.getString("role")),
                                rs.getObject("district_id", UUID.class),
                                rs.getObject("organization_id", UUID.class),
                                rs.getObject("employee_id", UUID.class),
                                rs.getObject("pupil_id", UUID.class),
                                rs.getObject("parent_id", UUID.class)),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled")))
                .optional();
    }
}
