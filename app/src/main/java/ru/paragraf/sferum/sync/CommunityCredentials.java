package ru.paragraf.sferum.sync;

import java.util.Optional;
import java.util.UUID;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;

/** The organization's community and its token, for the engine's calls. */
interface CommunityCredentials {

    Optional<CommunityAccess> accessOf(UUID organization);
}
