package ru.paragraf.sferum.exchange;

import java.time.Duration;
import org.quartz.Scheduler;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task type that works for a few seconds, object by object, and writes down where and when each execution ran
 * (table {@code cluster_test.execution}, which the cluster test creates): the evidence that executions never
 * overlap.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SlowTaskType {

    static final String CODE = "TEST_SLOW";
    static final int OBJECTS = 12;
    static final Duration WORK_PER_OBJECT = Duration.ofMillis(250);

    @Bean
    ExchangeTaskType slow(JdbcClient jdbc, Scheduler scheduler) {
        return TestTaskTypes.type(CODE, run -> {
            var node = scheduler.getSchedulerInstanceId();
            jdbc.sql(
                            """
                            insert into cluster_test.execution (run_id, attempt, node, started_at)
                            values (:run, :attempt, :node, clock_timestamp())
                            """)
                    .param("run", run.id())
                    .param("attempt", run.attempt())
                    .param("node", node)
                    .update();
            run.total(OBJECTS);
            for (int i = 1; i <= OBJECTS && !run.cancelled(); i++) {
                Thread.sleep(WORK_PER_OBJECT.toMillis());
                run.record(ExchangeRunItem.of(ItemResult.OK, "OBJECT", i, node, "WORK", null));
                run.processed(i);
            }
            jdbc.sql(
                            """
                            update cluster_test.execution set finished_at = clock_timestamp()
                            where run_id = :run and attempt = :attempt
                            """)
                    .param("run", run.id())
                    .param("attempt", run.attempt())
                    .update();
        });
    }
}
