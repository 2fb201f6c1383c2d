package ru.paragraf.sferum.sync;

import java.util.UUID;

/** A claimed operation of the queue: its row, and its action as typed values. */
record Operation(long id, UUID organizationId, long communityId, int attempts, Action action) {

    OperationKind kind() {
        return action.kind();
    }
}
