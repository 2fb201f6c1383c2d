package ru.paragraf.sferum.sync;

import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.exchange.ExchangeTaskState;
import ru.paragraf.sferum.exchange.ExchangeTaskStates;
import ru.paragraf.sferum.linkbase.SferumCommunities;

/**
 * Whether the engine may create chats and calls for an organization (DESIGN §4): verified community credentials
 * and an enabled SFERUM_SYNC task. Kept in {@code sync.organization} for the set-based planner.
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
        var community = communities.of(organization);
        var taskEnabled = tasks.of(organization, TASK_TYPE)
                .map(ExchangeTaskState::enabled)
                .orElse(false);
        var ready = taskEnabled && community.map(it -> it.isVerified()).orElse(false);
        organizations.update(organization, community.map(it -> it.communityId()).orElse(null), ready);
        return ready ? OptionalLong.of(community.orElseThrow().communityId()) : OptionalLong.empty();
    }
}
