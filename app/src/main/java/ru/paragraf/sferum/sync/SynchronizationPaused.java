package ru.paragraf.sferum.sync;

import java.util.UUID;

/**
 * The organization's synchronization stopped because the messenger refused its community credentials; it resumes
 * when the credentials are verified again (linkbase's {@code CommunityCredentialsChanged}). Holds no secret.
 */
public record SynchronizationPaused(UUID organization) {}
