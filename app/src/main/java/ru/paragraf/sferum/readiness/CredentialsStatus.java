package ru.paragraf.sferum.readiness;

import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.linkbase.CommunityStates.CommunityState;

/** The school's community credentials in «База ссылок» as readiness counts them, worst first. */
enum CredentialsStatus {
    NONE,
    FAILED,
    UNVERIFIED,
    VERIFIED;

    static CredentialsStatus of(@Nullable CommunityState community) {
        if (community == null) {
            return NONE;
        }
        switch (community.state()) {
            case VERIFIED:
                return VERIFIED;
            case FAILED:
                return FAILED;
            default:
                return UNVERIFIED;
        }
    }
}
