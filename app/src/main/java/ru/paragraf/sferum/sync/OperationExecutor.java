package ru.paragraf.sferum.sync;

import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;

/**
 * Carries out one operation: checks what every operation needs (its organization not paused, the provider able to
 * do it, the community's credentials), then hands it to the handler of its family. Never inside a business
 * transaction: a handler commits what must be known before it calls the messenger, and returns a
 * {@link Completion} that {@link Outcomes} records.
 */
@Component
class OperationExecutor {

    private final MessengerProvider messenger;
    private final CommunityCredentials credentials;
    private final SyncOrganizations organizations;
    private final OperationProblems problems;
    private final ChatHandler chats;
    private final MemberHandler members;
    private final CallHandler calls;
    private final AnnouncementHandler announcements;

    OperationExecutor(
            MessengerProvider messenger,
            CommunityCredentials credentials,
            SyncOrganizations organizations,
            OperationProblems problems,
            ChatHandler chats,
            MemberHandler members,
            CallHandler calls,
            AnnouncementHandler announcements) {
        this.messenger = messenger;
        this.credentials = credentials;
        this.organizations = organizations;
        this.problems = problems;
        this.chats = chats;
        this.members = members;
        this.calls = calls;
        this.announcements = announcements;
    }

    Completion execute(Operation operation) {
        // the organization was paused while this operation waited its turn: its siblings found the token revoked
        var paused = organizations
                .find(operation.organizationId())
                .map(SyncOrganizations.State::pausedReason)
                .orElse(null);
        if (paused != null) {
            return new Completion.Pause(paused);
        }
        // queued before the provider was changed for one that cannot do it: the planner queues no more of these
        var needed = operation.kind().needs();
        if (needed != null && !needed.declaredIn(messenger.capabilities())) {
            return problems.failed(problems.text(needed.reasonKey()), null, null);
        }
        var community = credentials.accessOf(operation.organizationId());
        if (community.isEmpty()) {
            return problems.failed(problems.text("sync.problem.noCredentials"), null, null);
        }
        return operation.action().accept(handlers(community.get()));
    }

    /** The handler of each kind's family. */
    private Action.Cases<Completion> handlers(CommunityAccess community) {
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
            public Completion addMember(Action.AddMember action) {
                return members.add(action, community);
            }

            @Override
            public Completion removeMember(Action.RemoveMember action) {
                return members.remove(action, community);
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
        };
    }
}
