package ru.paragraf.sferum.readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/** One district of the city's readiness: its schools' totals. */
record DistrictReadiness(UUID id, String name, ReadinessTotals totals) {

    /** The districts of these schools in the order they first appear, each with its schools' totals. */
    static List<DistrictReadiness> of(List<SchoolReadiness> schools) {
        var byDistrict = new LinkedHashMap<UUID, List<SchoolReadiness>>();
        for (var school : schools) {
            byDistrict
                    .computeIfAbsent(school.organization().districtId(), id -> new java.util.ArrayList<>())
                    .add(school);
        }
        return byDistrict.values().stream()
                .map(members -> new DistrictReadiness(
                        members.get(0).organization().districtId(),
                        members.get(0).organization().districtName(),
                        ReadinessTotals.of(members)))
                .toList();
    }
}
