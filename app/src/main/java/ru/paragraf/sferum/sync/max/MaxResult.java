package ru.paragraf.sferum.sync.max;

import org.jspecify.annotations.Nullable;

/**
 * MAX's {@code SimpleQueryResult} of a mutating call. A {@code success: false} never reaches a caller as this: the
 * transport turns it into a failure.
 */
public record MaxResult(boolean success, @Nullable String message) {}
