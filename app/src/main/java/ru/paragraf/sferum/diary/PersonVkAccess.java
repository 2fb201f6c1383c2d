package ru.paragraf.sferum.diary;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;

/**
 * The VK user tokens of persons with a linked VK ID (teachers, pupils, parents) for the sync engine: hands out a valid
 * access token, refreshing it with the refresh token shortly before it expires, the same way for everyone.
 *
 * <p>A refresh runs under the link's row lock ({@code select … for update}), so nodes that need the same
 * person's token at once refresh it once: the others wait and then find the fresh token. This is the one place
 * where VK is called inside a transaction, on purpose: VK ID rotates refresh tokens, and a second concurrent
 * refresh with the old one would fail and break the link. The transaction changes nothing but this link.
 */
@Service
public class PersonVkAccess {

    private static final Logger log = LoggerFactory.getLogger(PersonVkAccess.class);

    private final VkLinks links;
    private final VkIdSecrets secrets;
    private final VkIdClient client;
    private final VkIdProperties properties;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PersonVkAccess(
            VkLinks links,
            VkIdSecrets secrets,
            VkIdClient client,
            VkIdProperties properties,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.links = links;
        this.secrets = secrets;
        this.client = client;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * The person's VK user id and a token valid for at least the refresh margin, or why there is none. A token is
     * kept in memory for a short while ({@link VkLinks#REMEMBERED_FOR}); every change of the link on this node
     * (a refresh, a new link, an unlink, «нужно привязать заново») forgets it at once; a token another node changed
     * meanwhile is refused by VK and then {@link #rejected} finds the current one.
     */
    public VkAccess accessFor(UUID person) {
        var remembered = links.remembered();
        var kept = remembered.kept(person).filter(this::validLongEnough);
        if (kept.isPresent()) {
            return kept.get();
        }
        var generation = remembered.generation();
        var access = read(person);
        if (access instanceof VkUserAccess user && validLongEnough(user)) {
            remembered.keep(person, user, generation);
        }
        return access;
    }

    /** Valid for at least the refresh margin. */
    private boolean validLongEnough(VkUserAccess access) {
        return access.expiresAt().isAfter(clock.instant().plus(properties.refreshMargin()));
    }

    private VkAccess read(UUID person) {
        var link = links.find(person);
        if (link.isEmpty()) {
            return new VkAccess.NotLinked();
        }
        var ready = withoutRefresh(link.get());
        if (ready != null) {
            return ready;
        }
        var refreshed = transactions.execute(status -> refreshLocked(person));
        return refreshed == null ? new VkAccess.Unavailable() : refreshed;
    }

    /**
     * VK refused this access token of the person although it had not expired (error 5: revoked, or unknown to VK).
     * Refreshes it once, under the link's lock; if VK ID refuses the refresh token too, the link is marked «нужно
     * привязать заново», once, however many operations met the refusal. A token that was replaced meanwhile is not
     * refused any more: the current one is returned.
     */
    public VkAccess rejected(UUID person, String rejectedToken) {
        links.remembered().forget(person);
        var access = transactions.execute(status -> {
            var locked = links.lock(person);
            if (locked.isEmpty()) {
                return new VkAccess.NotLinked();
            }
            var link = locked.get();
            if (link.relinkRequired()) {
                return new VkAccess.RelinkRequired(link.vkUserId());
            }
            var current = secrets.accessToken(link);
            if (!current.equals(rejectedToken)) {
                return new VkUserAccess(
                        link.vkUserId(), current, link.accessExpiresAt().toInstant());
            }
            log.info("VK refused the access token of {} {}; refreshing it", link.personKind(), person);
            return refresh(link);
        });
        return access == null ? new VkAccess.Unavailable() : access;
    }

    private VkAccess refreshLocked(UUID person) {
        var locked = links.lock(person);
        if (locked.isEmpty()) {
            return new VkAccess.NotLinked();
        }
        var link = locked.get();
        var ready = withoutRefresh(link);
        if (ready != null) {
            return ready;
        }
        return refresh(link);
    }

    /** Refreshes the locked link's tokens; the caller holds the link's row lock. */
    private VkAccess refresh(VkLink link) {
        var person = link.personId();
        if (!properties.configured()) {
            return new VkAccess.Unavailable();
        }
        var refreshToken = secrets.refreshToken(link);
        if (refreshToken.isEmpty()) {
            return relinkRequired(link);
        }
        try {
            var tokens = client.refresh(new RefreshTokenGrant(refreshToken, link.deviceId(), Pkce.newState()));
            var now = OffsetDateTime.now(clock);
            var expiresAt = now.plusSeconds(tokens.expiresIn());
            var next = tokens.refreshToken() == null || tokens.refreshToken().isEmpty()
                    ? refreshToken
                    : tokens.refreshToken();
            links.updateTokens(
                    person,
                    secrets.sealAccessToken(person, tokens.accessToken()),
                    expiresAt,
                    secrets.sealRefreshToken(person, next),
                    now);
            log.info("Refreshed the VK token of {} {}", link.personKind(), person);
            return new VkUserAccess(link.vkUserId(), tokens.accessToken(), expiresAt.toInstant());
        } catch (VkIdException e) {
            if (e.invalidGrant()) {
                return relinkRequired(link);
            }
            log.warn("Could not refresh the VK token of {} {}: {}", link.personKind(), person, e.getMessage());
            return new VkAccess.Unavailable();
        }
    }

    /** The access without a refresh, or null when the token has to be refreshed first. */
    private @Nullable VkAccess withoutRefresh(VkLink link) {
        if (link.relinkRequired()) {
            return new VkAccess.RelinkRequired(link.vkUserId());
        }
        var threshold = OffsetDateTime.now(clock).plus(properties.refreshMargin());
        if (link.accessExpiresAt().isAfter(threshold)) {
            return new VkUserAccess(
                    link.vkUserId(),
                    secrets.accessToken(link),
                    link.accessExpiresAt().toInstant());
        }
        return null;
    }

    private VkAccess relinkRequired(VkLink link) {
        if (!links.markRelinkRequired(link.personId())) {
            return new VkAccess.RelinkRequired(link.vkUserId());
        }
        events.publishEvent(
                new VkIdRelinkRequired(link.personId(), link.personKind(), link.organizationId(), link.vkUserId()));
        var person = new DiaryPerson(link.personKind(), link.personId(), link.organizationId());
        audit.record(new AuditEntry(
                null,
                link.organizationId(),
                "VK_ID_RELINK_REQUIRED",
                person.auditSubject(),
                Map.of("vkUserId", String.valueOf(link.vkUserId()))));
        log.warn(
                "VK ID refused the refresh token of {} {}: the person has to link VK ID again",
                link.personKind(),
                link.personId());
        return new VkAccess.RelinkRequired(link.vkUserId());
    }
}
