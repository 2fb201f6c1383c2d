package ru.paragraf.sferum.linkbase;

/** The verdict on stored credentials, as the link base shows it. */
public enum VerificationState {
    /** «проверено ✓»: Sferum confirmed the community, the token and its permissions. */
    VERIFIED,
    /** «не проверены»: Sferum could not be asked yet; a job tries again with backoff. */
    UNVERIFIED,
    /** «ошибка»: Sferum refused the stored pair (for example the token was revoked since). */
    FAILED
}
