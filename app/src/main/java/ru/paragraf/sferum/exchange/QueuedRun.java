package ru.paragraf.sferum.exchange;

import java.util.UUID;

/** A queued run, and whether this request queued it or found it waiting already. */
record QueuedRun(UUID id, boolean created) {}
