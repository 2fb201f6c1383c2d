package ru.paragraf.sferum.accounts;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * How the web layers of account administration answer a refusal: the Russian text for pages, a problem detail for
 * the API (400 for a wrong request, 409 for a conflict with the accounts as they are; {@code reason} names the rule),
 * 404 for an account outside the caller's scope.
 */
public final class AccountRefusals {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private AccountRefusals() {}

    public static String text(AccountChangeRefusedException refusal, MessageSource messages) {
        return messages.getMessage(refusal.reason().messageKey(), null, RUSSIAN);
    }

    public static ProblemDetail problem(AccountChangeRefusedException refusal, MessageSource messages) {
        var reason = refusal.reason();
        var problem = ProblemDetail.forStatusAndDetail(
                reason.invalidRequest() ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT, text(refusal, messages));
        problem.setType(URI.create("https://sferum.paragraf.ru/problems/account-change-refused"));
        problem.setProperty("reason", reason.name());
        return problem;
    }

    public static ProblemDetail notFound(MessageSource messages) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, messages.getMessage("accounts.admin.notFound", null, RUSSIAN));
    }
}
