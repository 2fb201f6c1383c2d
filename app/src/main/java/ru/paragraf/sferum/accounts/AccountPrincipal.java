package ru.paragraf.sferum.accounts;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's view of an account at a password login; carries the {@link CurrentUser} for the rest of the
 * application. Logins through the identity provider carry it in an {@link AccountOidcUser} instead.
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer, SignedInAccount {

    private final CurrentUser user;
    private final boolean enabled;
    private @Nullable String passwordHash;

    AccountPrincipal(CurrentUser user, @Nullable String passwordHash, boolean enabled) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    @Override
    public CurrentUser user() {
        return user;
    }

    /** Whether the account has a password at all: accounts of single sign-on have none. */
    boolean hasPassword() {
        return passwordHash != null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
