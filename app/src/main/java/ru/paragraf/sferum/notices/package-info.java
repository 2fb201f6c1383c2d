/**
 * People told when they must act: in-app notices (the bell with the unread count in every page's header, the page
 * «Уведомления» {@code /notices}, API {@code /api/notices}) and a daily email digest of them.
 *
 * <p><b>Causes</b> (each listened to after commit): the teacher's VK ID must be linked again ({@code diary}), a call
 * could not be started for their lesson and their subject chat was created ({@code sync}); the school admin's
 * community credentials failed ({@code linkbase}, {@code sync}'s pause), an exchange run found errors
 * ({@code exchange}), strangers were removed from a chat ({@code sync}); the district operator's daily summary of
 * schools not ready ({@code readiness}). A notice has a cause key: nothing is told twice while the cause is open, and
 * a fixed cause (re-linked, credentials verified, a clean run, all schools ready) closes its notice.
 *
 * <p><b>Email</b>: a person gives an address and may turn mail off on the notices page; a cluster-wide Quartz job
 * sends each person at most one digest a day of the open notices they have neither read nor been mailed. With no
 * {@code spring.mail.host} (the embedded demo) nothing is sent: the mail is stored and shown on {@code /demo/mail}.
 *
 * <p><b>Owns</b> the schema {@code notices}. <b>Depends on</b> {@code accounts} (the person), {@code school},
 * {@code diary}, {@code linkbase}, {@code exchange}, {@code sync} and {@code readiness} (their events and the
 * readiness summary). Publishes nothing.
 */
@NullMarked
@ApplicationModule(
        displayName = "Notices",
        allowedDependencies = {"accounts", "school", "diary", "linkbase", "exchange", "sync", "readiness"})
package ru.paragraf.sferum.notices;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
