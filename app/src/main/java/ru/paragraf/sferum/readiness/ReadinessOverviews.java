package ru.paragraf.sferum.readiness;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.school.OrganizationSummary;

/** Builds the district's and the city's readiness from their schools. */
@Component
class ReadinessOverviews {

    static final List<ReadinessColumn> DISTRICT_COLUMNS = List.of(
            ReadinessColumn.SCHOOL,
            ReadinessColumn.STAGE,
            ReadinessColumn.CREDENTIALS,
            ReadinessColumn.TASK,
            ReadinessColumn.LAST_RUN,
            ReadinessColumn.TEACHERS,
            ReadinessColumn.CHATS,
            ReadinessColumn.CALLS,
            ReadinessColumn.ERRORS);

    static final List<ReadinessColumn> CITY_COLUMNS = List.of(
            ReadinessColumn.SCHOOL,
            ReadinessColumn.DISTRICT,
            ReadinessColumn.STAGE,
            ReadinessColumn.CREDENTIALS,
            ReadinessColumn.TASK,
            ReadinessColumn.LAST_RUN,
            ReadinessColumn.TEACHERS,
            ReadinessColumn.CHATS,
            ReadinessColumn.CALLS,
            ReadinessColumn.ERRORS);

    private final ReadinessFacts facts;
    private final ReadinessCharts charts;
    private final ReadinessTexts texts;
    private final Clock clock;

    ReadinessOverviews(ReadinessFacts facts, ReadinessCharts charts, ReadinessTexts texts, Clock clock) {
        this.facts = facts;
        this.charts = charts;
        this.texts = texts;
        this.clock = clock;
    }

    ReadinessOverview district(
            List<OrganizationSummary> organizations, ReadinessOrder order, @Nullable ReadinessStage stage) {
        var base = "/districts/" + organizations.get(0).districtId() + "/readiness";
        return overview(organizations, base, DISTRICT_COLUMNS, order, stage, false);
    }

    ReadinessOverview city(
            List<OrganizationSummary> organizations, ReadinessOrder order, @Nullable ReadinessStage stage) {
        return overview(organizations, "/readiness", CITY_COLUMNS, order, stage, true);
    }

    private ReadinessOverview overview(
            List<OrganizationSummary> organizations,
            String base,
            List<ReadinessColumn> columns,
            ReadinessOrder order,
            @Nullable ReadinessStage stage,
            boolean perDistrict) {
        var week = Week.of(clock);
        var schools = facts.of(organizations, week);
        var totals = ReadinessTotals.of(schools);
        var districts = DistrictReadiness.of(schools);
        var table = ReadinessTable.of(
                base,
                columns,
                schools,
                order,
                stage,
                school -> new ReadinessTable.Row(school, texts.time(school.lastRunFinishedAt())));
        var stages = charts.stages(totals, table::stageLink);
        var teachers = perDistrict
                ? charts.teachersByDistrict(districts, district -> "/districts/" + district + "/readiness")
                : null;
        return new ReadinessOverview(week, schools, totals, districts, table, stages, teachers);
    }
}
