/**
 * «Система мониторинга информационных ресурсов» → organization → «База ссылок»: the external resources registered
 * per organization; for now the school's Sferum community.
 *
 * <p><b>Owns</b> (schema {@code linkbase}): per organization at most one Sferum community — its id, its community
 * access token sealed with {@link ru.paragraf.sferum.secrets.SecretBox}, and the verdict of the last verification
 * (verified, not verified because VK was unreachable, or failed with a precise reason); previews of the city's
 * hand-down files (CSV of organization code, community id and token) with their tokens sealed, until they expire.
 * Pages {@code /orgs/{org}/linkbase}, {@code /linkbase}, {@code /linkbase/import}; API
 * {@code /api/orgs/{org}/sferum-community}. Every change is audited in its own transaction; no token is ever
 * logged, shown or returned, only masked.
 *
 * <p><b>Offers</b> {@link ru.paragraf.sferum.linkbase.SferumCommunities#of} (the community id, the opened token and
 * the verification state, for the sync engine) and the SPI {@link ru.paragraf.sferum.linkbase.CommunityVerifier},
 * which the sync module implements against the VK API: linkbase itself never speaks VK.
 *
 * <p><b>Publishes</b> {@link ru.paragraf.sferum.linkbase.CommunityCredentialsChanged} on every save, replacement,
 * removal and change of the verdict. Listens to nothing.
 */
@NullMarked
@ApplicationModule(
        displayName = "Link base",
        allowedDependencies = {"accounts", "school", "secrets", "audit"})
package ru.paragraf.sferum.linkbase;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
