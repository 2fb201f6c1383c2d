package ru.paragraf.sferum.notices;

import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.readiness.NotReadySchools;

/**
 * The district operators' daily summary of schools not ready: one notice per district and day that names them;
 * the day's summary closes the one before it, and a district whose schools are all ready has none open.
 */
@Component
class SchoolsSummary {

    /** How many school names a summary lists; the count says how many there are. */
    static final int NAMED = 20;

    private final NotReadySchools readiness;
    private final Notices notices;
    private final MoscowDays days;

    SchoolsSummary(NotReadySchools readiness, Notices notices, MoscowDays days) {
        this.readiness = readiness;
        this.notices = notices;
        this.days = days;
    }

    /** Makes today's summaries; returns how many districts have schools not ready. */
    int summarize() {
        var told = 0;
        for (var district : readiness.byDistrict()) {
            var audience = Audience.districtOperators(district.id());
            if (district.notReady().isEmpty()) {
                notices.closeOthers(audience, NoticeKind.SCHOOLS_NOT_READY, null);
                continue;
            }
            var cause = "not-ready:" + district.id() + ":" + days.today();
            var named = district.notReady()
                    .subList(0, Math.min(NAMED, district.notReady().size()));
            notices.tell(
                    audience,
                    NoticeKind.SCHOOLS_NOT_READY,
                    cause,
                    List.of(
                            String.valueOf(district.notReady().size()),
                            String.valueOf(district.schools().size()),
                            String.join(", ", named)
                                    + (named.size() < district.notReady().size() ? ", …" : "")),
                    "/districts/" + district.id() + "/readiness");
            notices.closeOthers(audience, NoticeKind.SCHOOLS_NOT_READY, cause);
            told++;
        }
        return told;
    }

    /** The Quartz job of the summary: one node of the cluster makes it. */
    @DisallowConcurrentExecution
    static class SummaryJob implements Job {

        private final SchoolsSummary summary;

        SummaryJob(SchoolsSummary summary) {
            this.summary = summary;
        }

        @Override
        public void execute(JobExecutionContext context) {
            summary.summarize();
        }
    }
}
