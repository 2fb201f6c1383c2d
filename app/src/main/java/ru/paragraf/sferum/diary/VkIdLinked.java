package ru.paragraf.sferum.diary;

import java.time.Instant;
import java.util.UUID;
import ru.paragraf.sferum.school.PersonKind;

/**
 * A person (teacher, pupil or parent) linked a VK account through a completed VK ID authorization: the diary data
 * transfer's fact that fills the school's record (a teacher's staff file «Идентификатор учётной записи VK Сферум»,
 * a pupil's or parent's VK account).
 *
 * @param person the employee, pupil or parent, as {@code kind} says
 * @param kind which of the school's people {@code person} is
 * @param organization the person's school
 * @param vkUserId the person's VK (Sferum) user id
 * @param linkedAt when the link was made
 */
public record VkIdLinked(UUID person, PersonKind kind, UUID organization, long vkUserId, Instant linkedAt) {}
