package ru.paragraf.sferum.sync;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;

/**
 * Carries out one operation: checks what every operation needs (its organization not paused, the provider able to
 * do it, the organization's credentials), then hands it to the handler of its family. Never inside a business
 * transaction: a handler commits what must be known before it calls the messenger, and returns a
 * {@link Completion} that {@link Outcomes} records.
 */
@Component
class OperationExecutor {

    private final Messengers messengers;
    private final CommunityCredentials credentials;
    private final SyncOrganizations organizations;
    private final OperationProblems problems;
    private final PausedOrganizations paused;
    private final ChatHandler chats;
    private final MemberHandler members;
    private final MemberCheckHandler strangers;
    private final CallHandler calls;
    private final AnnouncementHandler announcements;
    private final LessonChangeHandler lessonChanges;
    private final AdoptionHandler adoptions;
    private final PreviousChatHandler closings;
    private final LessonLinkHandler lessonLinks;

    OperationExecutor(
            Messengers messengers,
            CommunityCredentials credentials,
            SyncOrganizations organizations,
            OperationProblems problems,
            PausedOrganizations paused,
            ChatHandler chats,
            MemberHandler members,
            MemberCheckHandler strangers,
            CallHandler calls,
            AnnouncementHandler announcements,
            LessonChangeHandler lessonChanges,
            AdoptionHandler adoptions,
            PreviousChatHandler closings,
            LessonLinkHandler lessonLinks) {
        this.messengers = messengers;
        this.credentials = credentials;
        this.organizations = organizations;
        this.problems = problems;
        this.paused = paused;
        this.chats = chats;
        this.members = members;
        this.strangers = strangers;
        this.calls = calls;
        this.announcements = announcements;
        this.lessonChanges = lessonChanges;
        this.adoptions = adoptions;
        this.closings = closings;
        this.lessonLinks = lessonLinks;
    }

    Completion execute(Operation operation) {
        // the organization was paused while this operation waited its turn: its siblings found the token revoked
        var pausedReason = pausedReason(operation);
        if (pausedReason != null) {
            return new Completion.Pause(pausedReason);
        }
        // queued before the organization's messenger was changed for one that cannot do it: the planner queues no
        // more of these
        var needed = operation.kind().needs();
        if (needed != null && !needed.declaredIn(messengers.capabilitiesOf(operation.organizationId()))) {
            return problems.failed(problems.text(needed.reasonKey()), null, null);
        }
        var community = credentials.accessOf(operation.organizationId());
        if (community.isEmpty()) {
            return problems.failed(problems.text("sync.problem.noCredentials"), null, null);
        }
        var completion = operation.action().accept(handlers(operation, community.get()));
        if (completion instanceof Completion.Pause) {
            // the kept token was refused: if it was replaced meanwhile (on another node), that is no reason to pause
            var current = credentials.currentAccessOf(operation.organizationId());
            if (current.isPresent() && !current.get().equals(community.get())) {
                return operation.action().accept(handlers(operation, current.get()));
            }
        }
        return completion;
    }

    /**
     * Why the organization is paused, or null. Read only for an organization this node saw paused: a claim takes no
     * operation of a paused organization, so only one paused after the claim can be, and this node paused it or
     * the messenger refuses its credentials again.
     */
    private @Nullable String pausedReason(Operation operation) {
        var organization = operation.organizationId();
        if (!paused.mayBePaused(organization)) {
            return null;
        }
        var reason = organizations
                .find(organization)
                .map(SyncOrganizations.State::pausedReason)
                .orElse(null);
        if (reason == null) {
            paused.notPaused(organization);
        }
        return reason;
    }

    /** The handler of each kind's family. */
    private Action.Cases<Completion> handlers(Operation operation, CommunityAccess community) {
        return new Action.Cases<>() {

            @Override
            public Completion createChat(Action.CreateChat action) {
                return chats.create(action, community);
            }

            @Override
            public Completion inviteLink(Action.InviteLink action) {
                return chats.inviteLink(action, community);
            }

            @Override
            public Completion renewInviteLink(Action.RenewInviteLink action) {
                return chats.renewInviteLink(action, community);
            }

            @Override
            public Completion addMember(Action.AddMember action) {
                return members.add(action, community);
            }

            @Override
            public Completion removeMember(Action.RemoveMember action) {
                return members.remove(action, community);
            }

            @Override
            public Completion checkMembers(Action.CheckMembers action) {
                return strangers.check(action, community);
            }

            @Override
            public Completion removeStranger(Action.RemoveStranger action) {
                return strangers.remove(action, community);
            }

            @Override
            public Completion startCall(Action.StartCall action) {
                return calls.start(action, community);
            }

            @Override
            public Completion finishCall(Action.FinishCall action) {
                return calls.finish(action);
            }

            @Override
            public Completion announceCall(Action.AnnounceCall action) {
                return announcements.announce(action, community);
            }

            @Override
            public Completion announceLessonChange(Action.AnnounceLessonChange action) {
                return lessonChanges.announce(action, community);
            }

            @Override
            public Completion renewCall(Action.RenewCall action) {
                return calls.renew(action);
            }

            @Override
            public Completion archiveChat(Action.ArchiveChat action) {
                return chats.archive(action, community);
            }

            @Override
            public Completion adoptChat(Action.AdoptChat action) {
                return adoptions.adopt(action, community);
            }

            @Override
            public Completion reply(Action.Reply action) {
                return adoptions.reply(action, operation.organizationId(), community);
            }

            @Override
            public Completion closePreviousChat(Action.ClosePreviousChat action) {
                return closings.close(action);
            }

            @Override
            public Completion announceLessonLink(Action.AnnounceLessonLink action) {
                return lessonLinks.announce(action, community);
            }
        };
    }
}
