package ru.paragraf.sferum.readiness;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** The charts of the district and city pages, laid out for SVG. */
@Component
class ReadinessCharts {

    private final ReadinessTexts texts;

    ReadinessCharts(ReadinessTexts texts) {
        this.texts = texts;
    }

    /** Schools by stage, a bar per stage; a click on a bar shows those schools ({@code href}). */
    BarChart stages(ReadinessTotals totals, Function<ReadinessStage, String> href) {
        var most = Arrays.stream(ReadinessStage.values())
                .mapToInt(totals::stage)
                .max()
                .orElse(0);
        var rows = Arrays.stream(ReadinessStage.values())
                .map(stage -> new BarChart.Row(
                        texts.get("readiness.stage." + stage.name()),
                        totals.stage(stage),
                        texts.get(
                                "readiness.chart.stageValue",
                                totals.stage(stage),
                                percent(totals.stage(stage), totals.schools())),
                        href.apply(stage),
                        "readiness-stage-" + stage.ordinal()))
                .toList();
        return BarChart.of("chart-stages", texts.get("readiness.chart.stages"), rows, Math.max(1, most), -1, "");
    }

    /** The share of teachers with a linked VK ID per district, against the 80 % target. */
    BarChart teachersByDistrict(List<DistrictReadiness> districts, Function<UUID, String> href) {
        var rows = districts.stream()
                .map(district -> new BarChart.Row(
                        district.name(),
                        district.totals().teacherPercent(),
                        texts.get(
                                "readiness.chart.teachersValue",
                                district.totals().teacherPercent(),
                                district.totals().linked(),
                                district.totals().teachers()),
                        href.apply(district.id()),
                        shareStyle(district.totals().teacherPercent())))
                .toList();
        return BarChart.of(
                "chart-teachers",
                texts.get("readiness.chart.teachers"),
                rows,
                100,
                SchoolReadiness.TEACHERS_TARGET_PERCENT,
                texts.get("readiness.chart.target", SchoolReadiness.TEACHERS_TARGET_PERCENT));
    }

    private static String shareStyle(int percent) {
        if (percent >= SchoolReadiness.TEACHERS_TARGET_PERCENT) {
            return "readiness-share-good";
        }
        return percent >= 50 ? "readiness-share-fair" : "readiness-share-low";
    }

    private static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(part * 100.0 / whole);
    }
}
