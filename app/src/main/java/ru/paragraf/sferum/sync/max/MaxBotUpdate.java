package ru.paragraf.sferum.sync.max;

import java.util.UUID;

/**
 * An update of a school's MAX bot as stored by the updates inbox: its id there, the bot's organization and user id,
 * and the update as MAX sent it.
 */
public record MaxBotUpdate(long id, UUID organizationId, long botUserId, MaxUpdates.Update update) {}
