/**
 * «Система мониторинга информационных ресурсов» → organization → «База ссылок»: the external resources registered
 * per organization; for now the school's Sferum community.
 *
 * <p><b>Owns</b> (schema {@code linkbase}): per organization at most one Sferum community — its id, its community
 * access token sealed with {@link ru.paragraf.sferum.secrets.SecretBox}, and the verdict of the last verification
 * (verified, not verified because VK was unreachable, or failed with a precise reason); previews of the city's
 * hand-down files (CSV of organization code, community id and token) with their tokens sealed, until they expire.
 * Pages {@code /orgs/{org}/linkbase}, {@code /linkbase}, {@code /linkbase/import}; API
 * {@code /api/orgs/{org}/sferum-community}. Every change is audited in the transaction of the change; no token is
 * ever logged, shown or returned, only masked. Its own cluster-wide jobs re-verify credentials left «не проверены»
 * and clear away expired previews.
 *
 * <p><b>Offers</b> {@link ru.paragraf.sferum.linkbase.SferumCommunities#of} (the community id, the opened token and
 * the verification state, for the sync engine; {@code remembered}: the same, kept in memory for its operations;
 * {@code accountOf}/{@code rememberedAccount}: the organization's account in the messenger it chose, a VK community
 * or a MAX bot, as a {@link ru.paragraf.sferum.linkbase.MessengerAccount}),
 * {@link ru.paragraf.sferum.linkbase.CommunityStates} (the verdicts of
 * many organizations at once, without tokens, for readiness), {@link ru.paragraf.sferum.linkbase.VerifiedBots} (the
 * verified MAX bots, a bot's token opened on demand, for the sync module's updates inbox) and the SPI
 * {@link ru.paragraf.sferum.linkbase.CommunityVerifier}, which the sync module implements against the VK API:
 * linkbase itself never speaks VK.
 *
 * <p>A school's move from VK to MAX and back: {@link ru.paragraf.sferum.linkbase.MessengerMoves} keeps the VK community
 * ({@code linkbase.kept_community}) while the school is on MAX, opens its token for the VK chats' closing messages, and
 * publishes {@link ru.paragraf.sferum.linkbase.MessengerMoved} in the move's transaction.
 *
 * <p><b>Publishes</b> {@link ru.paragraf.sferum.linkbase.CommunityCredentialsChanged} (a VK community) and
 * {@link ru.paragraf.sferum.linkbase.MessengerBotChanged} (a MAX bot) on every save, replacement, removal and change
 * of the verdict. Listens to nothing.
 *
 * <p><b>Depends on</b> {@code accounts} (the person and their role), {@code school} (which organizations the person
 * may see, organizations by code), {@code secrets} (sealing and masking tokens) and {@code audit}.
 */
@NullMarked
@ApplicationModule(
        displayName = "Link base",
        allowedDependencies = {"accounts", "school", "secrets", "audit"})
package ru.paragraf.sferum.linkbase;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
