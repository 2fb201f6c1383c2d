/**
 * Accounts: who can log in, with which role, scoped to which district or organization.
 *
 * <p><b>Owns</b> (schema {@code accounts}) the user accounts with their password hashes (none for accounts that log in
 * only through the identity provider); the form login ({@code /login}), single sign-on with the city's OpenID Connect
 * provider ({@code sferum.sso.*}: an account is matched by user name, never created at login), the HTTP Basic login
 * of the API held back after failed logins in a row ({@code sferum.login.throttle.*}, state in the table
 * {@code login_throttle}, shared by all nodes), the access policy of URLs, and the security headers of every answer
 * ({@link ru.paragraf.sferum.accounts.SecurityHeaders}, also written by the root package's error answers). Data-level
 * scoping is done by each module's queries with the ids of the current user.
 *
 * <p><b>Offers</b> {@link ru.paragraf.sferum.accounts.CurrentUser} (resolved as a controller argument, exposed to
 * templates as {@code currentUser} and to API clients at {@code /api/me}), {@link ru.paragraf.sferum.accounts.Role},
 * and {@link ru.paragraf.sferum.accounts.AccountRegistration} with {@link ru.paragraf.sferum.accounts.NewAccount} for
 * bulk creation of accounts, {@link ru.paragraf.sferum.accounts.RosterAccounts} that keeps the accounts of the
 * school data's people ({@link ru.paragraf.sferum.accounts.RosterPerson}, plain records; accounts/V3) in the caller's
 * transaction: created without a password, renamed with the old login kept, disabled when they leave, enabled when
 * they come back; and {@link ru.paragraf.sferum.accounts.LoginLocks} (an administrator lifts a login lock,
 * {@code DELETE /api/accounts/login-locks/{username}}). Needs {@link ru.paragraf.sferum.accounts.OrganizationDistricts}
 * (implemented by {@code school}) to know the district of a school's account. Creates the first city operator of a
 * new installation from
 * {@code sferum.bootstrap.operator} at start while none exists ({@code FirstOperator}).
 *
 * <p><b>Administration</b> («Учётные записи»): {@link ru.paragraf.sferum.accounts.AccountAdministration} lists the
 * accounts of an {@link ru.paragraf.sferum.accounts.AccountScope} (an operator's operators, or one school's people,
 * whose visibility the school module checks) a page at a time, creates operator accounts, disables, re-enables and
 * resets local passwords; nobody disables themselves or the last enabled city operator. Pages {@code /accounts} and API
 * {@code /api/accounts} for operators; the districts to choose come through the SPI
 * {@link ru.paragraf.sferum.accounts.OperatorDistricts}, implemented by {@code school}. «Мои входы» ({@code /me/logins},
 * {@code /api/me/logins}): every login recorded from Spring Security's authentication events
 * ({@code accounts.login_event}, the newest 50 per account within 90 days).
 *
 * <p><b>Depends on</b> no other module. Publishes {@link ru.paragraf.sferum.accounts.SsoLoginRefused} (recorded by
 * the audit), and {@link ru.paragraf.sferum.accounts.FirstOperatorCreated},
 * {@link ru.paragraf.sferum.accounts.AccountChanged} and {@link ru.paragraf.sferum.accounts.LoginLockLifted}
 * (synchronously, in the transaction of the change, for the audit); listens to Spring Security's authentication
 * events only.
 */
@NullMarked
@ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {})
package ru.paragraf.sferum.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
