/**
 * Secrets at rest: community tokens and teachers' VK tokens are sealed with AES-256-GCM before they reach the
 * database. Keys come from configuration or the environment, never from the database; each sealed value names
 * its key, so keys can be rotated: a new current key seals new values, and
 * {@link ru.paragraf.sferum.secrets.KeyRotation} re-seals old ones when the application is ready (Spring Boot's
 * {@code ApplicationReadyEvent}) through every {@link ru.paragraf.sferum.secrets.SealedValues} bean, which the
 * modules that keep secrets implement ({@code linkbase}, {@code diary}).
 *
 * <p><b>Offers</b> {@link ru.paragraf.sferum.secrets.SecretBox} (seal and open) and
 * {@link ru.paragraf.sferum.secrets.SecretMask} (how a secret may be shown: its ends only), and
 * {@link ru.paragraf.sferum.secrets.OpenedSecrets} (opened values kept in memory for a short while by the module
 * that stores them, forgotten on every change). Owns no table.
 *
 * <p><b>Depends on</b> {@code embedded}: with no key configured, embedded mode generates one into a file beside its
 * database files, and production refuses to start with a short failure report (also for a malformed key). Publishes nothing and listens to no module's events.
 */
@NullMarked
@ApplicationModule(displayName = "Secrets", allowedDependencies = "embedded")
package ru.paragraf.sferum.secrets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
