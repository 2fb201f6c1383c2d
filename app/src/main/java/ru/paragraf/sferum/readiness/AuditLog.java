package ru.paragraf.sferum.readiness;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.audit.AuditRecord;
import ru.paragraf.sferum.audit.AuditTrail;

/**
 * «Журнал изменений» of a school: who changed its community credentials, exchange tasks, subject-chat selectors and
 * VK ID links, and when; newest first. For the school's admin, its district's operator and the city operator, like
 * the readiness page it is reached from. Entries never hold secrets.
 */
@Controller
class AuditLog {

    static final int LIMIT = 200;

    private final ReadinessAccess access;
    private final AuditTrail audit;

    AuditLog(ReadinessAccess access, AuditTrail audit) {
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/orgs/{organization}/audit")
    String page(CurrentUser user, @PathVariable UUID organization, Model model) {
        var school = access.school(user, organization);
        model.addAttribute("organization", school);
        model.addAttribute("entries", audit.ofOrganization(school.id(), LIMIT));
        model.addAttribute("limit", LIMIT);
        return "readiness/audit";
    }

    @GetMapping("/api/orgs/{organization}/audit")
    @ResponseBody
    List<AuditRecord> api(CurrentUser user, @PathVariable UUID organization) {
        return audit.ofOrganization(access.school(user, organization).id(), LIMIT);
    }
}
