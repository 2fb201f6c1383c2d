package ru.paragraf.sferum.school;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person's MAX account in school's records was filled in ({@code maxUserId}) or cleared ({@code null}): the chats of
 * the journals they belong to gain or lose them, as for {@link SferumAccountChanged} in VK.
 */
public record MaxAccountRecorded(UUID person, UUID organization, @Nullable Long maxUserId) {}
