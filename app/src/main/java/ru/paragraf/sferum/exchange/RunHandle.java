package ru.paragraf.sferum.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link ExchangeRun} a task type works with. Buffers items and progress and writes them together, in one
 * transaction fenced by the attempt, at most every flush interval or batch size; each write also rereads whether a
 * user asked to stop. Every recorded item is a processed object, so the progress never shows fewer objects than the
 * list of results holds, nor a total below what was processed.
 */
final class RunHandle implements ExchangeRun {

    private final RunRow run;
    private final int attempt;
    private final Runs runs;
    private final RunItems items;
    private final TransactionTemplate transactions;
    private final ExchangeTexts texts;
    private final Clock clock;
    private final Duration flushInterval;
    private final int batchSize;
    private final BooleanSupplier stopping;

    private final List<ExchangeRunItem> buffer = new ArrayList<>();
    private @Nullable Integer total;
    private int processed;
    private int recorded;
    private int errors;
    private Instant lastFlush;
    private boolean cancelRequested;
    private boolean superseded;

    RunHandle(
            RunRow run,
            int attempt,
            Runs runs,
            RunItems items,
            TransactionTemplate transactions,
            ExchangeTexts texts,
            Clock clock,
            ExchangeProperties properties,
            BooleanSupplier stopping) {
        this.run = run;
        this.attempt = attempt;
        this.runs = runs;
        this.items = items;
        this.transactions = transactions;
        this.texts = texts;
        this.clock = clock;
        this.flushInterval = properties.flushInterval();
        this.batchSize = properties.itemBatchSize();
        this.stopping = stopping;
        this.lastFlush = clock.instant();
    }

    @Override
    public UUID id() {
        return run.id();
    }

    @Override
    public UUID taskId() {
        return run.taskId();
    }

    @Override
    public UUID organizationId() {
        return run.organizationId();
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public synchronized void total(int total) {
        this.total = Math.max(0, total);
        flushWhenDue();
    }

    @Override
    public synchronized void processed(int processed) {
        this.processed = Math.max(0, processed);
        flushWhenDue();
    }

    @Override
    public synchronized void record(ExchangeRunItem item) {
        if (superseded) {
            return;
        }
        buffer.add(item);
        recorded++;
        if (item.result() == ItemResult.ERROR) {
            errors++;
        }
        if (buffer.size() >= batchSize) {
            flush();
        } else {
            flushWhenDue();
        }
    }

    @Override
    public synchronized boolean cancelled() {
        flushWhenDue();
        return cancelRequested || superseded || stopping.getAsBoolean();
    }

    @Override
    public String text(String messageKey, Object... arguments) {
        return texts.text(messageKey, arguments);
    }

    /** Writes what is buffered. Afterwards {@link #superseded()} tells whether the run still belongs to us. */
    synchronized void flush() {
        if (superseded) {
            return;
        }
        var batch = List.copyOf(buffer);
        buffer.clear();
        lastFlush = clock.instant();
        var cancel = transactions.execute(status -> {
            int done = Math.max(processed, recorded);
            var requested =
                    runs.progress(run.id(), attempt, total == null ? null : Math.max(total, done), done, counts(batch));
            if (requested.isPresent() && !batch.isEmpty()) {
                items.insert(run.id(), batch, clock.instant());
            }
            return requested.orElse(null);
        });
        if (cancel == null) {
            superseded = true;
        } else {
            cancelRequested = cancel;
        }
    }

    synchronized boolean superseded() {
        return superseded;
    }

    synchronized boolean cancelRequested() {
        return cancelRequested;
    }

    synchronized int errors() {
        return errors;
    }

    private void flushWhenDue() {
        if (!superseded && Duration.between(lastFlush, clock.instant()).compareTo(flushInterval) >= 0) {
            flush();
        }
    }

    private static ItemCounts counts(List<ExchangeRunItem> batch) {
        int ok = 0, warnings = 0, errors = 0, skipped = 0;
        for (var item : batch) {
            switch (item.result()) {
                case OK -> ok++;
                case WARNING -> warnings++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
            }
        }
        return new ItemCounts(ok, warnings, errors, skipped);
    }
}
