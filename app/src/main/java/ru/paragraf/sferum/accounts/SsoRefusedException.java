package ru.paragraf.sferum.accounts;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A person the identity provider vouched for has no usable account here ({@link SsoLoginRefused}). */
class SsoRefusedException extends OAuth2AuthenticationException {

    private final SsoLoginRefused refusal;

    SsoRefusedException(SsoLoginRefused refusal) {
        super(new OAuth2Error("access_denied"), "Single sign-on refused: " + refusal.reason());
        this.refusal = refusal;
    }

    SsoLoginRefused refusal() {
        return refusal;
    }
}
