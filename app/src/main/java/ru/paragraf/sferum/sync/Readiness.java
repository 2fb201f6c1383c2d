package ru.paragraf.sferum.sync;

import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.exchange.ExchangeTaskState;
import ru.paragraf.sferum.exchange.ExchangeTaskStates;
import ru.paragraf.sferum.linkbase.MessengerAccount;
import ru.paragraf.sferum.linkbase.SferumCommunities;

/**
 * Whether the engine may create chats and calls for an organization (DESIGN §4): verified credentials of its
 * messenger (a VK community, or a MAX bot) and an enabled SFERUM_SYNC task. Kept in {@code sync.organization}, with
 * the messenger and its account (the community's id, or the bot's user id), for the set-based planner.
 */
@Component
class Readiness {

    static final String TASK_TYPE = "SFERUM_SYNC";

    private final SferumCommunities communities;
    private final ExchangeTaskStates tasks;
    private final SyncOrganizations organizations;

    Readiness(SferumCommunities communities, ExchangeTaskStates tasks, SyncOrganizations organizations) {
        this.communities = communities;
        this.tasks = tasks;
        this.organizations = organizations;
    }

    /** Reads the organization's credentials and task, records whether it is ready, and returns that. */
    boolean refresh(UUID organization) {
        return readyCommunity(organization).isPresent();
    }

    /** As {@link #refresh}, returning the community the organization's work goes to, if it is ready. */
    OptionalLong readyCommunity(UUID organization) {
        var account = communities.accountOf(organization);
        var taskEnabled = tasks.of(organization, TASK_TYPE)
                .map(ExchangeTaskState::enabled)
                .orElse(false);
        var community = account.map(MessengerAccount::accountId).orElse(null);
        var ready = taskEnabled && community != null && account.get().isVerified();
        var messenger = account.map(it -> Messenger.valueOf(it.messenger())).orElse(Messenger.VK);
        organizations.update(organization, community, messenger, ready);
        return ready ? OptionalLong.of(community) : OptionalLong.empty();
    }
}
