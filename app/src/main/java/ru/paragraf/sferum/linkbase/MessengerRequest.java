package ru.paragraf.sferum.linkbase;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/orgs/{org}/messenger}: {@code {"messenger":"MAX","botToken":"…"}}, or {@code
 * {"messenger":"VK","communityId":"…","token":"…"}} (the same as {@code PUT …/sferum-community}).
 */
record MessengerRequest(
        @Nullable String messenger, @Nullable String communityId, @Nullable String token, @Nullable String botToken) {

    @Override
    public String toString() {
        return "MessengerRequest[messenger=" + messenger + ", communityId=" + communityId
                + ", token=****, botToken=****]";
    }
}
