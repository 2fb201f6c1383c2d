package ru.paragraf.sferum.school;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A pupil with their class, as a parent's diary lists their children. */
public record PupilSummary(UUID id, String fullName, @Nullable String classTitle) {}
