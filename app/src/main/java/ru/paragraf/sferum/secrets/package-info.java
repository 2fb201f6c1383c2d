/**
 * Secrets at rest: community tokens and teachers' VK tokens are sealed with AES-256-GCM before they reach the
 * database. Keys come from configuration or the environment, never from the database; each sealed value names
 * its key, so keys can be rotated: a new current key seals new values, and {@link ru.paragraf.sferum.secrets.KeyRotation}
 * re-seals old ones at start-up through every {@link ru.paragraf.sferum.secrets.SealedValues} bean.
 * Publishes and listens to nothing.
 */
@NullMarked
@ApplicationModule(displayName = "Secrets", allowedDependencies = "embedded")
package ru.paragraf.sferum.secrets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
