package ru.paragraf.sferum.accounts;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account as the administration pages list it; never its password or hash.
 *
 * @param localPassword whether the account has a local password (accounts of single sign-on have none)
 * @param lastLoginAt the last successful login, in Moscow time; none yet
 */
public record AccountSummary(
        UUID id,
        String username,
        String displayName,
        Role role,
        @Nullable UUID districtId,
        @Nullable UUID organizationId,
        boolean enabled,
        boolean localPassword,
        @Nullable OffsetDateTime lastLoginAt) {}
