package ru.paragraf.sferum.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.accounts.SsoLoginRefused.Reason;

/**
 * Matches the person the identity provider vouched for (ID token checked by Spring: signature, issuer, audience,
 * expiry, nonce) with an account: the configured claim against the user name, case-insensitively. A person without
 * an enabled account is refused and the refusal published ({@link SsoLoginRefused}, recorded by the audit); no
 * account is ever created here.
 */
@Component
class SsoAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final Accounts accounts;
    private final SsoProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    SsoAccounts(
            Accounts accounts,
            SsoProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        // reads the user info from the provider when it has more claims than the ID token: outside any transaction
        var vouched = provider.loadUser(request);
        var claim = properties.usernameClaim();
        var identifier = identifier(vouched, claim);
        if (identifier == null) {
            throw refuse(new SsoLoginRefused(Reason.IDENTIFIER_MISSING, "", claim, null));
        }
        var account = accounts.findByUsername(identifier).orElse(null);
        if (account == null) {
            throw refuse(new SsoLoginRefused(Reason.UNKNOWN_ACCOUNT, identifier, claim, null));
        }
        if (!account.isEnabled()) {
            throw refuse(new SsoLoginRefused(Reason.ACCOUNT_DISABLED, identifier, claim, account.user()));
        }
        return new AccountOidcUser(account.user(), vouched);
    }

    /** The claim's value as text, from the ID token or the user info; none if absent or blank. */
    static @Nullable String identifier(OidcUser vouched, String claim) {
        var value = vouched.getClaims().get(claim);
        if (value == null) {
            return null;
        }
        var text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** Published in a transaction of its own: the audit records it once that commits. */
    private SsoRefusedException refuse(SsoLoginRefused refusal) {
        transactions.executeWithoutResult(status -> events.publishEvent(refusal));
        return new SsoRefusedException(refusal);
    }
}
