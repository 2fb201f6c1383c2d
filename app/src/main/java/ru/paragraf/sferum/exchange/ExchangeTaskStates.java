package ru.paragraf.sferum.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks of organizations for other modules, unscoped: the caller decides which organizations the person may
 * see. Set-based, so that a city-wide readiness table costs one query.
 */
@Service
public class ExchangeTaskStates {

    private static final String SELECT =
            """
            select t.id as task_id, t.organization_id, t.type_code, t.enabled, r.id as run_id, r.status, r.finished_at,
                   r.ok_count, r.warning_count, r.error_count, r.skipped_count
            from exchange.task t
            left join lateral (select * from exchange.run lr where lr.task_id = t.id and lr.finished_at is not null
                               order by lr.finished_at desc limit 1) r on true
            """;

    private final JdbcClient jdbc;

    ExchangeTaskStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's task of the type, with its last finished run. */
    @Transactional(readOnly = true)
    public Optional<ExchangeTaskState> of(UUID organization, String typeCode) {
        return jdbc.sql(SELECT + " where t.organization_id = :organization and t.type_code = :type")
                .param("organization", organization)
                .param("type", typeCode)
                .query((rs, row) -> state(rs))
                .optional();
    }

    /** Every organization's task of the type. */
    @Transactional(readOnly = true)
    public List<ExchangeTaskState> ofType(String typeCode) {
        return jdbc.sql(SELECT + " where t.type_code = :type")
                .param("type", typeCode)
                .query((rs, row) -> state(rs))
                .list();
    }

    private static ExchangeTaskState state(java.sql.ResultSet rs) throws java.sql.SQLException {
        var run = rs.getObject("run_id", UUID.class);
        var finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new ExchangeTaskState(
                rs.getObject("task_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("type_code"),
                rs.getBoolean("enabled"),
                run,
                run == null ? null : ExchangeRunStatus.valueOf(rs.getString("status")),
                finished == null ? null : finished.toInstant(),
                run == null
                        ? null
                        : new ItemCounts(
                                rs.getInt("ok_count"),
                                rs.getInt("warning_count"),
                                rs.getInt("error_count"),
                                rs.getInt("skipped_count")));
    }
}
