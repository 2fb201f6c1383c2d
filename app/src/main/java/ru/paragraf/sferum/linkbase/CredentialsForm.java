package ru.paragraf.sferum.linkbase;

import org.jspecify.annotations.Nullable;

/** The «База ссылок» form: the community id and the token as typed. The page never shows the token again. */
record CredentialsForm(@Nullable String communityId, @Nullable String token) {

    static CredentialsForm empty() {
        return new CredentialsForm(null, null);
    }

    @Override
    public String toString() {
        return "CredentialsForm[communityId=" + communityId + ", token=****]";
    }
}
