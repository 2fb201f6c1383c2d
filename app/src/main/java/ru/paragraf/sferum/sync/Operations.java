package ru.paragraf.sferum.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The operation queue: claiming with {@code FOR UPDATE SKIP LOCKED}, and recording how an operation ended. */
@Repository
class Operations {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Operations(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} of the community's due operations for this node, oldest first; its organization
     * must not be paused. An operation waits while an older one of the same object is open (a member added and then
     * removed, a call started and then finished), so one object's operations run in the order they were planned.
     * Only the community's oldest due operations ({@code limit × 4}, at least 32) are looked at, in the order of an
     * index, so that a claim costs the same however long the community's queue is.
     */
    List<Operation> claim(long community, String node, Duration lease, int limit) {
        var now = OffsetDateTime.now(clock);
        return jdbc
                .sql(
                        """
                        update sync.operation o
                        set status = 'RUNNING', locked_by = :node, locked_until = :until, attempts = o.attempts + 1
                        where o.id in (select q.id from sync.operation q
                                       where q.id in (select c.id
                                                      from (select w.id, w.object_key from sync.operation w
                                                            where w.community_id = :community and w.status = 'PENDING'
                                                              and w.next_attempt_at <= :now
                                                            order by w.id
                                                            limit :window) c
                                                      where not exists (select 1 from sync.operation e
                                                                        where e.object_key = c.object_key
                                                                          and e.id < c.id
                                                                          and e.status in ('PENDING', 'RUNNING')))
                                         and q.status = 'PENDING'
                                         and exists (select 1 from sync.organization so
                                                     where so.organization_id = q.organization_id
                                                       and so.paused_reason is null)
                                       order by q.id
                                       limit :limit
                                       for update of q skip locked)
                        returning o.id, o.organization_id, o.community_id, o.kind, o.object_key, o.payload::text,
                                  o.attempts
                        """)
                .param("community", community)
                .param("node", node)
                .param("now", now)
                .param("until", now.plus(lease))
                .param("limit", limit)
                .param("window", Math.max(32, limit * 4))
                .query((rs, row) -> new Operation(
                        rs.getLong("id"),
                        rs.getObject("organization_id", UUID.class),
                        rs.getLong("community_id"),
                        OperationKind.valueOf(rs.getString("kind")),
                        rs.getString("object_key"),
                        json.readTree(rs.getString("payload")),
                        rs.getInt("attempts")))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(Operation::id))
                .toList();
    }

    void done(Operation operation) {
        finish(operation, "DONE", null, null, null);
    }

    void failed(Operation operation, String category, String problem, @Nullable String link) {
        finish(operation, "FAILED", category, problem, link);
    }

    /** Back to the queue for a later attempt; the problem stays visible meanwhile. */
    void retryLater(Operation operation, Duration delay, String category, String problem) {
        jdbc.sql(
                        """
                        update sync.operation
                        set status = 'PENDING', next_attempt_at = :next, locked_by = null, locked_until = null,
                            problem = :problem, problem_category = :category
                        where id = :id and status = 'RUNNING'
                        """)
                .param("id", operation.id())
                .param("next", OffsetDateTime.now(clock).plus(delay))
                .param("problem", problem)
                .param("category", category)
                .update();
    }

    /**
     * Back to the queue without counting the attempt: the organization was paused (its credentials failed), and the
     * operation waits for new credentials rather than burning its attempts.
     */
    void parkUntilResumed(Operation operation, String problem) {
        jdbc.sql(
                        """
                        update sync.operation
                        set status = 'PENDING', attempts = attempts - 1, locked_by = null, locked_until = null,
                            problem = :problem, problem_category = 'CREDENTIALS'
                        where id = :id and status = 'RUNNING'
                        """)
                .param("id", operation.id())
                .param("problem", problem)
                .update();
    }

    /** Operations of vanished nodes: RUNNING past their lease go back to the queue. */
    int releaseExpired() {
        return jdbc.sql(
                        """
                        update sync.operation set status = 'PENDING', locked_by = null, locked_until = null
                        where status = 'RUNNING' and locked_until < :now
                        """)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** Puts the organization's unassigned open operations into the run, so the run reports them too. */
    int adoptIntoRun(UUID organization, UUID run) {
        return jdbc.sql(
                        """
                        update sync.operation set run_id = :run
                        where organization_id = :organization and status in ('PENDING', 'RUNNING')
                          and (run_id is null or run_id <> :run)
                        """)
                .param("organization", organization)
                .param("run", run)
                .update();
    }

    private void finish(
            Operation operation,
            String status,
            @Nullable String category,
            @Nullable String problem,
            @Nullable String link) {
        jdbc.sql(
                        """
                        update sync.operation
                        set status = :status, finished_at = :now, finished_by = locked_by, locked_by = null,
                            locked_until = null, problem = :problem, problem_category = :category,
                            problem_link = :link
                        where id = :id and status = 'RUNNING'
                        """)
                .param("id", operation.id())
                .param("status", status)
                .param("now", OffsetDateTime.now(clock))
                .param("problem", problem)
                .param("category", category)
                .param("link", link)
                .update();
    }
}
