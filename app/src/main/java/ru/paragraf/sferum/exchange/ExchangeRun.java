package ru.paragraf.sferum.exchange;

import java.util.UUID;

/** The handle of one executing run, through which its task type reports progress and per-object results. */
public interface ExchangeRun {

    UUID id();

    UUID taskId();

    UUID organizationId();

    /** 1 for the first execution; higher when another node restarted the run after its node stopped. */
    int attempt();

    /**
     * How many objects the run will process in all, for the progress bar; may be called again when it becomes known.
     * The objects are those it records an item for: the run page counts its list of results against this total.
     */
    void total(int total);

    /**
     * How many objects have been processed so far. Every recorded item counts by itself; a type reports more here
     * when objects are done before their items are recorded (it records them at the end).
     */
    void processed(int processed);

    /** Records the result for one processed object; items are written in batches and shown on the run page. */
    void record(ExchangeRunItem item);

    /**
     * Whether the run should stop now: a user pressed «Остановить», the node is shutting down, or another node has
     * taken the run over. Cheap to call often; the answer is refreshed from the database about once a second.
     */
    boolean cancelled();

    /** A Russian text from the application's messages, for item messages and failures. */
    String text(String messageKey, Object... arguments);
}
