package ru.paragraf.sferum.readiness;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.school.ScopedOrganizations;

/**
 * The schools of each district that are not ready yet (their stage is below «Чаты работают»), for the district
 * operators' daily summary: the city's table read as the city operator reads it, with the same five queries.
 */
@Service
public class NotReadySchools {

    /** The city's view, for a scheduled summary that no person asked for. */
    private static final CurrentUser CITY = new CurrentUser(
            new UUID(0, 0), "readiness-summary", "readiness-summary", Role.CITY_OPERATOR, null, null, null, null, null);

    private final ScopedOrganizations organizations;
    private final ReadinessFacts facts;
    private final Clock clock;

    NotReadySchools(ScopedOrganizations organizations, ReadinessFacts facts, Clock clock) {
        this.organizations = organizations;
        this.facts = facts;
        this.clock = clock;
    }

    /** Every district with its schools, and the names of those not ready (none where all are ready). */
    public List<District> byDistrict() {
        var schools = facts.of(organizations.visible(CITY), Week.of(clock));
        var districts = new LinkedHashMap<UUID, District>();
        for (var school : schools) {
            var organization = school.organization();
            var district = districts.computeIfAbsent(
                    organization.districtId(),
                    id -> new District(id, organization.districtName(), new ArrayList<>(), new ArrayList<>()));
            district.schools().add(organization.shortName());
            if (school.stage() != ReadinessStage.CHATS) {
                district.notReady().add(organization.shortName());
            }
        }
        return List.copyOf(districts.values());
    }

    /** A district, the short names of its schools and of those not ready. */
    public record District(UUID id, String name, List<String> schools, List<String> notReady) {}
}
