package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.paragraf.sferum.sync.messenger.Problem;
import tools.jackson.databind.json.JsonMapper;

/** The operation queue: claiming with {@code FOR UPDATE SKIP LOCKED}, and recording how an operation ended. */
@Repository
class Operations {

    private static final Logger log = LoggerFactory.getLogger(Operations.class);

    private static final String CLAIM = sql(
            """
            update sync.operation o
            set status = {OperationStatus.RUNNING}, locked_by = :node, locked_until = :until,
                attempts = o.attempts + 1
            where o.id in (select q.id from sync.operation q
                           where q.id in (select c.id
                                          from (select w.id, w.object_key from sync.operation w
                                                where w.community_id = :community
                                                  and w.status = {OperationStatus.PENDING}
                                                  and w.next_attempt_at <= :now
                                                order by w.id
                                                limit :window) c
                                          where not exists (select 1 from sync.operation e
                                                            where e.object_key = c.object_key
                                                              and e.id < c.id
                                                              and e.status in ({OperationStatus.PENDING},
                                                                               {OperationStatus.RUNNING})))
                             and q.status = {OperationStatus.PENDING}
                             and exists (select 1 from sync.organization so
                                         where so.organization_id = q.organization_id
                                           and so.paused_reason is null)
                           order by q.id
                           limit :limit
                           for update of q skip locked)
            returning o.id, o.organization_id, o.community_id, o.kind, o.payload::text, o.attempts
            """);

    private static final String FINISH = sql(
            """
            update sync.operation
            set status = :status, finished_at = :now, finished_by = locked_by, locked_by = null,
                locked_until = null, problem = :problem, problem_category = :category, problem_link = :link
            where id in (:ids) and status = {OperationStatus.RUNNING}
            """);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Operations(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A claimed row, before its action is read. */
    private record Claimed(
            long id, UUID organization, long community, OperationKind kind, String payload, int attempts) {}

    /**
     * Claims up to {@code limit} of the community's due operations for this node, oldest first; its organization
     * must not be paused. An operation waits while an older one of the same object is open (a member added and then
     * removed, a call started and then finished), so one object's operations run in the order they were planned.
     * Only the community's oldest due operations ({@code limit × 4}, at least 32) are looked at, in the order of an
     * index, so that a claim costs the same however long the community's queue is. Each operation's action is read
     * here, once; one that cannot be read fails at once, as a bug.
     */
    List<Operation> claim(long community, String node, Duration lease, int limit) {
        var now = OffsetDateTime.now(clock);
        var claimed = jdbc.sql(CLAIM)
                .param("community", community)
                .param("node", node)
                .param("now", now)
                .param("until", now.plus(lease))
                .param("limit", limit)
                .param("window", Math.max(32, limit * 4))
                .query((rs, row) -> new Claimed(
                        rs.getLong("id"),
                        rs.getObject("organization_id", UUID.class),
                        rs.getLong("community_id"),
                        SqlNames.read(OperationKind.class, rs.getString("kind")),
                        rs.getString("payload"),
                        rs.getInt("attempts")))
                .list();
        var operations = new ArrayList<Operation>(claimed.size());
        var unreadable = new ArrayList<Long>();
        for (var row : claimed) {
            try {
                var action = OperationPayload.decode(row.kind(), row.organization(), json.readTree(row.payload()));
                operations.add(new Operation(row.id(), row.organization(), row.community(), row.attempts(), action));
            } catch (RuntimeException e) {
                log.error(
                        "Operation {} {} has a payload this version cannot read: {}",
                        row.id(),
                        row.kind(),
                        e.toString());
                unreadable.add(row.id());
            }
        }
        if (!unreadable.isEmpty()) {
            finish(unreadable, OperationStatus.FAILED, Problem.Kind.BUG, "unreadable payload", null);
        }
        operations.sort(Comparator.comparingLong(Operation::id));
        return operations;
    }

    void done(Operation operation) {
        finish(List.of(operation.id()), OperationStatus.DONE, null, null, null);
    }

    void failed(Operation operation, Problem.Kind category, String problem, @Nullable String link) {
        finish(List.of(operation.id()), OperationStatus.FAILED, category, problem, link);
    }

    /** Back to the queue for a later attempt; the problem stays visible meanwhile. */
    void retryLater(Operation operation, Duration delay, Problem.Kind category, String problem) {
        jdbc.sql(
                        sql(
                                """
                        update sync.operation
                        set status = {OperationStatus.PENDING}, next_attempt_at = :next, locked_by = null,
                            locked_until = null, problem = :problem, problem_category = :category
                        where id = :id and status = {OperationStatus.RUNNING}
                        """))
                .param("id", operation.id())
                .param("next", OffsetDateTime.now(clock).plus(delay))
                .param("problem", problem)
                .param("category", SqlNames.stored(category))
                .update();
    }

    /**
     * Back to the queue without counting the attempt: the organization was paused (its credentials failed), and the
     * operation waits for new credentials rather than burning its attempts.
     */
    void parkUntilResumed(Operation operation, String problem) {
        jdbc.sql(
                        sql(
                                """
                        update sync.operation
                        set status = {OperationStatus.PENDING}, attempts = attempts - 1, locked_by = null,
                            locked_until = null, problem = :problem, problem_category = :category
                        where id = :id and status = {OperationStatus.RUNNING}
                        """))
                .param("id", operation.id())
                .param("problem", problem)
                .param("category", SqlNames.stored(Problem.Kind.CREDENTIALS))
                .update();
    }

    /** Operations of vanished nodes: RUNNING past their lease go back to the queue. */
    int releaseExpired() {
        return jdbc.sql(
                        sql(
                                """
                        update sync.operation
                        set status = {OperationStatus.PENDING}, locked_by = null, locked_until = null
                        where status = {OperationStatus.RUNNING} and locked_until < :now
                        """))
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** Puts the organization's unassigned open operations into the run, so the run reports them too. */
    int adoptIntoRun(UUID organization, UUID run) {
        return jdbc.sql(
                        sql(
                                """
                        update sync.operation set run_id = :run
                        where organization_id = :organization
                          and status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING})
                          and (run_id is null or run_id <> :run)
                        """))
                .param("organization", organization)
                .param("run", run)
                .update();
    }

    private void finish(
            List<Long> ids,
            OperationStatus status,
            Problem.@Nullable Kind category,
            @Nullable String problem,
            @Nullable String link) {
        jdbc.sql(FINISH)
                .param("ids", ids)
                .param("status", SqlNames.stored(status))
                .param("now", OffsetDateTime.now(clock))
                .param("problem", problem)
                .param("category", category == null ? null : SqlNames.stored(category))
                .param("link", link)
                .update();
    }
}
