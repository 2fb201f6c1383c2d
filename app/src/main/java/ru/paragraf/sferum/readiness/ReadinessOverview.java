package ru.paragraf.sferum.readiness;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The readiness of a district or of the city: every school's, the totals and charts of all of them, and the table as
 * the person sorted and filtered it.
 *
 * @param teachersChart the share of linked teachers per district; only for the city
 */
record ReadinessOverview(
        Week week,
        List<SchoolReadiness> schools,
        ReadinessTotals totals,
        List<DistrictReadiness> districts,
        ReadinessTable table,
        BarChart stagesChart,
        @Nullable BarChart teachersChart) {}
