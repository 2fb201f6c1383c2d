package ru.paragraf.sferum.sync;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.linkbase.SferumCommunities;
import ru.paragraf.sferum.linkbase.SferumCommunity;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;

/** Community credentials from the link base, where the school admin entered them. */
@Component
class LinkbaseCredentials implements CommunityCredentials {

    private final SferumCommunities communities;

    LinkbaseCredentials(SferumCommunities communities) {
        this.communities = communities;
    }

    @Override
    public Optional<CommunityAccess> accessOf(UUID organization) {
        return communities.remembered(organization).map(LinkbaseCredentials::access);
    }

    @Override
    public Optional<CommunityAccess> currentAccessOf(UUID organization) {
        return communities.of(organization).map(LinkbaseCredentials::access);
    }

    private static CommunityAccess access(SferumCommunity community) {
        return new CommunityAccess(community.communityId(), community.token().value());
    }
}
