package ru.paragraf.sferum.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import ru.paragraf.sferum.accounts.SsoFailure.Kind;

/**
 * Where a failed login through the identity provider ends: the Russian page {@code /login/sso-failure}, with the
 * failure kept in the session for it. The log gets the precise cause: the provider's error code and description,
 * and the chain of causes (connection refused, a 401 of the token endpoint…), never the client secret.
 */
final class SsoFailures implements AuthenticationFailureHandler {

    static final String PAGE = "/login/sso-failure";

    private static final Logger log = LoggerFactory.getLogger(SsoFailures.class);

    /** The errors of the callback that mean the login was not started in this session, or was already used. */
    private static final Set<String> INTERRUPTIONS =
            Set.of("authorization_request_not_found", "invalid_state_parameter", "client_registration_not_found");

    /** A cause's message is cut after this many characters: some quote a whole HTML error page of the provider. */
    private static final int MESSAGE_LIMIT = 400;

    private final SsoProperties properties;

    SsoFailures(SsoProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        var failure = failure(exception);
        request.getSession().setAttribute(SsoFailure.SESSION_ATTRIBUTE, failure);
        response.sendRedirect(request.getContextPath() + PAGE);
    }

    private SsoFailure failure(AuthenticationException exception) {
        var claim = properties.usernameClaim();
        if (exception instanceof SsoRefusedException refused) {
            var refusal = refused.refusal();
            if (refusal.identifier().isEmpty()) {
                log.info("Single sign-on refused ({}): the identity provider gave no {}", refusal.reason(), claim);
            } else {
                log.info(
                        "Single sign-on refused ({}): the identity provider vouched for {}='{}'",
                        refusal.reason(),
                        claim,
                        refusal.identifier());
            }
            return new SsoFailure(Kind.valueOf(refusal.reason().name()), refusal.identifier(), claim);
        }
        var code = exception instanceof OAuth2AuthenticationException oauth2
                ? oauth2.getError().getErrorCode()
                : "";
        if (OAuth2ErrorCodes.ACCESS_DENIED.equals(code)) {
            log.info("Single sign-on cancelled at the identity provider: {}", describe(exception));
            return new SsoFailure(Kind.CANCELLED, "", claim);
        }
        if (INTERRUPTIONS.contains(code)) {
            log.info("Single sign-on callback without a login started in this session: {}", describe(exception));
            return new SsoFailure(Kind.INTERRUPTED, "", claim);
        }
        log.warn(
                "Single sign-on with the identity provider {} failed: {}", properties.issuerUri(), describe(exception));
        return new SsoFailure(Kind.PROVIDER_FAILED, "", claim);
    }

    /**
     * The exception and its causes, one message each, with the client secret masked should any message quote it
     * (none of Spring's do; a provider's error description might).
     */
    String describe(Throwable exception) {
        var text = new StringBuilder();
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            var message = String.valueOf(cause.getMessage());
            text.append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) + "..." : message);
            if (cause instanceof OAuth2AuthenticationException oauth2) {
                text.append(" [").append(oauth2.getError()).append(']');
            }
        }
        var secret = properties.clientSecret();
        var described = text.toString();
        return secret == null || secret.isEmpty() ? described : described.replace(secret, "******");
    }
}
