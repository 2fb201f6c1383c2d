package ru.paragraf.sferum.diary;

import java.util.UUID;

/**
 * VK no longer accepts what the teacher's VK ID link gave the portal (the token was revoked, expired for good, or VK
 * does not know it): the teacher has to press «Привязать к VK ID» again. Published once, when the link is marked; the
 * diary data transfer shows it in the staff file.
 *
 * @param employee the teacher
 * @param organization the teacher's school
 * @param vkUserId the VK account of the link that stopped working
 */
public record VkIdRelinkRequired(UUID employee, UUID organization, long vkUserId) {}
