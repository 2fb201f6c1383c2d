package ru.paragraf.sferum.accounts;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** «Мои входы»: everyone's own last logins, page and API; nobody sees another's. */
@Controller
class MyLogins {

    private final LoginEvents logins;

    MyLogins(LoginEvents logins) {
        this.logins = logins;
    }

    @GetMapping("/me/logins")
    String page(CurrentUser user, Model model) {
        model.addAttribute("logins", logins.of(user.accountId(), LoginEvents.KEPT));
        model.addAttribute("kept", LoginEvents.KEPT);
        return "accounts/my-logins";
    }

    @GetMapping("/api/me/logins")
    @ResponseBody
    @Operation(
            summary = "The caller's own last logins, newest first",
            description = "At most 50 of the last 90 days: time (Moscow), method (FORM, SSO, HTTP_BASIC), client"
                    + " address, success. API logins of one address are recorded once per 10 minutes.")
    List<LoginRecord> api(CurrentUser user) {
        return logins.of(user.accountId(), LoginEvents.KEPT);
    }
}
