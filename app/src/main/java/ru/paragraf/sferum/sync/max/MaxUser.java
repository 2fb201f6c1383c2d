package ru.paragraf.sferum.sync.max;

import org.jspecify.annotations.Nullable;

/** A MAX user or bot as MAX describes it ([SCH] {@code User}); ids are int64. */
public record MaxUser(
        long userId, @Nullable String firstName, @Nullable String lastName, @Nullable String username, boolean isBot) {}
