package ru.paragraf.sferum.sync.max;

import java.util.UUID;

/**
 * One update of a school's MAX bot, as stored in the inbox ({@code sync.max_update}) and read back.
 *
 * @param id the inbox row; a bot's updates have increasing ids in the order MAX gave them
 * @param organizationId the school whose bot it is
 * @param botUserId the bot's MAX user id
 * @param update the update, typed
 */
public record MaxBotUpdate(long id, UUID organizationId, long botUserId, MaxUpdates.Update update) {}
