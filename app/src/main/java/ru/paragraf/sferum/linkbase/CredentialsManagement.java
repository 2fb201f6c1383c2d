package ru.paragraf.sferum.linkbase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.school.OrganizationSummary;

/**
 * Entering, re-verifying and removing an organization's Sferum community. The caller has checked that the person may
 * see the organization. Sferum is asked first, outside any transaction; then the outcome is stored.
 *
 * <p>Credentials that Sferum definitely refuses are not stored: a school admin who mistyped the token keeps the
 * credentials that worked, and learns precisely what is wrong. Credentials that could not be checked because Sferum
 * was unreachable are stored as «не проверены» and re-verified automatically.
 */
@Service
class CredentialsManagement {

    private static final Logger log = LoggerFactory.getLogger(CredentialsManagement.class);

    private final SferumCommunities communities;
    private final CredentialsChanges changes;
    private final CommunityVerifier verifier;
    private final Clock clock;

    CredentialsManagement(
            SferumCommunities communities, CredentialsChanges changes, CommunityVerifier verifier, Clock clock) {
        this.communities = communities;
        this.changes = changes;
        this.verifier = verifier;
        this.clock = clock;
    }

    Optional<StoredCommunity> find(OrganizationSummary organization) {
        return communities.find(organization.id());
    }

    SaveOutcome save(
            CurrentUser user,
            OrganizationSummary organization,
            @Nullable String communityId,
            @Nullable String token,
            String channel) {
        var checked = CredentialsInput.check(communityId, token);
        var credentials = checked.credentials();
        if (credentials == null) {
            return new SaveOutcome.Invalid(checked.problems());
        }
        var holder = communities.holderOf(credentials.communityId());
        var verdict = verifier.verify(credentials.communityId(), credentials.token());
        log.info(
                "Verified Sferum community {} of organization {} with token {}: {}",
                credentials.communityId(),
                organization.id(),
                credentials.token().masked(),
                describe(verdict));
        if (verdict instanceof CommunityVerdict.Rejected refused) {
            changes.recordRefusal(user, organization.id(), credentials, refused.reason(), channel);
            return new SaveOutcome.Refused(credentials.communityId(), refused.reason());
        }
        // told only after Sferum accepted the token: who holds a community is not for everyone who guesses ids
        if (holder.isPresent() && !holder.get().equals(organization.id())) {
            return new SaveOutcome.Taken(credentials.communityId());
        }
        try {
            return new SaveOutcome.Saved(
                    changes.save(user, organization.id(), credentials, verdict, OffsetDateTime.now(clock), channel));
        } catch (CommunityTakenException e) {
            return new SaveOutcome.Taken(credentials.communityId());
        }
    }

    /** Asks Sferum again about the stored credentials; empty when there are none. */
    Optional<Reverification> verifyAgain(CurrentUser user, OrganizationSummary organization) {
        return communities.find(organization.id()).map(stored -> {
            var verdict = verify(stored);
            var updated = changes.recordVerdict(user, stored, verdict)
                    .orElseGet(() -> communities.find(organization.id()).orElse(stored));
            return new Reverification(updated, verdict);
        });
    }

    /** What «Проверить ещё раз» found, and the credentials after it. */
    record Reverification(StoredCommunity community, CommunityVerdict verdict) {}

    Optional<StoredCommunity> remove(CurrentUser user, OrganizationSummary organization) {
        return changes.remove(user, organization.id());
    }

    /** Asks Sferum about stored credentials; used by «Проверить ещё раз» and the re-verification job. */
    CommunityVerdict verify(StoredCommunity stored) {
        var token = communities.opened(stored).token();
        var verdict = verifier.verify(stored.communityId(), token);
        log.info(
                "Re-verified Sferum community {} of organization {} with token {}: {}",
                stored.communityId(),
                stored.organizationId(),
                token.masked(),
                describe(verdict));
        return verdict;
    }

    static String describe(CommunityVerdict verdict) {
        if (verdict instanceof CommunityVerdict.Verified) {
            return "verified";
        }
        if (verdict instanceof CommunityVerdict.Rejected refused) {
            return "refused, " + refused.reason();
        }
        return "Sferum unreachable, " + ((CommunityVerdict.Unreachable) verdict).cause();
    }
}
