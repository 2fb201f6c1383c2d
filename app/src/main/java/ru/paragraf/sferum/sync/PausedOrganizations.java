package ru.paragraf.sferum.sync;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The organizations this node saw paused, so that a worker asks the database whether an organization is paused only
 * for these and not before every operation. A claim takes no operation of a paused organization; what this spares is
 * the check of the operations claimed before the pause, which the database answers for the organizations named
 * here ({@link SyncOrganizations#pause} names them). Another node's pause is met by the operations themselves: the
 * messenger refuses the credentials again.
 */
@Component
class PausedOrganizations {

    private final Set<UUID> seen = ConcurrentHashMap.newKeySet();

    void paused(UUID organization) {
        seen.add(organization);
    }

    /** True if the organization may be paused: the database says. */
    boolean mayBePaused(UUID organization) {
        return seen.contains(organization);
    }

    /** The database says it is not paused (any more). */
    void notPaused(UUID organization) {
        seen.remove(organization);
    }
}
