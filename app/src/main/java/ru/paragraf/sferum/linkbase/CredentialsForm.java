package ru.paragraf.sferum.linkbase;

import org.jspecify.annotations.Nullable;

/**
 * The «База ссылок» form: the messenger ({@code VK}, the default, or {@code MAX}), then the community id and token or
 * the MAX bot token as typed. The page never shows a token again.
 */
record CredentialsForm(
        @Nullable String messenger, @Nullable String communityId, @Nullable String token, @Nullable String botToken) {

    /** A VK community's form, as before the messenger choice. */
    CredentialsForm(@Nullable String communityId, @Nullable String token) {
        this("VK", communityId, token, null);
    }

    static CredentialsForm empty() {
        return new CredentialsForm("VK", null, null, null);
    }

    boolean max() {
        return "MAX".equals(messenger);
    }

    @Override
    public String toString() {
        return "CredentialsForm[messenger=" + messenger + ", communityId=" + communityId
                + ", token=****, botToken=****]";
    }
}
