package ru.paragraf.sferum.accounts;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person logged in through the identity provider, as the account they were matched with: the role and scope come
 * from the account row, never from the provider's claims. Keeps the ID token, which RP-initiated logout sends back
 * to the provider.
 */
final class AccountOidcUser extends DefaultOidcUser implements SignedInAccount {

    private final CurrentUser user;

    AccountOidcUser(CurrentUser user, OidcUser vouched) {
        super(
                List.of(new SimpleGrantedAuthority(user.role().authority())),
                vouched.getIdToken(),
                vouched.getUserInfo(),
                IdTokenClaimNames.SUB);
        this.user = user;
    }

    @Override
    public CurrentUser user() {
        return user;
    }

    /** The account's user name, as for a password login. */
    @Override
    public String getName() {
        return user.username();
    }
}
