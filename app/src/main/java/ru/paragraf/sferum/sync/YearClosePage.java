package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * The pages «Закрыть учебный год» of a school and of a district: the preview, then (with {@code confirm}) the same
 * preview with the confirmation; closing redirects back to the closed year.
 */
@Controller
class YearClosePage {

    private final YearCloseDecisions decisions;
    private final YearCloseAccess access;

    YearClosePage(YearCloseDecisions decisions, YearCloseAccess access) {
        this.decisions = decisions;
        this.access = access;
    }

    @GetMapping("/orgs/{organization}/year-close")
    String school(
            CurrentUser user,
            @PathVariable UUID organization,
            @RequestParam(required = false) @Nullable UUID year,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model) {
        var view = decisions.school(user, organization, year);
        model.addAttribute("organization", access.school(user, organization));
        model.addAttribute("close", view);
        model.addAttribute("confirm", confirm && !view.closed());
        return "sync/year-close";
    }

    @PostMapping("/orgs/{organization}/year-close")
    String close(CurrentUser user, @PathVariable UUID organization, @RequestParam UUID year) {
        decisions.close(user, organization, year);
        return "redirect:/orgs/" + organization + "/year-close?year=" + year + "&closed";
    }

    @GetMapping("/districts/{district}/year-close")
    String district(
            CurrentUser user,
            @PathVariable UUID district,
            @RequestParam(required = false) @Nullable UUID year,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model) {
        var view = decisions.district(user, district, year);
        model.addAttribute("close", view);
        model.addAttribute("confirm", confirm && view.schoolsToClose() > 0);
        return "sync/district-year-close";
    }

    @PostMapping("/districts/{district}/year-close")
    String closeDistrict(CurrentUser user, @PathVariable UUID district, @RequestParam UUID year) {
        decisions.closeDistrict(user, district, year);
        return "redirect:/districts/" + district + "/year-close?year=" + year + "&closed";
    }
}
