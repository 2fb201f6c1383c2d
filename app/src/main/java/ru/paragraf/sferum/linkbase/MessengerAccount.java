package ru.paragraf.sferum.linkbase;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organization's account in the messenger it chose, as the sync engine needs it, token opened: the Sferum
 * community (VK) or the school's bot (MAX). For use inside the server only; its {@code toString()} masks the token.
 *
 * @param messenger {@code VK} or {@code MAX} ({@code linkbase.sferum_community.messenger})
 * @param accountId the community's id (VK) or the bot's user id (MAX); null for a bot MAX never confirmed
 */
public record MessengerAccount(
        UUID organization, String messenger, @Nullable Long accountId, String token, VerificationState state) {

    public static final String VK = "VK";
    public static final String MAX = "MAX";

    public boolean isVerified() {
        return state == VerificationState.VERIFIED;
    }

    @Override
    public String toString() {
        return "MessengerAccount[%s, %s %s, token=****, %s]".formatted(organization, messenger, accountId, state);
    }
}
