package ru.paragraf.sferum.linkbase;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/orgs/{org}/sferum-community}. The id is taken as text, so that a value beyond 64 bits
 * or with letters gets the same precise message as in the form instead of a parse error.
 */
record CredentialsRequest(@Nullable String communityId, @Nullable String token) {

    @Override
    public String toString() {
        return "CredentialsRequest[communityId=" + communityId + ", token=****]";
    }
}
