package ru.paragraf.sferum.diary;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;

/**
 * Stores and removes links. Each change, its audit entry and its event (the diary data transfer) commit in one
 * transaction; VK is never called from here.
 */
@Service
class VkIdLinkChanges {

    private final VkLinks links;
    private final LinkLock lock;
    private final VkIdSecrets secrets;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VkIdLinkChanges(
            VkLinks links,
            LinkLock lock,
            VkIdSecrets secrets,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.links = links;
        this.lock = lock;
        this.secrets = secrets;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Links the person (the teacher's employee record, the pupil, the parent) to the VK account; returns the link it
     * replaced, if any.
     *
     * @throws VkAccountTakenException when another person, of whatever kind, has this VK account
     */
    @Transactional
    Optional<VkLink> link(CurrentUser user, DiaryPerson person, long vkUserId, VkIdTokens tokens, String deviceId) {
        var id = person.id();
        lock.lock(id);
        if (links.findByVkUser(vkUserId)
                .filter(other -> !other.personId().equals(id))
                .isPresent()) {
            throw new VkAccountTakenException();
        }
        var previous = links.find(id);
        var now = OffsetDateTime.now(clock);
        var refreshToken = tokens.refreshToken() == null ? "" : tokens.refreshToken();
        links.save(new VkLink(
                id,
                person.kind(),
                person.organization(),
                user.accountId(),
                vkUserId,
                secrets.sealAccessToken(id, tokens.accessToken()),
                now.plusSeconds(tokens.expiresIn()),
                secrets.sealRefreshToken(id, refreshToken),
                deviceId,
                tokens.scope() == null ? "" : tokens.scope(),
                now,
                null,
                false));
        audit.record(AuditEntry.by(user, person.organization(), "VK_ID_LINKED", person.auditSubject())
                .with("vkUserId", vkUserId));
        events.publishEvent(new VkIdLinked(id, person.kind(), person.organization(), vkUserId, now.toInstant()));
        return previous;
    }

    /** Removes the person's link; returns it, or empty when there was none. */
    @Transactional
    Optional<VkLink> unlink(CurrentUser user, DiaryPerson person, boolean revokedAtVk) {
        var id = person.id();
        lock.lock(id);
        var link = links.find(id);
        link.ifPresent(removed -> {
            var now = OffsetDateTime.now(clock);
            links.delete(id);
            audit.record(AuditEntry.by(user, removed.organizationId(), "VK_ID_UNLINKED", person.auditSubject())
                    .with("vkUserId", removed.vkUserId())
                    .with("revokedAtVk", revokedAtVk));
            events.publishEvent(new VkIdUnlinked(
                    id, removed.personKind(), removed.organizationId(), removed.vkUserId(), now.toInstant()));
        });
        return link;
    }
}
