package ru.paragraf.sferum.linkbase;

import org.jspecify.annotations.Nullable;

/**
 * The Sferum community of an organization as the «База ссылок» tab shows it; the token masked.
 *
 * @param state {@code VERIFIED}, {@code UNVERIFIED} or {@code FAILED}
 * @param stateText «проверено ✓», «не проверены» or «ошибка: …»
 * @param verdictAt the time of the last definite verdict, formatted
 * @param attemptedAt the time of the last attempt to verify, formatted
 * @param nextCheckAt when «не проверены» credentials are tried again, formatted
 */
record CommunityView(
        long communityId,
        @Nullable String communityName,
        String tokenMasked,
        String state,
        String stateText,
        @Nullable String verdictAt,
        @Nullable String attemptedAt,
        @Nullable String nextCheckAt,
        @Nullable String savedAt,
        String savedBy) {

    static CommunityView of(StoredCommunity c, LinkbaseTexts texts) {
        return new CommunityView(
                c.communityId(),
                c.communityName(),
                c.tokenMasked(),
                c.state().name(),
                texts.state(c.state(), c.failure()),
                texts.time(c.verdictAt()),
                texts.time(c.attemptedAt()),
                texts.time(c.nextCheckAt()),
                texts.time(c.savedAt()),
                c.savedBy());
    }

    public boolean verified() {
        return "VERIFIED".equals(state);
    }

    public boolean failed() {
        return "FAILED".equals(state);
    }
}
