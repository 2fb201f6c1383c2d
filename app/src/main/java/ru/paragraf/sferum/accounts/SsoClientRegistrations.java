package ru.paragraf.sferum.accounts;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The one client registration of single sign-on, built from the provider's discovery document at the first login
 * and kept once it was read. Not at start-up: an identity provider that is down must not keep the application (and
 * its password logins, its synchronization) from starting; until it answers, «Войти через …» ends on a Russian page.
 */
final class SsoClientRegistrations implements ClientRegistrationRepository {

    private final SsoProperties properties;
    private volatile @Nullable ClientRegistration registration;

    SsoClientRegistrations(SsoProperties properties) {
        this.properties = properties;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!SsoProperties.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        var known = registration;
        if (known == null) {
            known = discover();
            registration = known;
        }
        return known;
    }

    private ClientRegistration discover() {
        var issuer = Objects.requireNonNull(properties.issuerUri()).toString();
        try {
            return ClientRegistrations.fromIssuerLocation(issuer)
                    .registrationId(SsoProperties.REGISTRATION_ID)
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(properties.scopes())
                    // the person is found by the configured claim (SsoAccounts); "sub" is always there
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .clientName(properties.displayName())
                    .build();
        } catch (RuntimeException e) {
            throw new SsoProviderUnavailableException(issuer, e);
        }
    }
}
