package ru.paragraf.sferum.school;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;

/**
 * «Настройки чатов»: the school admin, or an operator of the school's district or city, changes them; each switch
 * is audited (the choice for closed years' chats too), and switching parents in or out publishes {@link RosterChanged} for the school's chats of the current
 * academic year, in the same transaction.
 */
@Service
class ChatPolicyEditing {

    private final ChatPolicies policies;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChatPolicyEditing(ChatPolicies policies, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.policies = policies;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    static boolean mayChange(CurrentUser user) {
        return user.is(Role.SCHOOL_ADMIN) || user.is(Role.DISTRICT_OPERATOR) || user.is(Role.CITY_OPERATOR);
    }

    @Transactional(readOnly = true)
    ChatPolicy of(CurrentUser user, UUID organization) {
        if (!mayChange(user)) {
            throw new AccessDeniedException("Only administrators see a school's chat settings");
        }
        return policies.find(SchoolScope.of(user), organization)
                .map(policy -> policy.inZone(clock.getZone()))
                .orElseThrow(SchoolPages::notFound);
    }

    @Transactional
    ChatPolicy change(CurrentUser user, UUID organization, boolean parentsInChats, boolean removeStrangers) {
        return change(user, organization, parentsInChats, removeStrangers, null);
    }

    /** As above, and the closed years' chats emptied of pupils and parents or not; null: as it is. */
    @Transactional
    ChatPolicy change(
            CurrentUser user,
            UUID organization,
            boolean parentsInChats,
            boolean removeStrangers,
            @Nullable Boolean emptyArchivedChats) {
        return change(user, organization, parentsInChats, removeStrangers, emptyArchivedChats, null);
    }

    /**
     * The standing rooms' template chosen for the school's lessons' video links, as {@link VideoRooms#check} let it
     * through ({@code template} null: the pasted links only).
     */
    record VideoRoom(@Nullable String template) {}

    /**
     * As above, and the school's standing rooms ({@code room} null: as they are). A changed template is audited and
     * publishes {@link LessonLinksChanged} for the school's chats of the current academic year.
     */
    @Transactional
    ChatPolicy change(
            CurrentUser user,
            UUID organization,
            boolean parentsInChats,
            boolean removeStrangers,
            @Nullable Boolean emptyArchivedChats,
            @Nullable VideoRoom room) {
        if (!mayChange(user)) {
            throw new AccessDeniedException("Only administrators change a school's chat settings");
        }
        var scope = SchoolScope.of(user);
        var current = policies.lock(scope, organization).orElseThrow(SchoolPages::notFound);
        var emptyArchived = emptyArchivedChats == null ? current.emptyArchivedChats() : emptyArchivedChats;
        var template = room == null ? current.videoRoomTemplate() : room.template();
        var roomChanged = !Objects.equals(template, current.videoRoomTemplate());
        if (!current.differsFrom(parentsInChats, removeStrangers, emptyArchived) && !roomChanged) {
            return current.inZone(clock.getZone());
        }
        var by = user.displayName() + " (" + user.username() + ")";
        policies.save(organization, parentsInChats, removeStrangers, emptyArchived, OffsetDateTime.now(clock), by);
        var subject = "organization:" + organization;
        if (roomChanged) {
            policies.saveVideoRoom(organization, template);
            audit.record(new AuditEntry(
                    user,
                    organization,
                    template == null ? "VIDEO_ROOM_TEMPLATE_CLEARED" : "VIDEO_ROOM_TEMPLATE_SET",
                    subject,
                    template == null ? Map.of() : Map.of("template", template)));
            var journals = policies.journalsWithChats(organization);
            if (!journals.isEmpty()) {
                events.publishEvent(new LessonLinksChanged(organization, Set.copyOf(journals)));
            }
        }
        if (current.parentsInChats() != parentsInChats) {
            audit.record(AuditEntry.by(
                    user, organization, parentsInChats ? "PARENTS_IN_CHATS_ON" : "PARENTS_IN_CHATS_OFF", subject));
            var journals = policies.journalsWithChats(organization);
            if (!journals.isEmpty()) {
                events.publishEvent(new RosterChanged(
                        organization, Set.copyOf(journals), Set.of(RosterChanged.Reason.PARENTS_IN_CHATS_CHANGED)));
            }
        }
        if (current.removeStrangers() != removeStrangers) {
            audit.record(AuditEntry.by(
                    user, organization, removeStrangers ? "REMOVE_STRANGERS_ON" : "REMOVE_STRANGERS_OFF", subject));
        }
        if (current.emptyArchivedChats() != emptyArchived) {
            audit.record(AuditEntry.by(
                    user,
                    organization,
                    emptyArchived ? "EMPTY_ARCHIVED_CHATS_ON" : "EMPTY_ARCHIVED_CHATS_OFF",
                    subject));
        }
        return policies.find(scope, organization)
                .map(policy -> policy.inZone(clock.getZone()))
                .orElseThrow(SchoolPages::notFound);
    }
}
