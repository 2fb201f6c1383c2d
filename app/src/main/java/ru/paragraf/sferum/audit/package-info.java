/**
 * Audit: who changed what and when — community credentials, exchange tasks and runs, subject-chat selectors, VK ID
 * links, pauses of the synchronization — and who was refused at single sign-on.
 *
 * <p><b>Owns</b> (schema {@code audit}) the entries. Modules record an entry through
 * {@link ru.paragraf.sferum.audit.AuditTrail} inside the transaction of the change itself, so a change and its audit
 * entry are committed together or not at all; pages read an organization's latest entries back as
 * {@link ru.paragraf.sferum.audit.AuditRecord}. Entries never hold secrets.
 *
 * <p><b>Depends on</b> {@code accounts} (who acted: {@link ru.paragraf.sferum.accounts.CurrentUser}). Listens to
 * {@link ru.paragraf.sferum.accounts.SsoLoginRefused}, and to
 * {@link ru.paragraf.sferum.accounts.FirstOperatorCreated}, {@link ru.paragraf.sferum.accounts.AccountChanged} and
 * {@link ru.paragraf.sferum.accounts.LoginLockLifted} (synchronously, in the transaction of the change); publishes
 * nothing.
 */
@NullMarked
@ApplicationModule(displayName = "Audit", allowedDependencies = "accounts")
package ru.paragraf.sferum.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
