package ru.paragraf.sferum.exchange;

import java.util.UUID;

/** A task was added, changed or deleted; {@code enabled} is false for a deleted task. */
public record ExchangeTaskChanged(UUID taskId, UUID organizationId, String typeCode, boolean enabled) {}
