package ru.paragraf.sferum.diary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;
import ru.paragraf.sferum.linkbase.SchoolMaxBots;
import ru.paragraf.sferum.school.PersonKind;

/**
 * Links a person's MAX account: «Привязать MAX» in the diary issues a one-time start code in the deep link
 * {@code https://max.ru/<bot>?start=<code>} to the school's bot; MAX hands the code to the bot as {@code bot_started}
 * with the user's id, and the sync engine's handler brings both here ({@link #linkByStart}), in the transaction that
 * handles the update. One MAX account links to one person at most, and a person has one (a new link replaces theirs).
 * Each link and unlink is audited and published for the data transfer into school's records.
 */
@Service
@EnableConfigurationProperties(DiaryMaxProperties.class)
public class MaxAccountLinking {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the «Чаты» tab shows of the person's MAX: the school's bot, and the link if there is one. */
    record Status(boolean schoolOnMax, @Nullable Long maxUserId, @Nullable OffsetDateTime linkedAt, long codeMinutes) {

        public boolean linked() {
            return maxUserId != null;
        }
    }

    private final JdbcClient jdbc;
    private final SchoolMaxBots bots;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final DiaryMaxProperties properties;
    private final Clock clock;

    MaxAccountLinking(
            JdbcClient jdbc,
            SchoolMaxBots bots,
            AuditTrail audit,
            ApplicationEventPublisher events,
            DiaryMaxProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.bots = bots;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Status status(DiaryPerson person) {
        var bot = bots.of(person.organization()).filter(it -> it.username() != null);
        var link = jdbc.sql("select max_user_id, linked_at from diary.max_link where person_id = :person")
                .param("person", person.id())
                .query((rs, row) -> new Status(
                        bot.isPresent(),
                        rs.getLong("max_user_id"),
                        // shown as the VK ID card's time is: in the application's zone, not the database's UTC
                        rs.getObject("linked_at", OffsetDateTime.class)
                                .atZoneSameInstant(clock.getZone())
                                .toOffsetDateTime(),
                        properties.startCodeTtl().toMinutes()))
                .optional();
        return link.orElseGet(() -> new Status(
                bot.isPresent(), null, null, properties.startCodeTtl().toMinutes()));
    }

    /**
     * A new deep link to the school's bot with a one-time start code, in place of the person's unused one; empty if
     * the school has no MAX bot.
     */
    @Transactional
    Optional<String> startLink(DiaryPerson person) {
        var bot = bots.of(person.organization()).filter(it -> it.username() != null);
        if (bot.isEmpty()) {
            return Optional.empty();
        }
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        var code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = OffsetDateTime.now(clock);
        jdbc.sql(
                        """
                        insert into diary.max_start_code (code_hash, person_id, person_kind, organization_id,
                                                          created_at, expires_at)
                        values (:hash, :person, :kind, :organization, :now, :expires)
                        on conflict (person_id) where used_at is null
                        do update set code_hash = excluded.code_hash, created_at = excluded.created_at,
                                      expires_at = excluded.expires_at
                        """)
                .param("hash", hash(code))
                .param("person", person.id())
                .param("kind", person.kind().name())
                .param("organization", person.organization())
                .param("now", now)
                .param("expires", now.plus(properties.startCodeTtl()))
                .update();
        return Optional.of("https://max.ru/" + bot.get().username() + "?start=" + code);
    }

    /**
     * Links the MAX user who opened the deep link to the person of its start code, if the code is this school's,
     * unused and unexpired, and the account is no other person's. Joins the caller's transaction.
     */
    @Transactional
    public MaxLinkOutcome linkByStart(UUID organization, String payload, long maxUserId) {
        var code = jdbc.sql(
                        """
                        select code_hash, person_id, person_kind, expires_at, used_at from diary.max_start_code
                        where code_hash = :hash and organization_id = :organization for update
                        """)
                .param("hash", hash(payload.strip()))
                .param("organization", organization)
                .query((rs, row) -> new Code(
                        rs.getString("code_hash"),
                        rs.getObject("person_id", UUID.class),
                        PersonKind.valueOf(rs.getString("person_kind")),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("used_at", OffsetDateTime.class)))
                .optional()
                .orElse(null);
        var now = OffsetDateTime.now(clock);
        if (code == null) {
            return MaxLinkOutcome.UNKNOWN;
        }
        if (code.usedAt() != null) {
            return MaxLinkOutcome.USED;
        }
        if (!code.expiresAt().isAfter(now)) {
            return MaxLinkOutcome.EXPIRED;
        }
        var holder = jdbc.sql("select person_id from diary.max_link where max_user_id = :user for update")
                .param("user", maxUserId)
                .query(UUID.class)
                .optional();
        if (holder.isPresent() && !holder.get().equals(code.person())) {
            return MaxLinkOutcome.TAKEN;
        }
        jdbc.sql("update diary.max_start_code set used_at = :now where code_hash = :hash")
                .param("now", now)
                .param("hash", code.hash())
                .update();
        if (holder.isPresent()) {
            return MaxLinkOutcome.ALREADY_LINKED;
        }
        jdbc.sql(
                        """
                        insert into diary.max_link (person_id, person_kind, organization_id, max_user_id, linked_at)
                        values (:person, :kind, :organization, :user, :now)
                        on conflict (person_id) do update set max_user_id = excluded.max_user_id,
                                                              linked_at = excluded.linked_at
                        """)
                .param("person", code.person())
                .param("kind", code.kind().name())
                .param("organization", organization)
                .param("user", maxUserId)
                .param("now", now)
                .update();
        var subject = code.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + code.person();
        audit.record(
                new AuditEntry(null, organization, "MAX_ACCOUNT_LINKED", subject, Map.of()).with("maxUser", maxUserId));
        events.publishEvent(new MaxAccountChanged(code.kind(), code.person()));
        return MaxLinkOutcome.LINKED;
    }

    /** Removes the person's MAX link; nothing if there is none. */
    @Transactional
    void unlink(CurrentUser user, DiaryPerson person) {
        var removed = jdbc.sql("delete from diary.max_link where person_id = :person returning max_user_id")
                .param("person", person.id())
                .query(Long.class)
                .optional();
        if (removed.isPresent()) {
            audit.record(AuditEntry.by(user, person.organization(), "MAX_ACCOUNT_UNLINKED", person.auditSubject())
                    .with("maxUser", removed.get()));
            events.publishEvent(new MaxAccountChanged(person.kind(), person.id()));
        }
    }

    /** The person's MAX user id now, for the data transfer. */
    Optional<Link> linkOf(UUID person) {
        return jdbc.sql("select max_user_id, linked_at from diary.max_link where person_id = :person")
                .param("person", person)
                .query((rs, row) ->
                        new Link(rs.getLong("max_user_id"), rs.getObject("linked_at", OffsetDateTime.class)))
                .optional();
    }

    record Link(long maxUserId, OffsetDateTime linkedAt) {}

    private record Code(
            String hash, UUID person, PersonKind kind, OffsetDateTime expiresAt, @Nullable OffsetDateTime usedAt) {}

    private static String hash(String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
