package ru.paragraf.sferum.readiness;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;

/** «Готовность к работе со Сферум» in the API, scoped like the pages: what the caller may not see is 404. */
@RestController
@RequestMapping("/api")
@Tag(name = "Readiness")
class ReadinessApi {

    private final ReadinessAccess access;
    private final SchoolReadinessDetails details;
    private final ReadinessOverviews overviews;

    ReadinessApi(ReadinessAccess access, SchoolReadinessDetails details, ReadinessOverviews overviews) {
        this.access = access;
        this.details = details;
        this.overviews = overviews;
    }

    @GetMapping("/orgs/{organization}/readiness")
    @Operation(
            summary =
                    "A school's readiness: stage, credentials, task and last run, teachers, chats, calls, what to fix")
    ReadinessResources.SchoolDetails school(CurrentUser user, @PathVariable UUID organization) {
        return ReadinessResources.SchoolDetails.of(details.of(access.school(user, organization)));
    }

    @GetMapping("/districts/{district}/readiness")
    @Operation(
            summary = "The readiness of a district's schools with their totals",
            description = "`sort` is a column (school, district, stage, credentials, task, last_run, teachers, chats,"
                    + " calls, errors), `dir` asc or desc, `stage` keeps the schools of one stage.")
    ReadinessResources.Overview district(
            CurrentUser user,
            @PathVariable UUID district,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String dir,
            @RequestParam(required = false) @Nullable String stage) {
        var overview = overviews.district(
                access.district(user, district), ReadinessOrder.of(sort, dir), ReadinessPages.stage(stage));
        return ReadinessResources.Overview.of(overview, true);
    }

    @GetMapping("/readiness")
    @Operation(summary = "The readiness of every school of the city, with totals per district and for the city")
    ReadinessResources.Overview city(
            CurrentUser user,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String dir,
            @RequestParam(required = false) @Nullable String stage) {
        var overview = overviews.city(access.city(user), ReadinessOrder.of(sort, dir), ReadinessPages.stage(stage));
        return ReadinessResources.Overview.of(overview, false);
    }
}
