package ru.paragraf.sferum.sync;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;
import ru.paragraf.sferum.school.OrganizationSummary;
import ru.paragraf.sferum.school.SchoolDirectory;
import ru.paragraf.sferum.school.SchoolPerson;

/**
 * What an administrator sees of a school's hold on big removals and decides about it: «Выполнить удаления» plans the
 * previewed batch at once beyond the threshold (if the removals grew meanwhile by more than the threshold, the school
 * is held again), «Отменить удаления» keeps the previewed people in their chats. Both audited.
 */
@Service
class RemovalHoldDecisions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final RemovalHolds holds;
    private final Planner planner;
    private final Workers workers;
    private final SyncProperties properties;
    private final SchoolDirectory people;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    RemovalHoldDecisions(
            RemovalHolds holds,
            Planner planner,
            Workers workers,
            SyncProperties properties,
            SchoolDirectory people,
            AuditTrail audit,
            MessageSource messages,
            TransactionTemplate transactions) {
        this.holds = holds;
        this.planner = planner;
        this.workers = workers;
        this.properties = properties;
        this.people = people;
        this.audit = audit;
        this.messages = messages;
        this.transactions = transactions;
    }

    RemovalHoldView of(OrganizationSummary organization) {
        var latest = holds.latest(organization.id()).orElse(null);
        var removals = new java.util.ArrayList<RemovalHoldView.Removal>();
        if (latest != null && latest.state() == RemovalHoldState.HELD) {
            var names = names(organization.id());
            var unclassed = unclassedPupils(organization.id());
            for (var removal : holds.preview(organization.id())) {
                removals.add(removal(removal, names, unclassed));
            }
        }
        var threshold = properties.hold().threshold(latest == null ? 0 : latest.members());
        return new RemovalHoldView(
                organization.id(),
                organization.shortName(),
                latest == null ? null : latest.id(),
                latest == null ? null : latest.state(),
                latest == null ? null : latest.createdAt(),
                latest == null ? 0 : latest.removals(),
                latest == null ? 0 : latest.members(),
                threshold,
                latest == null ? null : latest.decidedAt(),
                latest == null ? null : latest.decidedBy(),
                text(
                        "removalHold.status."
                                + (latest == null ? "NONE" : latest.state().name()),
                        latest == null ? 0 : latest.removals(),
                        latest == null ? 0 : latest.members(),
                        latest == null || latest.decidedBy() == null ? "" : latest.decidedBy(),
                        latest == null ? "" : when(latest)),
                removals);
    }

    /**
     * Plans the school's removals at once, {@code shown} of them beyond the threshold: the batch the preview showed.
     * Refused (409) if the school has no hold, or another than {@code hold}.
     */
    void release(CurrentUser user, OrganizationSummary organization, UUID hold, int shown) {
        transactions.executeWithoutResult(status -> {
            var held = decide(user, organization, hold, RemovalHoldState.RELEASED);
            planner.planReleased(organization.id(), Math.max(shown, 0));
            holds.stampRelease(held);
            audit.record(
                    AuditEntry.by(user, organization.id(), "REMOVALS_RELEASED", "organization:" + organization.id())
                            .with("removals", shown));
        });
        workers.wakeUp();
    }

    /** Keeps everyone the school's removals would take out now in their chats. Refused like {@link #release}. */
    void discard(CurrentUser user, OrganizationSummary organization, UUID hold) {
        transactions.executeWithoutResult(status -> {
            var held = decide(user, organization, hold, RemovalHoldState.DISCARDED);
            var kept = holds.keep(held);
            audit.record(
                    AuditEntry.by(user, organization.id(), "REMOVALS_DISCARDED", "organization:" + organization.id())
                            .with("removals", kept));
        });
        planner.plan(organization.id(), null, null);
        workers.wakeUp();
    }

    private RemovalHold decide(CurrentUser user, OrganizationSummary organization, UUID hold, RemovalHoldState state) {
        var held = holds.held(organization.id())
                .filter(it -> it.id().equals(hold))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, text("removalHold.error.notHeld")));
        if (!holds.decide(held, state, user.displayName() + " (" + user.username() + ")")) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, text("removalHold.error.notHeld"));
        }
        return held;
    }

    private RemovalHoldView.Removal removal(HeldRemoval removal, Map<UUID, String> names, Set<UUID> unclassed) {
        var name = removal.person() == null ? null : names.get(removal.person());
        if (name == null && removal.person() != null && removal.role() == MemberRole.TEACHER) {
            // a former teacher who teaches no journal any more
            name = people.employee(removal.person()).map(SchoolPerson::fullName).orElse(null);
        }
        return new RemovalHoldView.Removal(
                removal.journal(),
                removal.chatTitle() == null ? text("removalHold.chatGone") : removal.chatTitle(),
                removal.person(),
                name == null ? text("removalHold.vkMember", String.valueOf(removal.vkUser())) : name,
                removal.role(),
                text("removalHold.role." + removal.role().name()),
                text(reason(removal, unclassed)),
                removal.vkUser());
    }

    /** When the hold was made, or decided once it is: «06.12.2026 08:19», in the application's zone. */
    private static String when(RemovalHold hold) {
        return WHEN.format(hold.decidedAt() == null ? hold.createdAt() : hold.decidedAt());
    }

    private static String reason(HeldRemoval removal, Set<UUID> unclassed) {
        if (removal.role() == MemberRole.PARENT && !removal.parentsInChat()) {
            return "removalHold.reason.PARENTS_OUT";
        }
        if (removal.role() == MemberRole.PUPIL && unclassed.contains(removal.person())) {
            // a pupil the school's data keeps without a class: a full package no longer listed them (LeavingPupils)
            return "removalHold.reason.PUPIL_LEFT_SCHOOL";
        }
        return "removalHold.reason." + removal.role().name();
    }

    /** The school's pupils who are in no class: those who left it (their rows stay, see LeavingPupils). */
    private Set<UUID> unclassedPupils(UUID organization) {
        var unclassed = new HashSet<UUID>();
        for (var pupil : people.pupils(organization)) {
            if (pupil.detail().isEmpty()) {
                unclassed.add(pupil.id());
            }
        }
        return unclassed;
    }

    private Map<UUID, String> names(UUID organization) {
        var names = new HashMap<UUID, String>();
        for (var list : java.util.List.of(
                people.teachers(organization), people.pupils(organization), people.parents(organization))) {
            for (SchoolPerson person : list) {
                names.putIfAbsent(person.id(), person.fullName());
            }
        }
        return names;
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, SyncTexts.RUSSIAN);
    }
}
