package ru.paragraf.sferum.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/** The rules of tasks: one of a type per organization, schedules that the scheduler follows, audit, scope. */
class ExchangeRulesTests extends ExchangeContextTests {

    @Autowired
    ScheduleReconciliation reconciliation;

    @Test
    void allowsAtMostOneTaskOfATypePerOrganization() {
        management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, true);

        assertThatThrownBy(() -> management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, true))
                .isInstanceOf(DuplicateTaskTypeException.class);
        assertThatThrownBy(() -> management.create(CITY_USER, SCHOOL_A, "TEST_OK", "0 0 6 * * ?", false))
                .as("whoever asks")
                .isInstanceOf(DuplicateTaskTypeException.class);
        management.create(ADMIN_A_USER, SCHOOL_A, "TEST_PARTIAL", null, true);
        management.create(CITY_USER, SCHOOL_B, "TEST_OK", null, true);
        assertThatThrownBy(() -> jdbc.sql(
                                """
                                insert into exchange.task (id, organization_id, type_code, cron, enabled, created_at, updated_at)
                                values (:id, :school, 'TEST_OK', '0 0/10 * * * ?', true, now(), now())
                                """)
                        .param("id", UUID.randomUUID())
                        .param("school", SCHOOL_A)
                        .update())
                .as("the database holds the rule too")
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(count("select count(*) from exchange.task where organization_id = ?", SCHOOL_A))
                .isEqualTo(2);
    }

    @Test
    void theSchedulerFollowsCreateUpdateAndDelete() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, true);
        var job = TaskTriggers.jobKey(task.id());
        var cron = new TriggerKey(task.id().toString(), TaskTriggers.CRON_GROUP);
        assertThat(scheduler.checkExists(job)).isTrue();
        assertThat(((CronTrigger) scheduler.getTrigger(cron)).getCronExpression())
                .isEqualTo("0 0/10 * * * ?");
        assertThat(((CronTrigger) scheduler.getTrigger(cron)).getTimeZone().getID())
                .isEqualTo("Europe/Moscow");

        management.update(ADMIN_A_USER, task.id(), "0 30 6 * * ?", true);
        assertThat(((CronTrigger) scheduler.getTrigger(cron)).getCronExpression())
                .isEqualTo("0 30 6 * * ?");

        management.update(ADMIN_A_USER, task.id(), "0 30 6 * * ?", false);
        assertThat(scheduler.getTrigger(cron))
                .as("a disabled task has no schedule")
                .isNull();
        assertThat(scheduler.checkExists(job)).as("but can still be run now").isTrue();

        management.delete(ADMIN_A_USER, task.id());
        assertThat(scheduler.checkExists(job)).isFalse();
        assertThat(jdbc.sql("select action from audit.entry where subject = :subject order by id")
                        .param("subject", "exchange-task:" + task.id())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "EXCHANGE_TASK_CREATED",
                        "EXCHANGE_TASK_UPDATED",
                        "EXCHANGE_TASK_UPDATED",
                        "EXCHANGE_TASK_DELETED");
        assertThat(jdbc.sql(
                                "select details::text from audit.entry where subject = :subject and action = 'EXCHANGE_TASK_UPDATED' order by id limit 1")
                        .param("subject", "exchange-task:" + task.id())
                        .query(String.class)
                        .single())
                .contains("\"cronBefore\": \"0 0/10 * * * ?\"", "\"cron\": \"0 30 6 * * ?\"");
    }

    @Test
    void aRefusedScheduleChangesNothing() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, true);
        assertThatThrownBy(() -> management.update(ADMIN_A_USER, task.id(), "*/5 * * * *", true))
                .isInstanceOf(InvalidScheduleException.class);
        assertThat(run(task).cron()).isEqualTo("0 0/10 * * * ?");
    }

    @Test
    void schoolAdminsCannotTouchTasksOfOtherSchools() {
        var taskOfB = management.create(CITY_USER, SCHOOL_B, "TEST_OK", null, true);

        assertThatThrownBy(() -> management.create(ADMIN_A_USER, SCHOOL_B, "TEST_PARTIAL", null, true))
                .isInstanceOf(ExchangeNotFoundException.class);
        assertThatThrownBy(() -> management.update(ADMIN_A_USER, taskOfB.id(), "0 0 6 * * ?", true))
                .isInstanceOf(ExchangeNotFoundException.class);
        assertThatThrownBy(() -> management.runNow(ADMIN_A_USER, taskOfB.id()))
                .isInstanceOf(ExchangeNotFoundException.class);
        assertThatThrownBy(() -> management.delete(ADMIN_A_USER, taskOfB.id()))
                .isInstanceOf(ExchangeNotFoundException.class);
        assertThatThrownBy(() -> management.create(TEACHER_A_USER, SCHOOL_A, "TEST_OK", null, true))
                .as("teachers do not manage exchange tasks, not even in their school")
                .isInstanceOf(ExchangeNotFoundException.class);
        assertThat(count("select count(*) from exchange.task where organization_id = ?", SCHOOL_B))
                .isEqualTo(1);
    }

    @Test
    void startUpBringsTheSchedulerInStepWithTheTasks() throws Exception {
        var task = management.create(ADMIN_A_USER, SCHOOL_A, "TEST_OK", null, true);
        transactions.executeWithoutResult(tx -> {
            try {
                scheduler.deleteJob(TaskTriggers.jobKey(task.id()));
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
        });
        var orphanJob = new Task(
                UUID.randomUUID(),
                SCHOOL_A,
                "TEST_OK",
                "0 0 6 * * ?",
                true,
                OffsetDateTime.now(),
                OffsetDateTime.now());
        transactions.executeWithoutResult(tx -> new TaskTriggers(scheduler, clock).define(orphanJob));

        reconciliation.reconcile();

        assertThat(scheduler.checkExists(TaskTriggers.jobKey(task.id()))).isTrue();
        assertThat(scheduler.checkExists(new TriggerKey(task.id().toString(), TaskTriggers.CRON_GROUP)))
                .isTrue();
        assertThat(scheduler.checkExists(TaskTriggers.jobKey(orphanJob.id())))
                .as("the job of a task that no longer exists")
                .isFalse();
    }

    private Task run(Task task) {
        return jdbc.sql("select * from exchange.task where id = :id")
                .param("id", task.id())
                .query(Task.class)
                .single();
    }
}
