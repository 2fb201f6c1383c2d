package ru.paragraf.sferum.sync;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.linkbase.MessengerAccount;
import ru.paragraf.sferum.linkbase.SferumCommunities;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;

/**
 * Credentials from the link base, where the school admin entered them: a VK community's, or a MAX bot's as
 * (the bot's user id, its token).
 */
@Component
class LinkbaseCredentials implements CommunityCredentials {

    private final SferumCommunities communities;

    LinkbaseCredentials(SferumCommunities communities) {
        this.communities = communities;
    }

    @Override
    public Optional<CommunityAccess> accessOf(UUID organization) {
        return communities.rememberedAccount(organization).flatMap(LinkbaseCredentials::access);
    }

    @Override
    public Optional<CommunityAccess> currentAccessOf(UUID organization) {
        return communities.accountOf(organization).flatMap(LinkbaseCredentials::access);
    }

    /** The VK community and its token, or the MAX bot's user id and its token; none for a bot MAX never named. */
    private static Optional<CommunityAccess> access(MessengerAccount account) {
        var id = account.accountId();
        return id == null ? Optional.empty() : Optional.of(new CommunityAccess(id, account.token()));
    }
}
