package ru.paragraf.sferum.school;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A pupil's or a parent's VK Sferum account, brought by the diary's data transfer, was filled in ({@code vkUserId}),
 * cleared ({@code null}), or VK stopped accepting it ({@code relinkRequired}: the person has to link VK ID again).
 * The pupils' and parents' counterpart of {@link SferumAccountChanged}.
 *
 * @param kind {@link PersonKind#PUPIL} or {@link PersonKind#PARENT}
 */
public record FamilySferumAccountChanged(
        PersonKind kind, UUID person, UUID organization, @Nullable Long vkUserId, boolean relinkRequired) {}
