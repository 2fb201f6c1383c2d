package ru.paragraf.sferum.sync;

import java.util.UUID;

/** An operation the planner wants, as the preview shows it. */
record PlannedOperation(UUID organizationId, long communityId, OperationKind kind, String objectKey, String payload) {}
