package ru.paragraf.sferum.sync;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * «Закрыть учебный год» in the API: a school's (its admin, its district's operator, the city operator) and a
 * district's (the city operator, the district's operator); scoped like the pages, anything else is 404.
 */
@RestController
@Tag(name = "Sync")
class YearCloseApi {

    private final YearCloseDecisions decisions;

    YearCloseApi(YearCloseDecisions decisions) {
        this.decisions = decisions;
    }

    /** The year to close. */
    record CloseYear(@NotNull UUID year) {}

    @GetMapping("/api/orgs/{organization}/year-close")
    @Operation(
            summary = "What closing an academic year does for the school",
            description = "Without `year`: the oldest open year with live chats or calls, else the current one. Lists"
                    + " the chats to archive with their new titles, the calls to finish and (if the school empties"
                    + " archived chats) the pupils and parents to take out; once `closed`, what was archived.")
    @ApiResponse(responseCode = "404", description = "No such organization or year for the caller")
    YearCloseView get(
            CurrentUser user, @PathVariable UUID organization, @RequestParam(required = false) @Nullable UUID year) {
        return decisions.school(user, organization, year);
    }

    @PostMapping("/api/orgs/{organization}/year-close")
    @Operation(
            summary = "Close the academic year for the school",
            description = "Finishes the year's calls, archives each of its chats (renamed with the year, the closing"
                    + " message pinned) and empties them of pupils and parents if the school chose it; in the"
                    + " background, through the synchronization queue. Audited.")
    @ApiResponse(responseCode = "409", description = "The year is closed already: nothing changes")
    @ApiResponse(responseCode = "404", description = "No such organization or year for the caller")
    YearCloseView close(CurrentUser user, @PathVariable UUID organization, @Valid @RequestBody CloseYear body) {
        return decisions.close(user, organization, body.year());
    }

    @GetMapping("/api/districts/{district}/year-close")
    @Operation(
            summary = "What closing an academic year does for every school of the district",
            description = "Each school's preview, and the sums over the schools where the year is still open.")
    @ApiResponse(responseCode = "404", description = "No such district or year for the caller")
    DistrictYearCloseView district(
            CurrentUser user, @PathVariable UUID district, @RequestParam(required = false) @Nullable UUID year) {
        return decisions.district(user, district, year);
    }

    @PostMapping("/api/districts/{district}/year-close")
    @Operation(
            summary = "Close the academic year for every school of the district",
            description = "As for one school, for each school where the year is open. Audited per school.")
    @ApiResponse(responseCode = "409", description = "The year is closed in every school already")
    @ApiResponse(responseCode = "404", description = "No such district or year for the caller")
    DistrictYearCloseView closeDistrict(
            CurrentUser user, @PathVariable UUID district, @Valid @RequestBody CloseYear body) {
        return decisions.closeDistrict(user, district, body.year());
    }
}
