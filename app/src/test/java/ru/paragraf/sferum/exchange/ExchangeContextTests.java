package ru.paragraf.sferum.exchange;

import static org.awaitility.Awaitility.await;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;

/**
 * The shared context of the exchange tests: the whole application on its own database, with the test task types,
 * schools A, B, C and their accounts. Each test starts without tasks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestTaskTypes.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExchangeContextTests {

    static final CurrentUser ADMIN_A_USER = new CurrentUser(
            UUID.randomUUID(), "adminA", "Админова А.", Role.SCHOOL_ADMIN, null, SCHOOL_A, ADMIN_A, null, null);
    static final CurrentUser CITY_USER = new CurrentUser(
            UUID.randomUUID(), "city", "Оператор города", Role.CITY_OPERATOR, null, null, null, null, null);
    static final CurrentUser TEACHER_A_USER = new CurrentUser(
            UUID.randomUUID(), "teacherA1", "Учителев П.", Role.TEACHER, null, SCHOOL_A, TEACHER_A1, null, null);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @Autowired
    Scheduler scheduler;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TaskManagement management;

    @Autowired
    Runs runs;

    @Autowired
    TestTaskTypes.Gate gate;

    @Autowired
    TestTaskTypes.FinishedRuns finished;

    @BeforeAll
    void createSchoolsOnce() {
        var exists = jdbc.sql("select count(*) from school.organization where id = :id")
                .param("id", SCHOOL_A)
                .query(Integer.class)
                .single();
        if (exists == 0) {
            SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        }
    }

    @BeforeEach
    void closeTheGate() {
        gate.reset();
    }

    @AfterEach
    void deleteTasks() {
        gate.open.release(100);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from exchange.run where status in ('QUEUED', 'RUNNING')")
                                .query(Integer.class)
                                .single()
                        == 0);
        transactions.executeWithoutResult(tx -> {
            try {
                scheduler.deleteJobs(java.util.List.copyOf(
                        scheduler.getJobKeys(GroupMatcher.jobGroupEquals(TaskTriggers.JOB_GROUP))));
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
            jdbc.sql("delete from exchange.task").update();
        });
    }

    RunRow awaitFinished(UUID run) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runs.find(run).orElseThrow().status().isFinished());
        return runs.find(run).orElseThrow();
    }

    RunRow run(UUID run) {
        return runs.find(run).orElseThrow();
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
