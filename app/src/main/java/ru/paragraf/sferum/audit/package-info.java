/**
 * Audit: who changed what and when — credentials, exchange tasks, subject-chat selectors, VK ID links.
 *
 * <p>Modules record an entry through {@link ru.paragraf.sferum.audit.AuditTrail} inside the transaction of the
 * change itself, so a change and its audit entry are committed together or not at all. Entries never hold
 * secrets. Publishes and listens to nothing.
 */
@NullMarked
@ApplicationModule(displayName = "Audit", allowedDependencies = "accounts")
package ru.paragraf.sferum.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
