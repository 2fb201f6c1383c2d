package ru.paragraf.sferum.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.AccountChangeRefusedException.Reason;
import ru.paragraf.sferum.accounts.AccountChanged.Change;

/**
 * «Учётные записи»: lists accounts in a scope a page at a time, creates operator accounts, disables and re-enables
 * accounts and resets local passwords. Nobody disables their own account or the last enabled city operator; changes
 * of city operators are serialized by a transaction-scoped advisory lock, so two operators disabling each other at
 * once cannot both succeed. Every change publishes {@link AccountChanged} in its transaction (the audit records it
 * there). A disabled account cannot log in; it is never deleted.
 */
@Service
public class AccountAdministration {

    public static final int PAGE_SIZE = 50;
    /** Why an account an administrator disabled is disabled: an import that lists the person again leaves it so. */
    static final String DISABLED_BY_ADMINISTRATOR = "ADMINISTRATOR";
    /** The longest password BCrypt hashes whole. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final long LOCK = 0x5FE2_AC05L;
    private static final String SELECT =
            """
            select a.id, a.username, a.display_name, a.role, a.district_id, a.organization_id, a.enabled,
                   a.password_hash is not null as local_password,
                   (select max(e.occurred_at) from accounts.login_event e
                    where e.account_id = a.id and e.succeeded) as last_login_at
            from accounts.user_account a
            """;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final OperatorDistricts districts;
    private final Clock clock;

    AccountAdministration(
            JdbcClient jdbc,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            OperatorDistricts districts,
            Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
        this.districts = districts;
        this.clock = clock;
    }

    /** The accounts of the scope whose login or name contains {@code search} (any case), by name; page from 0. */
    @Transactional(readOnly = true)
    public AccountPage list(AccountScope scope, String search, int page) {
        // nobody's name or login holds a control character, and PostgreSQL's text cannot hold a NUL
        var pattern = "%"
                + search.replaceAll("\\p{Cntrl}", "")
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
        var where = " where " + scope.predicate()
                + " and (lower(a.username) like :pattern or lower(a.display_name) like :pattern)";
        var total = scope.bind(jdbc.sql("select count(*) from accounts.user_account a" + where))
                .param("pattern", pattern)
                .query(Long.class)
                .single();
        var shown = Math.max(0, page);
        var accounts = scope.bind(jdbc.sql(SELECT + where
                        + " order by lower(a.display_name), lower(a.username) limit :size offset :offset"))
                .param("pattern", pattern)
                .param("size", PAGE_SIZE)
                .param("offset", (long) shown * PAGE_SIZE)
                .query((rs, row) -> summary(rs))
                .list();
        return new AccountPage(accounts, shown, PAGE_SIZE, total);
    }

    /** One account of the scope. */
    @Transactional(readOnly = true)
    public AccountSummary find(AccountScope scope, UUID account) {
        return load(scope, account, false);
    }

    /**
     * Creates an operator account: a city operator creates city and district operators, a district operator district
     * operators of their own district. Without a password the account logs in only through single sign-on.
     */
    @Transactional
    public AccountSummary createOperator(
            CurrentUser actor,
            String username,
            String displayName,
            Role role,
            @Nullable UUID district,
            @Nullable String password) {
        var login = username.strip();
        if (login.isEmpty()
                || login.length() > 100
                || login.chars().anyMatch(c -> Character.isWhitespace(c) || c == 0)) {
            throw new AccountChangeRefusedException(Reason.USERNAME_INVALID);
        }
        var name = displayName.strip();
        if (name.isEmpty()) {
            throw new AccountChangeRefusedException(Reason.NAME_MISSING);
        }
        if (name.length() > 300 || name.chars().anyMatch(Character::isISOControl)) {
            throw new AccountChangeRefusedException(Reason.NAME_INVALID);
        }
        var tiedTo = district(actor, role, district);
        var passwordless = password == null || password.isEmpty();
        if (!passwordless) {
            checkRules(password);
        }
        var id = UUID.randomUUID();
        int inserted;
        try {
            inserted = jdbc.sql(
                            """
                            insert into accounts.user_account (id, username, password_hash, role, display_name, district_id)
                            select :id, :username, :hash, :role, :name, :district
                            where not exists (select 1 from accounts.user_account where lower(username) = lower(:username))
                            """)
                    .param("id", id)
                    .param("username", login)
                    .param("hash", passwordless ? null : passwords.encode(password))
                    .param("role", role.name())
                    .param("name", name)
                    .param("district", tiedTo)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AccountChangeRefusedException(Reason.USERNAME_TAKEN);
        }
        if (inserted == 0) {
            throw new AccountChangeRefusedException(Reason.USERNAME_TAKEN);
        }
        var created = byId(id);
        publish(actor, Change.CREATED, created, passwordless);
        return created;
    }

    /** Disables an account of the scope: it can no longer log in. Disabling a disabled account changes nothing. */
    @Transactional
    public AccountSummary disable(CurrentUser actor, AccountScope scope, UUID account) {
        lock();
        var target = load(scope, account, true);
        if (target.id().equals(actor.accountId())) {
            throw new AccountChangeRefusedException(Reason.SELF);
        }
        if (!target.enabled()) {
            return target;
        }
        if (target.role() == Role.CITY_OPERATOR && otherEnabledCityOperators(target.id()) == 0) {
            throw new AccountChangeRefusedException(Reason.LAST_CITY_OPERATOR);
        }
        // an administrator's disable is theirs: a later import that lists the person again does not undo it
        return change(
                actor,
                Change.DISABLED,
                target,
                "enabled = false, disabled_at = now(), disabled_reason = '" + DISABLED_BY_ADMINISTRATOR + "'");
    }

    /** Re-enables a disabled account of the scope. Enabling an enabled account changes nothing. */
    @Transactional
    public AccountSummary enable(CurrentUser actor, AccountScope scope, UUID account) {
        lock();
        var target = load(scope, account, true);
        if (target.enabled()) {
            return target;
        }
        return change(actor, Change.ENABLED, target, "enabled = true, disabled_at = null, disabled_reason = null");
    }

    /** Sets a new local password chosen by the administrator; accounts of single sign-on have none to reset. */
    @Transactional
    public AccountSummary resetPassword(CurrentUser actor, AccountScope scope, UUID account, String password) {
        var target = load(scope, account, true);
        if (!target.localPassword()) {
            throw new AccountChangeRefusedException(Reason.NO_LOCAL_PASSWORD);
        }
        checkRules(password);
        jdbc.sql("update accounts.user_account set password_hash = :hash where id = :id")
                .param("hash", passwords.encode(password))
                .param("id", target.id())
                .update();
        publish(actor, Change.PASSWORD_RESET, target, false);
        return target;
    }

    /** The password rules of every local password: those of the first operator's. */
    static void checkRules(String password) {
        if (password.length() < FirstOperator.MIN_PASSWORD_LENGTH) {
            throw new AccountChangeRefusedException(Reason.PASSWORD_TOO_SHORT);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountChangeRefusedException(Reason.PASSWORD_TOO_LONG);
        }
    }

    private @Nullable UUID district(CurrentUser actor, Role role, @Nullable UUID district) {
        if (actor.is(Role.CITY_OPERATOR) && role == Role.CITY_OPERATOR) {
            return null;
        }
        if (role != Role.DISTRICT_OPERATOR || !(actor.is(Role.CITY_OPERATOR) || actor.is(Role.DISTRICT_OPERATOR))) {
            throw new AccountChangeRefusedException(Reason.OUT_OF_SCOPE);
        }
        if (actor.is(Role.DISTRICT_OPERATOR)) {
            if (district != null && !district.equals(actor.districtId())) {
                throw new AccountChangeRefusedException(Reason.OUT_OF_SCOPE);
            }
            return actor.districtId();
        }
        if (district == null
                || districts.all().stream().noneMatch(known -> known.id().equals(district))) {
            throw new AccountChangeRefusedException(Reason.UNKNOWN_DISTRICT);
        }
        return district;
    }

    private AccountSummary change(CurrentUser actor, Change change, AccountSummary target, String assignment) {
        jdbc.sql("update accounts.user_account set " + assignment + " where id = :id")
                .param("id", target.id())
                .update();
        var changed = byId(target.id());
        publish(actor, change, changed, false);
        return changed;
    }

    private void publish(CurrentUser actor, Change change, AccountSummary account, boolean passwordless) {
        events.publishEvent(new AccountChanged(
                actor,
                change,
                account.id(),
                account.username(),
                account.role(),
                account.organizationId(),
                account.districtId(),
                passwordless));
    }

    /** The account if the scope reaches it, its row locked for the change when {@code forUpdate}. */
    private AccountSummary load(AccountScope scope, UUID account, boolean forUpdate) {
        var sql = "select a.id from accounts.user_account a where a.id = :id and " + scope.predicate()
                + (forUpdate ? " for update" : "");
        var found =
                scope.bind(jdbc.sql(sql)).param("id", account).query(UUID.class).optional();
        return byId(found.orElseThrow(() -> new AccountNotFoundException(account)));
    }

    private AccountSummary byId(UUID account) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", account)
                .query((rs, row) -> summary(rs))
                .single();
    }

    private int otherEnabledCityOperators(UUID except) {
        return jdbc.sql(
                        """
                        select count(*) from accounts.user_account
                        where role = 'CITY_OPERATOR' and enabled and id <> :id
                        """)
                .param("id", except)
                .query(Integer.class)
                .single();
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .singleRow();
    }

    private AccountSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        var last = rs.getObject("last_login_at", OffsetDateTime.class);
        return new AccountSummary(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getObject("district_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getBoolean("enabled"),
                rs.getBoolean("local_password"),
                last == null ? null : last.atZoneSameInstant(clock.getZone()).toOffsetDateTime());
    }
}
