package ru.paragraf.sferum.linkbase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;
import ru.paragraf.sferum.secrets.SecretBox;

/**
 * A school's move from VK to MAX and back, as the link base sees it: the school's VK community is kept
 * ({@code linkbase.kept_community}, token sealed as before) when the MAX bot takes its place, for the VK chats'
 * closing messages and for moving back; moving back puts the kept community in place again and drops the bot's token
 * (moving to MAX again asks for it). The bot is checked with MAX's {@code GET /me} as on saving, the one-bot-per-school
 * rule kept. Each move is audited ({@code MESSENGER_MOVED}) and announced ({@link MessengerMoved}) in its transaction.
 */
@Service
public class MessengerMoves {

    private static final Logger log = LoggerFactory.getLogger(MessengerMoves.class);

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final SchoolBots bots;
    private final SferumCommunities communities;
    private final BotVerifier verifier;
    private final BotCredentials botCredentials;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final LinkbaseTexts texts;
    private final Clock clock;

    MessengerMoves(
            JdbcClient jdbc,
            SecretBox box,
            SchoolBots bots,
            SferumCommunities communities,
            BotVerifier verifier,
            BotCredentials botCredentials,
            AuditTrail audit,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            LinkbaseTexts texts,
            Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.bots = bots;
        this.communities = communities;
        this.verifier = verifier;
        this.botCredentials = botCredentials;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.texts = texts;
        this.clock = clock;
    }

    /** Whether the school can move to MAX with this bot token: asks MAX ({@code GET /me}), changes nothing. */
    public MoveCheck checkMoveToMax(UUID organization, @Nullable String rawToken) {
        var current = messengerOf(organization);
        if (!MessengerAccount.VK.equals(current.orElse(null))) {
            return MoveCheck.refused(MoveCheck.Refusal.NOT_ON_VK, texts.get("linkbase.move.notOnVk"));
        }
        var problems = CredentialsInput.checkBotToken(rawToken);
        if (!problems.isEmpty()) {
            return MoveCheck.refused(MoveCheck.Refusal.INVALID_TOKEN, texts.problem(problems.get(0)));
        }
        var verdict = verifier.verify(new BotToken(rawToken == null ? "" : rawToken.strip()));
        if (verdict instanceof BotVerdict.Rejected refused) {
            return MoveCheck.refused(MoveCheck.Refusal.TOKEN_REFUSED, texts.reason(refused.reason()));
        }
        if (verdict instanceof BotVerdict.Unreachable) {
            return MoveCheck.refused(MoveCheck.Refusal.MAX_UNREACHABLE, texts.get("linkbase.move.maxUnreachable"));
        }
        var ok = (BotVerdict.Verified) verdict;
        if (bots.otherHolderOf(ok.userId(), organization).isPresent()) {
            return MoveCheck.refused(MoveCheck.Refusal.BOT_TAKEN, texts.get("linkbase.botTaken"));
        }
        return new MoveCheck(null, ok.userId(), ok.name(), ok.username(), null);
    }

    /** Whether the school can move back to VK: on MAX, its community kept and no other school's meanwhile. */
    @Transactional(readOnly = true)
    public MoveCheck checkMoveBack(UUID organization) {
        var kept = kept(organization);
        if (kept.isEmpty()
                || !MessengerAccount.MAX.equals(messengerOf(organization).orElse(null))) {
            return MoveCheck.refused(
                    MoveCheck.Refusal.NOTHING_TO_MOVE_BACK, texts.get("linkbase.move.nothingToMoveBack"));
        }
        var holder = communities.holderOf(kept.get().communityId());
        if (holder.isPresent() && !holder.get().equals(organization)) {
            return MoveCheck.refused(MoveCheck.Refusal.COMMUNITY_TAKEN, texts.get("linkbase.move.communityTaken"));
        }
        return new MoveCheck(null, null, null, null, null);
    }

    /**
     * Moves the school to MAX with the bot token: checked again with MAX, then in one transaction the VK community is
     * kept, the bot stored in its place (verified), the move audited and announced. Returns the check: refused, nothing
     * changed.
     */
    public MoveCheck moveToMax(CurrentUser user, UUID organization, @Nullable String rawToken) {
        var check = checkMoveToMax(organization, rawToken);
        if (!check.possible()) {
            return check;
        }
        var token = new BotToken(rawToken == null ? "" : rawToken.strip());
        var verdict = new BotVerdict.Verified(check.botUserId(), check.botName(), check.botUsername());
        try {
            return transactions.execute(status -> {
                var community = lockedCommunity(organization);
                if (community.isEmpty()) {
                    return MoveCheck.refused(MoveCheck.Refusal.NOT_ON_VK, texts.get("linkbase.move.notOnVk"));
                }
                var now = OffsetDateTime.now(clock);
                jdbc.sql(
                                """
                                insert into linkbase.kept_community (organization_id, community_id, community_name,
                                    token, token_masked, state, failure, verdict_at, kept_at, kept_by)
                                select organization_id, community_id, community_name, token, token_masked, state,
                                       failure, verdict_at, :now, :by
                                from linkbase.sferum_community where organization_id = :organization and messenger = 'VK'
                                on conflict (organization_id) do update set
                                    community_id = excluded.community_id, community_name = excluded.community_name,
                                    token = excluded.token, token_masked = excluded.token_masked,
                                    state = excluded.state, failure = excluded.failure,
                                    verdict_at = excluded.verdict_at, kept_at = excluded.kept_at,
                                    kept_by = excluded.kept_by
                                """)
                        .param("organization", organization)
                        .param("now", now)
                        .param("by", by(user))
                        .update();
                botCredentials.store(user, organization, token, verdict, "move");
                audit.record(new AuditEntry(
                                user, organization, "MESSENGER_MOVED", "sferum-community:" + organization, Map.of())
                        .with("to", MessengerAccount.MAX)
                        .with("bot", "@" + check.botUsername())
                        .with("keptCommunity", community.get()));
                events.publishEvent(
                        new MessengerMoved(organization, MessengerAccount.MAX, check.botUserId(), community.get()));
                log.info(
                        "Organization {} moved from VK community {} to MAX bot {}",
                        organization,
                        community.get(),
                        check.botUserId());
                return check;
            });
        } catch (BotTakenException e) {
            return MoveCheck.refused(MoveCheck.Refusal.BOT_TAKEN, texts.get("linkbase.botTaken"));
        }
    }

    /**
     * Moves the school back to VK: the kept community takes the bot's place with the verdict it had, the bot's token
     * is dropped, the move audited and announced, in one transaction.
     */
    public MoveCheck moveBack(CurrentUser user, UUID organization) {
        try {
            return transactions.execute(status -> {
                var messenger = bots.lockMessenger(organization);
                var check = checkMoveBack(organization);
                if (!check.possible() || messenger.isEmpty()) {
                    return check;
                }
                var kept = kept(organization).orElseThrow();
                var bot = bots.find(organization).orElseThrow();
                var now = OffsetDateTime.now(clock);
                communities.forget(organization);
                jdbc.sql(
                                """
                                update linkbase.sferum_community s set
                                    messenger = 'VK', bot_user_id = null, bot_name = null, bot_username = null,
                                    community_id = k.community_id, community_name = k.community_name, token = k.token,
                                    token_masked = k.token_masked, state = k.state, failure = k.failure,
                                    verdict_at = k.verdict_at, attempted_at = k.verdict_at, failed_attempts = 0,
                                    next_check_at = case when k.state = 'UNVERIFIED' then :now end,
                                    saved_at = :now, saved_by = :by, version = s.version + 1
                                from linkbase.kept_community k
                                where k.organization_id = s.organization_id and s.organization_id = :organization
                                """)
                        .param("organization", organization)
                        .param("now", now)
                        .param("by", by(user))
                        .update();
                jdbc.sql("delete from linkbase.kept_community where organization_id = :organization")
                        .param("organization", organization)
                        .update();
                communities.forget(organization);
                audit.record(new AuditEntry(
                                user, organization, "MESSENGER_MOVED", "sferum-community:" + organization, Map.of())
                        .with("to", MessengerAccount.VK)
                        .with("community", kept.communityId())
                        .with("droppedBotToken", bot.tokenMasked()));
                events.publishEvent(new CommunityCredentialsChanged(
                        organization, kept.communityId(), VerificationState.valueOf(kept.state())));
                events.publishEvent(new MessengerMoved(
                        organization,
                        MessengerAccount.VK,
                        kept.communityId(),
                        bot.botUserId() == null ? 0 : bot.botUserId()));
                log.info("Organization {} moved back to VK community {}", organization, kept.communityId());
                return check;
            });
        } catch (DuplicateKeyException e) {
            return MoveCheck.refused(MoveCheck.Refusal.COMMUNITY_TAKEN, texts.get("linkbase.move.communityTaken"));
        }
    }

    /**
     * The VK community the school kept when it moved to MAX, token opened: for the closing messages of its VK chats.
     * For use inside the server only.
     */
    @Transactional(readOnly = true)
    public Optional<SferumCommunity> keptCommunityOf(UUID organization) {
        return kept(organization)
                .map(kept -> new SferumCommunity(
                        organization,
                        kept.communityId(),
                        new SferumToken(box.open(kept.token(), StoredCommunity.tokenContext(organization))),
                        VerificationState.valueOf(kept.state()),
                        kept.verdictAt()));
    }

    /** The school's messenger, {@code VK} or {@code MAX}, as «База ссылок» holds it; empty without credentials. */
    public Optional<String> messengerOf(UUID organization) {
        return jdbc.sql("select messenger from linkbase.sferum_community where organization_id = :organization")
                .param("organization", organization)
                .query(String.class)
                .optional();
    }

    /** The kept community's id and name, without the token; for pages. */
    public Optional<KeptCommunity> keptOf(UUID organization) {
        return kept(organization).map(kept -> new KeptCommunity(kept.communityId(), kept.communityName()));
    }

    /** A kept VK community as pages show it. */
    public record KeptCommunity(long communityId, @Nullable String communityName) {}

    private Optional<Kept> kept(UUID organization) {
        return jdbc.sql(
                        """
                        select community_id, community_name, token, state, verdict_at
                        from linkbase.kept_community where organization_id = :organization
                        """)
                .param("organization", organization)
                .query(Kept.class)
                .optional();
    }

    private record Kept(
            long communityId,
            @Nullable String communityName,
            String token,
            String state,
            @Nullable OffsetDateTime verdictAt) {}

    private Optional<Long> lockedCommunity(UUID organization) {
        return jdbc.sql(
                        """
                        select community_id from linkbase.sferum_community
                        where organization_id = :organization and messenger = 'VK' for update
                        """)
                .param("organization", organization)
                .query(Long.class)
                .optional();
    }

    private static String by(CurrentUser user) {
        return user.displayName() + " (" + user.username() + ")";
    }
}
