package ru.paragraf.sferum.diary;

import java.util.UUID;
import ru.paragraf.sferum.school.PersonKind;

/**
 * VK no longer accepts what the person's VK ID link gave the portal (the token was revoked, expired for good, or VK
 * does not know it): the person has to press «Привязать к VK ID» again. Published once, when the link is marked; the
 * diary data transfer shows it in the school's record.
 *
 * @param person the employee, pupil or parent, as {@code kind} says
 * @param kind which of the school's people {@code person} is
 * @param organization the person's school
 * @param vkUserId the VK account of the link that stopped working
 */
public record VkIdRelinkRequired(UUID person, PersonKind kind, UUID organization, long vkUserId) {}
