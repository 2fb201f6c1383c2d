package ru.paragraf.sferum.accounts;

import java.util.List;
import java.util.UUID;

/**
 * The districts a district operator account can be tied to, with their names; implemented by the module that owns
 * school data, so that accounts depends on none.
 */
public interface OperatorDistricts {

    /** Every district, by name. */
    List<District> all();

    /** A district by id and its name. */
    record District(UUID id, String name) {}
}
