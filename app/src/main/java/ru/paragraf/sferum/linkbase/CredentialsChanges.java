package ru.paragraf.sferum.linkbase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;
import ru.paragraf.sferum.secrets.SecretBox;

/**
 * Every change of stored credentials, each in one transaction with its audit entry and its event. Never calls
 * Sferum: verdicts are reached before, outside any transaction.
 */
@Service
class CredentialsChanges {

    static final String SAVED = "CREDENTIALS_SAVED";
    static final String REPLACED = "CREDENTIALS_REPLACED";
    static final String REMOVED = "CREDENTIALS_REMOVED";
    static final String VERIFIED = "CREDENTIALS_VERIFIED";
    static final String REJECTED = "CREDENTIALS_REJECTED";

    private final SferumCommunities communities;
    private final SecretBox box;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final LinkbaseProperties properties;
    private final Clock clock;

    CredentialsChanges(
            SferumCommunities communities,
            SecretBox box,
            AuditTrail audit,
            ApplicationEventPublisher events,
            LinkbaseProperties properties,
            Clock clock) {
        this.communities = communities;
        this.box = box;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores credentials that Sferum did not refuse: verified, or «не проверены» when it could not be asked.
     *
     * @param verdictAt when Sferum gave the verdict (for a hand-down row: at the preview)
     * @param channel how they came: {@code form}, {@code api}, {@code handdown:<id>}
     * @throws CommunityTakenException when another organization holds the community
     */
    @Transactional
    StoredCommunity save(
            @Nullable CurrentUser actor,
            UUID organization,
            Credentials credentials,
            CommunityVerdict verdict,
            OffsetDateTime verdictAt,
            String channel) {
        if (verdict instanceof CommunityVerdict.Rejected) {
            throw new IllegalArgumentException("Refused credentials are not stored");
        }
        var now = OffsetDateTime.now(clock);
        var previous = communities.findForUpdate(organization);
        var token = credentials.token();
        var verified = verdict instanceof CommunityVerdict.Verified ok ? ok : null;
        var stored = new StoredCommunity(
                organization,
                credentials.communityId(),
                verified == null ? null : verified.communityName(),
                box.seal(token.value(), StoredCommunity.tokenContext(organization)),
                token.masked(),
                verified == null ? VerificationState.UNVERIFIED : VerificationState.VERIFIED,
                null,
                verified == null ? null : verdictAt,
                verdictAt,
                verified == null ? 1 : 0,
                verified == null ? now.plus(properties.recheck().backoff(1)) : null,
                now,
                actorName(actor),
                0);
        try {
            communities.save(stored);
        } catch (DuplicateKeyException e) {
            throw new CommunityTakenException(credentials.communityId());
        }
        var entry = entry(actor, organization, previous.isPresent() ? REPLACED : SAVED)
                .with("communityId", credentials.communityId())
                .with("token", token.masked())
                .with("state", stored.state().name())
                .with("channel", channel);
        if (previous.isPresent()) {
            entry = entry.with("previousCommunityId", previous.get().communityId())
                    .with("previousToken", previous.get().tokenMasked());
        }
        audit.record(entry);
        events.publishEvent(new CommunityCredentialsChanged(organization, credentials.communityId(), stored.state()));
        return communities.find(organization).orElseThrow();
    }

    /**
     * Records Sferum's verdict on the credentials as they were at {@code checked}'s version; a verdict on credentials
     * replaced meanwhile is dropped. Audited when a person asked for it or when the state changed.
     */
    @Transactional
    Optional<StoredCommunity> recordVerdict(
            @Nullable CurrentUser actor, StoredCommunity checked, CommunityVerdict verdict) {
        var now = OffsetDateTime.now(clock);
        var updated = apply(checked, verdict, now);
        if (!communities.recordVerdict(updated)) {
            return Optional.empty();
        }
        boolean changed = updated.state() != checked.state() || updated.failure() != checked.failure();
        if (actor != null || changed) {
            var entry = entry(actor, checked.organizationId(), VERIFIED)
                    .with("communityId", checked.communityId())
                    .with("token", checked.tokenMasked())
                    .with("result", result(verdict))
                    .with("state", updated.state().name());
            audit.record(entry);
        }
        if (changed) {
            events.publishEvent(
                    new CommunityCredentialsChanged(checked.organizationId(), checked.communityId(), updated.state()));
        }
        return communities.find(checked.organizationId());
    }

    /** Audits credentials that Sferum refused and that were therefore not stored. */
    @Transactional
    void recordRefusal(
            CurrentUser actor, UUID organization, Credentials credentials, RejectionReason reason, String channel) {
        audit.record(entry(actor, organization, REJECTED)
                .with("communityId", credentials.communityId())
                .with("token", credentials.token().masked())
                .with("reason", reason.name())
                .with("channel", channel));
    }

    @Transactional
    Optional<StoredCommunity> remove(CurrentUser actor, UUID organization) {
        var removed = communities.delete(organization);
        removed.ifPresent(community -> {
            audit.record(entry(actor, organization, REMOVED)
                    .with("communityId", community.communityId())
                    .with("token", community.tokenMasked()));
            events.publishEvent(new CommunityCredentialsChanged(organization, community.communityId(), null));
        });
        return removed;
    }

    private StoredCommunity apply(StoredCommunity checked, CommunityVerdict verdict, OffsetDateTime now) {
        if (verdict instanceof CommunityVerdict.Verified ok) {
            return checked.verified(ok.communityName(), now);
        }
        if (verdict instanceof CommunityVerdict.Rejected refused) {
            return checked.refused(refused.reason(), now);
        }
        return checked.unreachable(now, properties.recheck().backoff(checked.failedAttempts() + 1));
    }

    private static String result(CommunityVerdict verdict) {
        if (verdict instanceof CommunityVerdict.Verified) {
            return "VERIFIED";
        }
        if (verdict instanceof CommunityVerdict.Rejected refused) {
            return refused.reason().name();
        }
        return "UNREACHABLE";
    }

    private static AuditEntry entry(@Nullable CurrentUser actor, UUID organization, String action) {
        return new AuditEntry(actor, organization, action, "sferum-community:" + organization, java.util.Map.of());
    }

    private static String actorName(@Nullable CurrentUser actor) {
        return actor == null ? "system" : actor.displayName() + " (" + actor.username() + ")";
    }
}
