package ru.paragraf.sferum.diary;

import java.time.Instant;
import java.util.UUID;

/**
 * A teacher linked a VK account through a completed VK ID authorization: the diary data transfer's fact that
 * fills the staff file («Идентификатор учётной записи VK Сферум»).
 *
 * @param employee the teacher
 * @param organization the teacher's school
 * @param vkUserId the teacher's VK (Sferum) user id
 * @param linkedAt when the link was made
 */
public record VkIdLinked(UUID employee, UUID organization, long vkUserId, Instant linkedAt) {}
