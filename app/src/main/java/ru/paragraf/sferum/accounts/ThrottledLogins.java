package ru.paragraf.sferum.accounts;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password login of the form and of HTTP Basic, held back by {@link LoginThrottle}: a locked user name or
 * address is refused with {@link LoginLockedException} before the password is checked; a refused password counts
 * as a failure, a right one forgets the user name's failures. The client address is the request's remote address,
 * which the configured {@code server.forward-headers-strategy} has already taken from a trusted proxy's headers.
 */
final class ThrottledLogins implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledLogins(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var attempt = throttle.admit(authentication.getName(), address(authentication));
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(authentication);
        } catch (BadCredentialsException | AccountStatusException refused) {
            throttle.failed(attempt);
            throw refused;
        }
        throttle.succeeded(attempt);
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }
}
