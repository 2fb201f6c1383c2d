package ru.paragraf.sferum.school.oneroster;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * What an import may touch, by the caller's role, in the spirit of the school module's SchoolScope: the city
 * operator everything; a district operator the organizations of their district, including new ones there; a
 * school admin their own organization only. Anyone else nothing, whatever the URL rules say.
 */
record ImportScope(Level level, @Nullable UUID district, @Nullable UUID organization) {

    enum Level {
        CITY,
        DISTRICT,
        SCHOOL,
        NONE
    }

    static ImportScope of(CurrentUser user) {
        switch (user.role()) {
            case CITY_OPERATOR:
                return new ImportScope(Level.CITY, null, null);
            case DISTRICT_OPERATOR:
                return new ImportScope(Level.DISTRICT, user.districtId(), null);
            case SCHOOL_ADMIN:
                return new ImportScope(Level.SCHOOL, null, user.organizationId());
            default:
                return new ImportScope(Level.NONE, null, null);
        }
    }

    boolean isCity() {
        return level == Level.CITY;
    }

    /** May the caller change data of this organization, which lies (or is to lie) in this district? */
    boolean allows(UUID organizationId, UUID districtId) {
        switch (level) {
            case CITY:
                return true;
            case DISTRICT:
                return districtId.equals(district);
            case SCHOOL:
                return organizationId.equals(organization);
            default:
                return false;
        }
    }

    /** May the caller create a new organization in this district? School admins create no organizations. */
    boolean mayCreateOrganizationIn(UUID districtId) {
        return isCity() || (level == Level.DISTRICT && districtId.equals(district));
    }
}
