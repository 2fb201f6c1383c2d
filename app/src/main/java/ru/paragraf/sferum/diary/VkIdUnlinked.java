package ru.paragraf.sferum.diary;

import java.time.Instant;
import java.util.UUID;

/**
 * A teacher unlinked their VK account («Отвязать»); the staff file shows «не привязан» again.
 *
 * @param employee the teacher
 * @param organization the teacher's school
 * @param vkUserId the VK user id that was linked
 * @param unlinkedAt when the link was removed
 */
public record VkIdUnlinked(UUID employee, UUID organization, long vkUserId, Instant unlinkedAt) {}
