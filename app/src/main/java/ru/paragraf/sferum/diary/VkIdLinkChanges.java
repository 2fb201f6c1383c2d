package ru.paragraf.sferum.diary;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
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
     * Links the teacher's employee record to the VK account; returns the link it replaced, if any.
     *
     * @throws VkAccountTakenException when another employee has this VK account
     */
    @Transactional
    Optional<VkLink> link(CurrentUser teacher, long vkUserId, VkIdTokens tokens, String deviceId) {
        var employee = Objects.requireNonNull(teacher.employeeId());
        var organization = Objects.requireNonNull(teacher.organizationId());
        lock.lock(employee);
        if (links.findByVkUser(vkUserId)
                .filter(other -> !other.employeeId().equals(employee))
                .isPresent()) {
            throw new VkAccountTakenException();
        }
        var previous = links.find(employee);
        var now = OffsetDateTime.now(clock);
        var refreshToken = tokens.refreshToken() == null ? "" : tokens.refreshToken();
        links.save(new VkLink(
                employee,
                organization,
                teacher.accountId(),
                vkUserId,
                secrets.sealAccessToken(employee, tokens.accessToken()),
                now.plusSeconds(tokens.expiresIn()),
                secrets.sealRefreshToken(employee, refreshToken),
                deviceId,
                tokens.scope() == null ? "" : tokens.scope(),
                now,
                null,
                false));
        audit.record(AuditEntry.by(teacher, organization, "VK_ID_LINKED", subject(teacher))
                .with("vkUserId", vkUserId));
        events.publishEvent(new VkIdLinked(employee, organization, vkUserId, now.toInstant()));
        return previous;
    }

    /** Removes the teacher's link; returns it, or empty when there was none. */
    @Transactional
    Optional<VkLink> unlink(CurrentUser teacher, boolean revokedAtVk) {
        var employee = Objects.requireNonNull(teacher.employeeId());
        lock.lock(employee);
        var link = links.find(employee);
        link.ifPresent(removed -> {
            var now = OffsetDateTime.now(clock);
            links.delete(employee);
            audit.record(AuditEntry.by(teacher, removed.organizationId(), "VK_ID_UNLINKED", subject(teacher))
                    .with("vkUserId", removed.vkUserId())
                    .with("revokedAtVk", revokedAtVk));
            events.publishEvent(
                    new VkIdUnlinked(employee, removed.organizationId(), removed.vkUserId(), now.toInstant()));
        });
        return link;
    }

    private static String subject(CurrentUser teacher) {
        return "employee:" + teacher.employeeId();
    }
}
