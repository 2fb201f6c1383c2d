package ru.paragraf.sferum.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import ru.paragraf.sferum.accounts.SsoFailure.Kind;

/**
 * The login page (the form, «Войти через …», or both), the page of a failed single sign-on, and the start page that
 * sends each role to where its work is.
 */
@Controller
class LoginController {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final SsoProperties sso;
    private final MessageSource messages;

    LoginController(SsoProperties sso, MessageSource messages) {
        this.sso = sso;
        this.messages = messages;
    }

    @GetMapping("/login")
    String login(Model model, @RequestParam(name = "locked", required = false) @Nullable String locked) {
        model.addAttribute("lockedMinutes", lockedMinutes(locked));
        return login(model);
    }

    private String login(Model model) {
        model.addAttribute("ssoEnabled", sso.enabled());
        ssoModel(model);
        return "accounts/login";
    }

    /** Shown once after a failed single sign-on; without one (opened directly, or reloaded) it is the login page. */
    @GetMapping(SsoFailures.PAGE)
    String ssoFailure(HttpServletRequest request, Model model, HttpServletResponse response) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(SsoFailure.SESSION_ATTRIBUTE) instanceof SsoFailure failure)) {
            return login(model);
        }
        session.removeAttribute(SsoFailure.SESSION_ATTRIBUTE);
        var refused = failure.kind() == Kind.UNKNOWN_ACCOUNT
                || failure.kind() == Kind.IDENTIFIER_MISSING
                || failure.kind() == Kind.ACCOUNT_DISABLED;
        response.setStatus(refused ? HttpStatus.FORBIDDEN.value() : HttpStatus.OK.value());
        model.addAttribute("failure", failure);
        model.addAttribute("kind", failure.kind().name());
        ssoModel(model);
        return "accounts/sso-failure";
    }

    /** The minutes of {@code ?locked=} (set by {@link LockedLoginAnswers}); anything else in it is not shown. */
    private static @Nullable Integer lockedMinutes(@Nullable String locked) {
        if (locked == null || !locked.matches("[1-9][0-9]{0,3}")) {
            return null;
        }
        return Integer.valueOf(locked);
    }

    private void ssoModel(Model model) {
        var name = sso.displayName();
        model.addAttribute("ssoName", name != null ? name : messages.getMessage("sso.defaultName", null, RUSSIAN));
        model.addAttribute("ssoUrl", "/oauth2/authorization/" + SsoProperties.REGISTRATION_ID);
        model.addAttribute("passwordForm", sso.formLogin());
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
