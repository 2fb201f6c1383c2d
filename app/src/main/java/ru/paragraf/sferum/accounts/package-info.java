/**
 * Accounts: who can log in, with which role, scoped to which district or organization.
 *
 * <p>Offers {@link ru.paragraf.sferum.accounts.CurrentUser} (resolved as a controller argument and exposed to
 * templates as {@code currentUser}) and {@link ru.paragraf.sferum.accounts.AccountRegistration} for bulk creation
 * of accounts. Owns the form login, the HTTP Basic login of the API, and the access policy of URLs; data-level
 * scoping is done by each module's queries with the ids of the current user. Publishes and listens to nothing.
 */
@NullMarked
@ApplicationModule(displayName = "Accounts")
package ru.paragraf.sferum.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
