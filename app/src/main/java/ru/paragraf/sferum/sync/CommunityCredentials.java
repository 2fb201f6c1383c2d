package ru.paragraf.sferum.sync;

import java.util.Optional;
import java.util.UUID;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;

/** The organization's community and its token, for the engine's calls. */
interface CommunityCredentials {

    /** As read now, or kept from a recent read: this node's changes are seen at once, another node's soon. */
    Optional<CommunityAccess> accessOf(UUID organization);

    /** As read now, for when a kept one was refused: changed meanwhile, or refused for good. */
    Optional<CommunityAccess> currentAccessOf(UUID organization);
}
