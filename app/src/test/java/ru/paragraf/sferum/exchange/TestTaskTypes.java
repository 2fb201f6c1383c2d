package ru.paragraf.sferum.exchange;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** Task types for tests, each with a known outcome, and a recorder of {@link ExchangeRunFinished} events. */
@TestConfiguration(proxyBeanMethods = false)
public class TestTaskTypes {

    /** Three objects, all fine. */
    @Bean
    ExchangeTaskType succeeding() {
        return type("TEST_OK", run -> {
            run.total(3);
            for (int i = 1; i <= 3; i++) {
                run.record(ExchangeRunItem.of(ItemResult.OK, "EMPLOYEE", i, "Employee " + i, "CHECK", null));
                run.processed(i);
            }
        });
    }

    /** Four objects: two fine, a warning and an error with a link to the record to fix. */
    @Bean
    ExchangeTaskType partlyFailing() {
        return type("TEST_PARTIAL", run -> {
            run.total(4);
            run.record(ExchangeRunItem.of(ItemResult.OK, "EMPLOYEE", 1, "Employee 1", "CHECK", null));
            run.record(ExchangeRunItem.of(ItemResult.OK, "EMPLOYEE", 2, "Employee 2", "CHECK", null));
            run.record(ExchangeRunItem.of(ItemResult.WARNING, "EMPLOYEE", 3, "Employee 3", "CHECK", "warning 3"));
            run.record(ExchangeRunItem.of(ItemResult.ERROR, "EMPLOYEE", 4, "Employee 4", "CHECK", "error 4")
                    .withLink("/staff/" + new UUID(0, 4)));
            run.processed(4);
        });
    }

    /**
     * Checks 53 objects and reports progress only for work that would follow them, none here: the figures the
     * SFERUM_SYNC task used to give («Обработано 0 из 0» above 53 results).
     */
    @Bean
    ExchangeTaskType uncounted() {
        return type("TEST_UNCOUNTED", run -> {
            run.total(0);
            for (int i = 1; i <= 53; i++) {
                run.record(ExchangeRunItem.of(ItemResult.OK, "TEACHER", i, "Teacher " + i, "CHECK_VK_ID", null));
            }
            run.processed(0);
        });
    }

    /** Records one object, then breaks. */
    @Bean
    ExchangeTaskType failing() {
        return type("TEST_FAIL", run -> {
            run.record(ExchangeRunItem.of(ItemResult.OK, "EMPLOYEE", 1, "Employee 1", "CHECK", null));
            throw new IllegalStateException("internal detail that must not reach the page");
        });
    }

    /** Refuses with a message for the user. */
    @Bean
    ExchangeTaskType refusing() {
        return type("TEST_REFUSE", run -> {
            throw new ExchangeRunException(run.text("exchange.run.error.unknownType", "TEST_REFUSE"));
        });
    }

    /** 1234 objects, every tenth failed, titles that a spreadsheet would take for formulas. */
    @Bean
    ExchangeTaskType many() {
        return type("TEST_MANY", run -> {
            run.total(1234);
            var titles = List.of(
                    "=HYPERLINK(\"http://example.org\")", "+1", "-2", "@SUM(A1)", "Обычное имя; с точкой с запятой");
            for (int i = 1; i <= 1234; i++) {
                var result = i % 10 == 0 ? ItemResult.ERROR : ItemResult.OK;
                run.record(ExchangeRunItem.of(
                        result,
                        "EMPLOYEE",
                        i,
                        titles.get(i % titles.size()),
                        "CHECK",
                        result == ItemResult.ERROR ? "=1+1" : null));
                run.processed(i);
            }
        });
    }

    @Bean
    Gate gate() {
        return new Gate();
    }

    /** Ten objects; stops after three until the test opens the gate, or until the run is cancelled. */
    @Bean
    ExchangeTaskType gated(Gate gate) {
        return type("TEST_GATED", run -> {
            run.total(10);
            for (int i = 1; i <= 3; i++) {
                run.record(ExchangeRunItem.of(ItemResult.OK, "EMPLOYEE", i, "Employee " + i, "CHECK", null));
                run.processed(i);
            }
            gate.entered.release();
            while (!gate.open.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                if (run.cancelled()) {
                    return;
                }
            }
            for (int i = 4; i <= 10; i++) {
                run.record(ExchangeRunItem.of(ItemResult.OK, "EMPLOYEE", i, "Employee " + i, "CHECK", null));
                run.processed(i);
            }
        });
    }

    @Bean
    FinishedRuns finishedRuns() {
        return new FinishedRuns();
    }

    /** Lets a test hold a {@code TEST_GATED} run in the middle. */
    public static final class Gate {
        final Semaphore entered = new Semaphore(0);
        final Semaphore open = new Semaphore(0);

        void reset() {
            entered.drainPermits();
            open.drainPermits();
        }
    }

    /** The {@link ExchangeRunFinished} events published so far. */
    public static final class FinishedRuns {
        final ConcurrentLinkedQueue<ExchangeRunFinished> events = new ConcurrentLinkedQueue<>();

        @EventListener
        void on(ExchangeRunFinished event) {
            events.add(event);
        }

        java.util.Optional<ExchangeRunFinished> of(UUID run) {
            return events.stream().filter(event -> event.runId().equals(run)).findFirst();
        }
    }

    interface Work {
        void run(ExchangeRun run) throws Exception;
    }

    static ExchangeTaskType type(String code, Work work) {
        return new ExchangeTaskType() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public void run(ExchangeRun run) throws Exception {
                work.run(run);
            }
        };
    }
}
