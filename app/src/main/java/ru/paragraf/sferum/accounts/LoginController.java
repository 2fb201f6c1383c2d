package ru.paragraf.sferum.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.view.RedirectView;

/** The login page, and the start page that sends each role to where its work is. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "accounts/login";
    }

    @GetMapping("/")
    RedirectView home(CurrentUser user) {
        return new RedirectView(startPage(user));
    }

    static String startPage(CurrentUser user) {
        switch (user.role()) {
            case CITY_OPERATOR:
            case DISTRICT_OPERATOR:
                return "/orgs";
            case SCHOOL_ADMIN:
            case TEACHER:
                return "/orgs/" + user.organizationId() + "/journals";
            default:
                return "/diary";
        }
    }
}
