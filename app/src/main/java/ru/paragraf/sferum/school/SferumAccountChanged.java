package ru.paragraf.sferum.school;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An employee's VK Sferum account in the personal file was filled in ({@code vkUserId}) or cleared ({@code null}), or
 * VK stopped accepting it ({@code relinkRequired}: the teacher has to link VK ID again).
 */
public record SferumAccountChanged(UUID employee, UUID organization, @Nullable Long vkUserId, boolean relinkRequired) {}
