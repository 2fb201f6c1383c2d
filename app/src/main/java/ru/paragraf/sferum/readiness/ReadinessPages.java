package ru.paragraf.sferum.readiness;

import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.paragraf.sferum.accounts.CurrentUser;

/** Pages «Готовность к работе со Сферум» of a school, a district and the city. */
@Controller
class ReadinessPages {

    private final ReadinessAccess access;
    private final SchoolReadinessDetails details;
    private final ReadinessOverviews overviews;

    ReadinessPages(ReadinessAccess access, SchoolReadinessDetails details, ReadinessOverviews overviews) {
        this.access = access;
        this.details = details;
        this.overviews = overviews;
    }

    @GetMapping("/orgs/{organization}/readiness")
    String school(CurrentUser user, @PathVariable UUID organization, Model model) {
        var school = access.school(user, organization);
        model.addAttribute("organization", school);
        model.addAttribute("view", details.of(school));
        return "readiness/school";
    }

    @GetMapping("/districts/{district}/readiness")
    String district(
            CurrentUser user,
            @PathVariable UUID district,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String dir,
            @RequestParam(required = false) @Nullable String stage,
            Model model) {
        var schools = access.district(user, district);
        model.addAttribute("district", schools.get(0).districtName());
        model.addAttribute("overview", overviews.district(schools, ReadinessOrder.of(sort, dir), stage(stage)));
        return "readiness/overview";
    }

    @GetMapping("/readiness")
    String city(
            CurrentUser user,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String dir,
            @RequestParam(required = false) @Nullable String stage,
            Model model) {
        model.addAttribute("overview", overviews.city(access.city(user), ReadinessOrder.of(sort, dir), stage(stage)));
        return "readiness/overview";
    }

    static @Nullable ReadinessStage stage(@Nullable String parameter) {
        return Arrays.stream(ReadinessStage.values())
                .filter(stage -> stage.name().equals(parameter))
                .findFirst()
                .orElse(null);
    }
}
