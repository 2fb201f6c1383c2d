package ru.paragraf.sferum.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page-cost harness works end to end at a tiny scale (one school, a few requests of each page, under JFR too),
 * so that the documented command keeps working. Its figures are not asserted; only that each page was served and
 * measured, and that the profile found the server threads' samples.
 */
class PageCostTests {

    @TempDir
    Path results;

    @Test
    void measuresEachPageAndWritesItsReportWithProfiles() throws Exception {
        var settings = new PageCost.Settings(1, 5, 20, true, results);

        var result = new PageCost(settings).run();
        var file = PageCostReport.write(result, "test", results);

        assertThat(result.pages()).hasSize(3).allSatisfy(page -> {
            assertThat(page.page().lessons()).isPositive();
            assertThat(page.bytes()).isPositive();
            assertThat(page.cpuMean()).isPositive();
            assertThat(page.profile()).isNotNull();
        });
        assertThat(Files.readString(file)).contains("journal page, median journal", "diary week", "## Profile");
        try (var recordings = Files.list(results)) {
            assertThat(recordings.filter(p -> p.toString().endsWith(".jfr")))
                    .hasSize(3)
                    .allSatisfy(p -> assertThat(p.getFileName().toString()).doesNotStartWith("-"));
        }
    }
}
