package ru.paragraf.sferum.linkbase;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The MAX bot credentials of an organization were saved, replaced, removed, or got another verdict. Holds no secret.
 *
 * @param state the verdict now; {@code null} when the credentials were removed
 */
public record MessengerBotChanged(UUID organization, @Nullable VerificationState state) {}
