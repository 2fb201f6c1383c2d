package ru.paragraf.sferum.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a failed password login is answered. The form goes back to the login page: {@code ?locked=<minutes>} while
 * the user name or address is locked, {@code ?error} otherwise, both without a word on whether the account exists.
 * HTTP Basic gets 429 with {@code Retry-After} (seconds) and a problem detail while locked, and the usual 401 with
 * its {@code WWW-Authenticate} challenge otherwise.
 */
@Component
class LockedLoginAnswers {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessageSource messages;
    private final JsonMapper json;

    LockedLoginAnswers(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    AuthenticationFailureHandler form() {
        return (request, response, exception) -> {
            var target = exception instanceof LoginLockedException locked
                    ? "/login?locked=" + locked.retryAfterMinutes()
                    : "/login?error";
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    AuthenticationEntryPoint basic() {
        var challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("Realm");
        return (request, response, exception) -> {
            if (exception instanceof LoginLockedException locked) {
                tooManyRequests(request, response, locked);
            } else {
                challenge.commence(request, response, exception);
            }
        };
    }

    private void tooManyRequests(HttpServletRequest request, HttpServletResponse response, LoginLockedException locked)
            throws IOException {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", messages.getMessage("login.locked", new Object[] {locked.retryAfterMinutes()}, RUSSIAN));
        problem.put("retryAfterSeconds", locked.retryAfterSeconds());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
