package ru.paragraf.sferum.accounts;

import java.util.Optional;
import java.util.UUID;

/**
 * The district of an organization, for deciding whether a district operator may administer a school's account.
 * Accounts know their organization only; the school data (module {@code school}) knows its district.
 */
public interface OrganizationDistricts {

    Optional<UUID> districtOf(UUID organization);
}
