package ru.paragraf.sferum.accounts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An administrator lifted the login lock of an account and forgot its failed logins (published synchronously, in
 * the transaction that does it, for the audit).
 *
 * @param by the administrator
 * @param organization the account's organization; none for an operator's account
 * @param hadFailures whether the account had failed logins or a lock on record at all
 */
public record LoginLockLifted(
        CurrentUser by, UUID account, String username, @Nullable UUID organization, boolean hadFailures) {}
