package ru.paragraf.sferum.linkbase;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim of credentials «не проверены» that are due for the re-check job, one statement for either messenger: up
 * to {@code limit} rows, skipping those another node holds, held for {@code lease} by moving their next check; the
 * version stays, so a verdict still lands.
 */
final class DueChecks {

    private DueChecks() {}

    static <T> List<T> claim(
            JdbcClient jdbc,
            String messenger,
            String columns,
            Class<T> row,
            OffsetDateTime now,
            Duration lease,
            int limit) {
        return jdbc.sql(
                        """
                        update linkbase.sferum_community c set next_check_at = :leasedUntil
                        where c.organization_id in (
                            select organization_id from linkbase.sferum_community
                            where state = 'UNVERIFIED' and next_check_at <= :now and messenger = :messenger
                            order by next_check_at limit :limit
                            for update skip locked)
                        returning %s"""
                                .formatted(columns))
                .param("leasedUntil", now.plus(lease))
                .param("now", now)
                .param("messenger", messenger)
                .param("limit", limit)
                .query(row)
                .list();
    }
}
