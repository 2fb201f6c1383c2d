package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * The page «Удержанные удаления» of a school: the hold, the removals it keeps back, and the two decisions (each behind a
 * confirmation); reached from «Предпросмотр» and the readiness pages. Its school admin, district and city operators.
 */
@Controller
class RemovalHoldPage {

    private final SyncPreviewAccess access;
    private final RemovalHoldDecisions decisions;
    private final SyncProperties properties;

    RemovalHoldPage(SyncPreviewAccess access, RemovalHoldDecisions decisions, SyncProperties properties) {
        this.access = access;
        this.decisions = decisions;
        this.properties = properties;
    }

    @GetMapping("/orgs/{organization}/removal-hold")
    String page(CurrentUser user, @PathVariable UUID organization, Model model) {
        model.addAttribute("hold", decisions.of(access.organization(user, organization)));
        model.addAttribute("sharePercent", Math.round(properties.hold().share() * 100));
        model.addAttribute("maxPeople", properties.hold().maxPeople());
        return "sync/removal-hold";
    }

    @PostMapping("/orgs/{organization}/removal-hold/release")
    String release(
            CurrentUser user, @PathVariable UUID organization, @RequestParam UUID hold, @RequestParam int shown) {
        decisions.release(user, access.organization(user, organization), hold, shown);
        return "redirect:/orgs/" + organization + "/removal-hold";
    }

    @PostMapping("/orgs/{organization}/removal-hold/discard")
    String discard(CurrentUser user, @PathVariable UUID organization, @RequestParam UUID hold) {
        decisions.discard(user, access.organization(user, organization), hold);
        return "redirect:/orgs/" + organization + "/removal-hold";
    }
}
