package ru.paragraf.sferum.accounts;

import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts; passwords are stored only as hashes of the configured {@link PasswordEncoder}, and accounts of
 * single sign-on have none.
 */
@Service
public class AccountRegistration {

    private static final String INSERT =
            """
            insert into accounts.user_account
                (id, username, password_hash, role, display_name, district_id, organization_id,
                 employee_id, pupil_id, parent_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    AccountRegistration(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /**
     * Creates many accounts that share one initial password, in one batch. The password is hashed once: hashing
     * is deliberately slow, and thousands of demo accounts must not take minutes.
     */
    @Transactional
    public void registerAll(Collection<NewAccount> accounts, String initialPassword) {
        insert(accounts, passwords.encode(initialPassword));
    }

    /**
     * Creates accounts that log in only through the identity provider (single sign-on): no password is stored, and
     * the login form and HTTP Basic refuse them like an unknown user name.
     */
    @Transactional
    public void registerAllWithoutPassword(Collection<NewAccount> accounts) {
        insert(accounts, null);
    }

    private void insert(Collection<NewAccount> accounts, @Nullable String hash) {
        jdbc.batchUpdate(INSERT, accounts, 1000, (statement, account) -> {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, account.username());
            statement.setString(3, hash);
            statement.setString(4, account.role().name());
            statement.setString(5, account.displayName());
            statement.setObject(6, account.districtId());
            statement.setObject(7, account.organizationId());
            statement.setObject(8, account.employeeId());
            statement.setObject(9, account.pupilId());
            statement.setObject(10, account.parentId());
        });
    }

    /** Creates one account with its own password; returns the new account's id. */
    @Transactional
    public UUID register(NewAccount account, String password) {
        var id = UUID.randomUUID();
        jdbc.update(
                INSERT,
                id,
                account.username(),
                passwords.encode(password),
                account.role().name(),
                account.displayName(),
                account.districtId(),
                account.organizationId(),
                account.employeeId(),
                account.pupilId(),
                account.parentId());
        return id;
    }

    public boolean exists(String username) {
        var count = jdbc.queryForObject(
                "select count(*) from accounts.user_account where lower(username) = lower(?)", Integer.class, username);
        return count != null && count > 0;
    }
}
