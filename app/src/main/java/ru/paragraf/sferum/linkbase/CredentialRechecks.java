package ru.paragraf.sferum.linkbase;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-verifies «не проверены» credentials once they are due, with growing waits between attempts. Several nodes may
 * run it at once: each takes due rows with {@code for update skip locked} and holds them for a lease, so no
 * credentials are checked twice at the same time, and a node that dies leaves them to another after the lease.
 */
@Component
class CredentialRechecks {

    private static final Logger log = LoggerFactory.getLogger(CredentialRechecks.class);

    private final SferumCommunities communities;
    private final CredentialsManagement management;
    private final CredentialsChanges changes;
    private final BotCredentials bots;
    private final LinkbaseProperties properties;
    private final Clock clock;

    CredentialRechecks(
            SferumCommunities communities,
            CredentialsManagement management,
            CredentialsChanges changes,
            BotCredentials bots,
            LinkbaseProperties properties,
            Clock clock) {
        this.communities = communities;
        this.management = management;
        this.changes = changes;
        this.bots = bots;
        this.properties = properties;
        this.clock = clock;
    }

    /** Re-verifies what is due now; returns how many credentials got a definite verdict. */
    int runOnce() {
        var recheck = properties.recheck();
        var due = communities.claimDue(OffsetDateTime.now(clock), recheck.lease(), recheck.batchSize());
        int settled = 0;
        for (var stored : due) {
            try {
                var verdict = management.verify(stored);
                changes.recordVerdict(null, stored, verdict);
                if (!(verdict instanceof CommunityVerdict.Unreachable)) {
                    settled++;
                }
            } catch (RuntimeException e) {
                // the lease runs out and another run tries again
                log.error(
                        "Re-verification of the Sferum community of organization {} failed",
                        stored.organizationId(),
                        e);
            }
        }
        if (!due.isEmpty()) {
            log.info("Re-verified {} unverified Sferum credentials, {} got a verdict", due.size(), settled);
        }
        return settled + bots.recheckDue();
    }
}
