package ru.paragraf.sferum.sync;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A claimed operation of the queue. */
record Operation(
        long id,
        UUID organizationId,
        long communityId,
        OperationKind kind,
        String objectKey,
        JsonNode payload,
        int attempts) {

    UUID uuid(String field) {
        return UUID.fromString(payload.get(field).asString());
    }

    long number(String field) {
        return payload.get(field).asLong();
    }

    String text(String field) {
        return payload.get(field).asString();
    }
}
