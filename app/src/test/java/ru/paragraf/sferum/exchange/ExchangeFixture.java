package ru.paragraf.sferum.exchange;

import static ru.paragraf.sferum.SchoolFixture.SCHOOL_A;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_B;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_C;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SchoolFixture;

/**
 * An SFERUM_SYNC task with one finished run and two items in each of schools A, B and C, written straight to the
 * tables: enough for access tests, which need no scheduler and no task type.
 */
public final class ExchangeFixture {

    public static final UUID TASK_A = SchoolFixture.id(81),
            TASK_B = SchoolFixture.id(82),
            TASK_C = SchoolFixture.id(83);
    public static final UUID RUN_A = SchoolFixture.id(91), RUN_B = SchoolFixture.id(92), RUN_C = SchoolFixture.id(93);

    private ExchangeFixture() {}

    public static void insert(JdbcClient jdbc) {
        task(jdbc, TASK_A, RUN_A, SCHOOL_A);
        task(jdbc, TASK_B, RUN_B, SCHOOL_B);
        task(jdbc, TASK_C, RUN_C, SCHOOL_C);
    }

    private static void task(JdbcClient jdbc, UUID task, UUID run, UUID school) {
        var now = OffsetDateTime.now();
        jdbc.sql(
                        """
                        insert into exchange.task (id, organization_id, type_code, cron, enabled, created_at, updated_at)
                        values (:id, :school, 'SFERUM_SYNC', '0 0/10 * * * ?', false, :now, :now)
                        """)
                .param("id", task)
                .param("school", school)
                .param("now", now)
                .update();
        jdbc.sql(
                        """
                        insert into exchange.run (id, task_id, organization_id, type_code, status, manual, queued_at,
                                                  started_at, finished_at, attempt, total, processed, ok_count, error_count)
                        values (:id, :task, :school, 'SFERUM_SYNC', 'PARTIAL', true, :now, :now, :now, 1, 2, 2, 1, 1)
                        """)
                .param("id", run)
                .param("task", task)
                .param("school", school)
                .param("now", now)
                .update();
        jdbc.sql(
                        """
                        insert into exchange.run_item (run_id, recorded_at, object_type, object_id, object_title, action,
                                                       result, message)
                        values (:run, :now, 'EMPLOYEE', '1', 'Teacher', 'CHECK', 'OK', null),
                               (:run, :now, 'EMPLOYEE', '2', 'Teacher', 'CHECK', 'ERROR', 'Not linked')
                        """)
                .param("run", run)
                .param("now", now)
                .update();
    }
}
