package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;

/**
 * The hold on big removals (issue 15): before the planner enqueues a school's removals, the school's pending removals
 * (what the REMOVE_MEMBER step would enqueue for the whole school, plus what is already open since the last release)
 * are counted; more than {@link SyncProperties.Hold#threshold} of its chat members, and the removals wait «на
 * удержании» ({@code sync.removal_hold}) until an administrator releases or discards them. Additions go on. The
 * preview and a discard read the same rows as the step ({@link Planner#removals()}).
 */
@Repository
class RemovalHolds {

    private static final Logger log = LoggerFactory.getLogger(RemovalHolds.class);

    /** Removals the step would enqueue that are not queued yet. */
    private static final String NOT_QUEUED =
            """
            not exists (select 1 from sync.operation o
                        where o.kind = {OperationKind.REMOVE_MEMBER} and o.object_key = r.object_key
                          and o.status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING}))""";

    private static final String PENDING = sql(
            """
            select (select count(*) from (
                        select r.object_key from (%s) r where %s
                        union
                        select o.object_key from sync.operation o
                        where o.organization_id = :organization and o.kind = {OperationKind.REMOVE_MEMBER}
                          and o.status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING})
                          -- a released batch is not counted again
                          and o.created_at > coalesce((select max(h.decided_at) from sync.removal_hold h
                                                       where h.organization_id = :organization
                                                         and h.state = {RemovalHoldState.RELEASED}),
                                                      '-infinity')) u) as pending,
                   (select count(*) from sync.chat_member m
                    where m.organization_id = :organization and m.state = {MemberState.ACTIVE}) as members
            """
                    .formatted(Planner.removals(), NOT_QUEUED));

    private static final String PREVIEW = sql(
            """
            select m.journal_id, j.chat_title, m.person_id, m.role, m.vk_user_id,
                   exists (select 1 from school.sync_journal_member p
                           where p.journal_id = m.journal_id and p.role = {MemberRole.PARENT}) as parents_in_chat
            from (%s) r
            join sync.chat_member m on m.organization_id = r.organization_id
                                   and m.journal_id = cast(r.payload ->> 'journal' as uuid)
                                   and m.academic_year_id = cast(r.payload ->> 'year' as uuid)
                                   and m.vk_user_id = cast(r.payload ->> 'vkUser' as bigint)
            left join school.sync_journal j on j.journal_id = m.journal_id
            where %s
            order by j.chat_title, m.role, m.vk_user_id
            """
                    .formatted(Planner.removals(), NOT_QUEUED));

    private static final String DISCARD = sql(
            """
            insert into sync.removal_hold_item (organization_id, journal_id, academic_year_id, vk_user_id, hold_id)
            select r.organization_id, cast(r.payload ->> 'journal' as uuid), cast(r.payload ->> 'year' as uuid),
                   cast(r.payload ->> 'vkUser' as bigint), :hold
            from (%s) r
            where %s
            on conflict do nothing
            """
                    .formatted(Planner.removals(), NOT_QUEUED));

    private static final String HOLD = sql(
            """
            insert into sync.removal_hold (id, organization_id, created_at, removals, members, state)
            values (:id, :organization, :now, :removals, :members, {RemovalHoldState.HELD})
            on conflict (organization_id) where state = {RemovalHoldState.HELD} do nothing
            """);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SyncProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    RemovalHolds(
            JdbcClient jdbc,
            Clock clock,
            SyncProperties properties,
            AuditTrail audit,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Whether the school's removals may be enqueued now, with {@code released} removals of a released batch on top
     * of the threshold; when they may not, the school's hold is made (once) and audited.
     */
    boolean permit(UUID organization, int released) {
        if (held(organization).isPresent()) {
            return false;
        }
        var count = removalTimes(jdbc.sql(PENDING))
                .param("organization", organization)
                .query((rs, row) -> new int[] {rs.getInt("pending"), rs.getInt("members")})
                .single();
        var pending = count[0];
        var members = count[1];
        if (pending <= properties.hold().threshold(members) + released) {
            return true;
        }
        // the hold and its audit entry commit together (in the caller's transaction, if it has one)
        transactions.executeWithoutResult(status -> hold(organization, pending, members));
        return false;
    }

    private void hold(UUID organization, int pending, int members) {
        var made = jdbc.sql(HOLD)
                        .param("id", UUID.randomUUID())
                        .param("organization", organization)
                        .param("now", OffsetDateTime.now(clock))
                        .param("removals", pending)
                        .param("members", members)
                        .update()
                > 0;
        if (made) {
            log.warn(
                    "Removals of organization {} held: {} of its {} chat members would be removed at once",
                    organization,
                    pending,
                    members);
            audit.record(new AuditEntry(null, organization, "REMOVALS_HELD", "organization:" + organization, Map.of())
                    .with("removals", pending)
                    .with("members", members));
        }
    }

    /** The times the removals' statement reads: a substitute belongs until their lesson's end plus the grace. */
    private JdbcClient.StatementSpec removalTimes(JdbcClient.StatementSpec statement) {
        return statement
                .param("localNow", LocalDateTime.now(clock))
                .param("grace", properties.calls().grace().toSeconds());
    }

    /** The school's hold waiting for a decision, if any. */
    Optional<RemovalHold> held(UUID organization) {
        return jdbc.sql(sql("select * from sync.removal_hold where organization_id = :organization"
                        + " and state = {RemovalHoldState.HELD}"))
                .param("organization", organization)
                .query(this::hold)
                .optional();
    }

    /** The school's latest hold, whatever its state. */
    Optional<RemovalHold> latest(UUID organization) {
        return jdbc.sql("select * from sync.removal_hold where organization_id = :organization"
                        + " order by created_at desc, decided_at desc nulls first limit 1")
                .param("organization", organization)
                .query(this::hold)
                .optional();
    }

    /** Who the school's removals would take out of which chat now, as the REMOVE_MEMBER step selects them. */
    List<HeldRemoval> preview(UUID organization) {
        return removalTimes(jdbc.sql(PREVIEW))
                .param("organization", organization)
                .query((rs, row) -> new HeldRemoval(
                        rs.getObject("journal_id", UUID.class),
                        rs.getString("chat_title"),
                        rs.getObject("person_id", UUID.class),
                        SqlNames.read(MemberRole.class, rs.getString("role")),
                        rs.getLong("vk_user_id"),
                        rs.getBoolean("parents_in_chat")))
                .list();
    }

    /** Marks the hold decided; false if it was no longer HELD (decided meanwhile). */
    boolean decide(RemovalHold hold, RemovalHoldState state, String by) {
        return jdbc.sql(sql("update sync.removal_hold set state = :state, decided_at = :now, decided_by = :by"
                                + " where id = :id and state = {RemovalHoldState.HELD}"))
                        .param("state", SqlNames.stored(state))
                        .param("now", OffsetDateTime.now(clock))
                        .param("by", by)
                        .param("id", hold.id())
                        .update()
                > 0;
    }

    /** Dates a release after its batch was enqueued, so that the batch's operations are not counted again. */
    void stampRelease(RemovalHold hold) {
        jdbc.sql("update sync.removal_hold set decided_at = :now where id = :id")
                .param("now", OffsetDateTime.now(clock))
                .param("id", hold.id())
                .update();
    }

    /** Keeps the pairs the school's removals would take out now in their chats; how many. */
    int keep(RemovalHold hold) {
        return removalTimes(jdbc.sql(DISCARD))
                .param("organization", hold.organization())
                .param("hold", hold.id())
                .update();
    }

    /**
     * A discarded pair whose person belongs in the chat again is forgotten: leaving it later is a new removal. Runs
     * before each planning of removals (an index scan of the school's discarded pairs, usually none).
     */
    void forgetDiscardsOfPeopleWhoBelongAgain(UUID organization) {
        jdbc.sql(
                        """
                        delete from sync.removal_hold_item i
                        where i.organization_id = :organization
                          and exists (select 1 from school.sync_journal_member p
                                      join sync.organization o on o.organization_id = p.organization_id
                                      where p.journal_id = i.journal_id and %s = i.vk_user_id)
                        """
                                .formatted(MemberAccounts.of("o", "p")))
                .param("organization", organization)
                .update();
    }

    /** A hold with its times in the application's zone, as the pages show times: the database answers in UTC. */
    private RemovalHold hold(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new RemovalHold(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                local(rs.getObject("created_at", OffsetDateTime.class)),
                rs.getInt("removals"),
                rs.getInt("members"),
                SqlNames.read(RemovalHoldState.class, rs.getString("state")),
                decided == null ? null : local(decided),
                rs.getString("decided_by"));
    }

    private OffsetDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }
}
