package ru.paragraf.sferum.sync;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What «Перейти на MAX» (or «Вернуться в VK») will do for a school, before it is confirmed.
 *
 * @param to the messenger the school moves to
 * @param bot the bot MAX named for the token, as {@code @username}; null when moving back
 * @param journalsWithChats journals whose subject chat is in the messenger the school leaves
 * @param journalsToRestore journals whose chat in the messenger it moves to is kept from an earlier stay there
 * @param activeCalls calls running now in the messenger it leaves (not finished by the engine)
 * @param consequences what happens, in Russian, one sentence each
 */
record MovePreview(
        UUID organizationId,
        String to,
        @Nullable String bot,
        int journalsWithChats,
        int journalsToRestore,
        int activeCalls,
        List<String> consequences) {}
