package ru.paragraf.sferum.sync;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.school.OrganizationSummary;

/**
 * What the pages and the API show and do for «Закрыть учебный год»: a school's preview and close, and a district's
 * (each of its schools, summed). Closing a closed year is refused (409) and changes nothing.
 */
@Service
class YearCloseDecisions {

    private final YearCloseAccess access;
    private final YearClosing closing;
    private final OperationProblems texts;

    YearCloseDecisions(YearCloseAccess access, YearClosing closing, OperationProblems texts) {
        this.access = access;
        this.closing = closing;
        this.texts = texts;
    }

    YearCloseView school(CurrentUser user, UUID organization, @Nullable UUID year) {
        var school = access.school(user, organization);
        return closing.view(school, year == null ? defaultYear(school) : year);
    }

    YearCloseView close(CurrentUser user, UUID organization, UUID year) {
        var school = access.school(user, organization);
        var view = closing.view(school, year);
        if (view.closed() || !closing.close(user, school.id(), year)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, texts.text("yearClose.error.closed", view.year()));
        }
        return closing.view(school, year);
    }

    DistrictYearCloseView district(CurrentUser user, UUID district, @Nullable UUID year) {
        var schools = access.district(user, district);
        var chosen = year == null ? defaultYear(schools) : year;
        return districtView(schools, chosen);
    }

    /** Closes the year for each school of the district where it is open; refused (409) if it is closed in all. */
    DistrictYearCloseView closeDistrict(CurrentUser user, UUID district, UUID year) {
        var schools = access.district(user, district);
        var before = districtView(schools, year);
        if (before.schoolsToClose() == 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, texts.text("yearClose.error.closed", before.year()));
        }
        for (var school : before.schools()) {
            if (!school.closed()) {
                closing.close(user, school.organizationId(), year);
            }
        }
        return districtView(schools, year);
    }

    private DistrictYearCloseView districtView(List<OrganizationSummary> schools, UUID year) {
        var views = schools.stream()
                .filter(school -> closing.years(school.id()).stream()
                        .anyMatch(it -> it.id().equals(year)))
                .map(school -> closing.view(school, year))
                .toList();
        if (views.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, texts.text("yearClose.noYear"));
        }
        var first = schools.get(0);
        return DistrictYearCloseView.of(
                first.districtId(), first.districtName(), year, views.get(0).year(), views);
    }

    private UUID defaultYear(OrganizationSummary school) {
        return closing.defaultYear(school.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, texts.text("yearClose.noYear")));
    }

    /** The district's year: the one most of its schools would close now. */
    private UUID defaultYear(List<OrganizationSummary> schools) {
        var counts = new java.util.LinkedHashMap<UUID, Integer>();
        for (var school : schools) {
            closing.defaultYear(school.id()).ifPresent(year -> counts.merge(year, 1, Integer::sum));
        }
        return counts.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, texts.text("yearClose.noYear")));
    }
}
