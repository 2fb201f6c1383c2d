package ru.paragraf.sferum.linkbase;

import java.util.UUID;

/**
 * A school moved from one messenger to the other («Перейти на MAX», «Вернуться в VK»), published in the transaction of
 * the move: a listener that keeps per-messenger state of the school moves it in the same transaction.
 *
 * @param to the messenger the school is on now, {@link MessengerAccount#VK} or {@link MessengerAccount#MAX}
 * @param account the school's account there: the bot's user id (MAX) or the community's id (VK)
 * @param previousAccount the account of the messenger it left, kept by the link base for moving back
 */
public record MessengerMoved(UUID organization, String to, long account, long previousAccount) {}
