package ru.paragraf.sferum.exchange;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns stored tasks, runs and items into what pages and exports show, in the application's time zone. */
@Component
class ExchangeViews {

    static final int NEXT_RUNS = 3;

    private final TaskTypes types;
    private final CronSchedules crons;
    private final CronWords words;
    private final ExchangeTexts texts;
    private final Clock clock;

    ExchangeViews(TaskTypes types, CronSchedules crons, CronWords words, ExchangeTexts texts, Clock clock) {
        this.types = types;
        this.crons = crons;
        this.words = words;
        this.texts = texts;
        this.clock = clock;
    }

    TaskLine task(Task task, @Nullable RunRow lastRun) {
        var next = task.enabled()
                ? crons.next(task.cron(), NEXT_RUNS).stream()
                        .map(java.time.ZonedDateTime::toLocalDateTime)
                        .toList()
                : List.<LocalDateTime>of();
        return new TaskLine(
                task.id(),
                task.organizationId(),
                task.typeCode(),
                types.title(task.typeCode()),
                task.cron(),
                words.describe(task.cron()),
                task.enabled(),
                next,
                lastRun == null ? null : run(lastRun));
    }

    RunLine run(RunRow run) {
        var duration = run.duration();
        return new RunLine(
                run.id(),
                run.taskId(),
                types.title(run.typeCode()),
                run.status(),
                run.manual(),
                run.requestedBy(),
                local(run.queuedAt()),
                localOrNull(run.startedAt()),
                localOrNull(run.finishedAt()),
                duration == null ? null : texts.duration(duration),
                run.node(),
                run.attempt(),
                localOrNull(run.takenOverAt()),
                run.total(),
                run.processed(),
                run.percent(),
                run.counts(),
                run.message(),
                run.cancelRequestedAt() != null);
    }

    ItemLine item(ItemRow item) {
        return new ItemLine(
                item.id(),
                local(item.recordedAt()),
                texts.textOr("exchange.object." + item.objectType(), item.objectType()),
                item.objectId(),
                item.objectTitle(),
                texts.textOr("exchange.action." + item.action(), item.action()),
                item.result(),
                item.message(),
                item.link());
    }

    private LocalDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(clock.getZone()).toLocalDateTime();
    }

    private @Nullable LocalDateTime localOrNull(@Nullable OffsetDateTime time) {
        return time == null ? null : local(time);
    }
}
