package ru.paragraf.sferum.accounts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifting the login lock of an account by an administrator in its scope: city operators any account, district
 * operators the accounts of their district (its operators and its schools' people), school admins their school's.
 * Each lift is audited ({@link LoginLockLifted}).
 */
@Service
public class LoginLocks {

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final OrganizationDistricts districts;
    private final ApplicationEventPublisher events;

    LoginLocks(
            Accounts accounts,
            LoginThrottle throttle,
            OrganizationDistricts districts,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.districts = districts;
        this.events = events;
    }

    /**
     * Lifts the lock of the account with this user name; false when no such account is within the administrator's
     * scope (an unknown name's lock ends by itself).
     */
    @Transactional
    public boolean lift(String username, CurrentUser by) {
        var account = accounts.findByUsername(username).map(AccountPrincipal::user);
        if (account.isEmpty() || !administers(by, account.get())) {
            return false;
        }
        var target = account.get();
        var hadFailures = throttle.lift(target.username());
        events.publishEvent(
                new LoginLockLifted(by, target.accountId(), target.username(), target.organizationId(), hadFailures));
        return true;
    }

    private boolean administers(CurrentUser by, CurrentUser account) {
        switch (by.role()) {
            case CITY_OPERATOR:
                return true;
            case DISTRICT_OPERATOR:
                return by.districtId() != null && by.districtId().equals(districtOf(account));
            case SCHOOL_ADMIN:
                return by.organizationId() != null && by.organizationId().equals(account.organizationId());
            default:
                return false;
        }
    }

    /** The district of a school's account, or a district operator's own; none for a city operator. */
    private @Nullable UUID districtOf(CurrentUser account) {
        var organization = account.organizationId();
        return organization == null
                ? account.districtId()
                : districts.districtOf(organization).orElse(null);
    }
}
