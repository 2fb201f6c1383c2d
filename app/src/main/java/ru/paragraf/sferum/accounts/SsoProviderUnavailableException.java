package ru.paragraf.sferum.accounts;

/** The identity provider's discovery document could not be read: the provider is down, unreachable or misnamed. */
class SsoProviderUnavailableException extends RuntimeException {

    SsoProviderUnavailableException(String issuer, Throwable cause) {
        super("Cannot read the OpenID Connect discovery document of " + issuer, cause);
    }
}
