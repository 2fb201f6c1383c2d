package ru.paragraf.sferum.diary;

import java.time.Instant;
import java.util.UUID;
import ru.paragraf.sferum.school.PersonKind;

/**
 * A person unlinked their VK account («Отвязать»); the school's record shows «не привязан» again.
 *
 * @param person the employee, pupil or parent, as {@code kind} says
 * @param kind which of the school's people {@code person} is
 * @param organization the person's school
 * @param vkUserId the VK user id that was linked
 * @param unlinkedAt when the link was removed
 */
public record VkIdUnlinked(UUID person, PersonKind kind, UUID organization, long vkUserId, Instant unlinkedAt) {}
