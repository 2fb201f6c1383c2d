package ru.paragraf.sferum.diary;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.diary.LinkResult.Linked;
import ru.paragraf.sferum.diary.LinkResult.Refused;

/**
 * VK ID's authorization-code flow with PKCE (S256) and {@code state}: starts an authorization bound to the
 * logged-in account and its person (teacher, pupil or parent: the same flow and refusals for all) and checks its
 * callback before anything is stored. VK is called between short transactions, never inside one.
 */
@Service
class VkIdFlow {

    private static final Logger log = LoggerFactory.getLogger(VkIdFlow.class);
    private static final int MAX_STATE_LENGTH = 128;
    private static final java.util.regex.Pattern STATE_CHARACTERS = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

    private final VkIdProperties properties;
    private final VkIdClient client;
    private final PendingAuthorizations authorizations;
    private final VkIdLinkChanges changes;
    private final VkLinks links;
    private final VkIdSecrets secrets;
    private final Clock clock;

    VkIdFlow(
            VkIdProperties properties,
            VkIdClient client,
            PendingAuthorizations authorizations,
            VkIdLinkChanges changes,
            VkLinks links,
            VkIdSecrets secrets,
            Clock clock) {
        this.properties = properties;
        this.client = client;
        this.authorizations = authorizations;
        this.changes = changes;
        this.links = links;
        this.secrets = secrets;
        this.clock = clock;
    }

    boolean configured() {
        return properties.configured();
    }

    /** What the «Чаты» tab shows about the person's link. */
    VkIdStatus status(DiaryPerson person) {
        var link = links.find(person.id());
        return VkIdStatus.of(person.kind(), properties.configured(), link, clock.getZone());
    }

    /** Records a new authorization of this account's person and returns VK ID's authorize URL for it. */
    URI start(CurrentUser user, DiaryPerson person, String redirectUri) {
        var state = Pkce.newState();
        var verifier = Pkce.newVerifier();
        var now = OffsetDateTime.now(clock);
        authorizations.add(new PendingAuthorization(
                state,
                user.accountId(),
                person.id(),
                person.kind(),
                person.organization(),
                secrets.sealVerifier(state, verifier),
                redirectUri,
                now,
                now.plus(properties.authorizationLifetime()),
                null));
        return client.authorizeUri(state, Pkce.challenge(verifier), redirectUri);
    }

    /** Checks the callback and, if everything holds, links the VK account; otherwise changes nothing. */
    LinkResult complete(CurrentUser user, DiaryPerson person, VkIdCallback callback) {
        var result = check(user, person, callback);
        if (result instanceof Refused refused) {
            log.info("VK ID callback refused for {} {}: {}", person.kind(), person.id(), refused.reason());
        } else {
            log.info("{} {} linked VK user {}", person.kind(), person.id(), ((Linked) result).vkUserId());
        }
        return result;
    }

    private LinkResult check(CurrentUser user, DiaryPerson person, VkIdCallback callback) {
        var state = callback.state();
        if (state == null || state.isBlank()) {
            return new Refused(LinkFailure.MISSING_STATE);
        }
        if (state.length() > MAX_STATE_LENGTH
                || !STATE_CHARACTERS.matcher(state).matches()) {
            // not a state we issue (base64url only); PostgreSQL would also refuse a NUL in the lookup
            return new Refused(LinkFailure.UNKNOWN_STATE);
        }
        var found = authorizations.find(state);
        if (found.isEmpty()) {
            return new Refused(LinkFailure.UNKNOWN_STATE);
        }
        var pending = found.get();
        var now = OffsetDateTime.now(clock);
        if (!pending.accountId().equals(user.accountId())
                || !pending.personId().equals(person.id())
                || pending.personKind() != person.kind()) {
            return new Refused(LinkFailure.FOREIGN_STATE);
        }
        if (pending.usedAt() != null) {
            return new Refused(LinkFailure.REUSED_STATE);
        }
        if (pending.expiredAt(now)) {
            return new Refused(LinkFailure.EXPIRED_STATE);
        }
        if (!authorizations.claim(state, now)) {
            return new Refused(LinkFailure.REUSED_STATE);
        }
        if (callback.error() != null) {
            return new Refused("access_denied".equals(callback.error()) ? LinkFailure.CANCELLED : LinkFailure.VK_ERROR);
        }
        if (callback.code() == null || callback.deviceId() == null) {
            return new Refused(LinkFailure.INVALID_CALLBACK);
        }
        return exchange(user, person, pending, callback.code(), callback.deviceId());
    }

    private LinkResult exchange(
            CurrentUser user, DiaryPerson person, PendingAuthorization pending, String code, String deviceId) {
        VkIdTokens tokens;
        long vkUserId;
        try {
            tokens = client.exchange(new AuthorizationCodeGrant(
                    code, secrets.verifier(pending), deviceId, pending.redirectUri(), pending.state()));
        } catch (VkIdException e) {
            return new Refused(failureOf(e));
        }
        try {
            vkUserId = client.userInfo(tokens.accessToken()).userId();
        } catch (VkIdException e) {
            client.tryRevoke(tokens.accessToken());
            return new Refused(failureOf(e));
        }
        try {
            var previous = changes.link(user, person, vkUserId, tokens, deviceId);
            previous.filter(old -> old.vkUserId() != vkUserId)
                    .ifPresent(old -> client.tryRevoke(secrets.accessToken(old)));
            return new Linked(vkUserId);
        } catch (VkAccountTakenException | DuplicateKeyException e) {
            client.tryRevoke(tokens.accessToken());
            return new Refused(LinkFailure.ACCOUNT_TAKEN);
        }
    }

    private static LinkFailure failureOf(VkIdException e) {
        return e.kind() == VkIdException.Kind.REJECTED ? LinkFailure.EXCHANGE_FAILED : LinkFailure.VK_UNAVAILABLE;
    }
}
