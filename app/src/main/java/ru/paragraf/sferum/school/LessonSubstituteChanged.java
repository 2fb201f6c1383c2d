package ru.paragraf.sferum.school;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A lesson was given to a substitute teacher ({@code substitute}), or back to the journal's teachers (null). */
public record LessonSubstituteChanged(UUID lesson, UUID journal, UUID organization, @Nullable UUID substitute) {}
