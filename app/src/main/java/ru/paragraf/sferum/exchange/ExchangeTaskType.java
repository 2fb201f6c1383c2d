package ru.paragraf.sferum.exchange;

/**
 * A kind of exchange task, implemented as a Spring bean by the module that does the work. Runs happen on a
 * scheduler thread of whichever node holds the task at the moment, never on two nodes at once.
 *
 * <p>A run may be started again on another node after a crash ({@link ExchangeRun#attempt()} is then above 1), so
 * {@link #run(ExchangeRun)} must be safe to repeat.
 */
public interface ExchangeTaskType {

    /** A stable code stored with every task of this type, such as {@code SFERUM_SYNC}. */
    String code();

    /** The message key of the Russian title shown in the type select and on every page. */
    default String titleKey() {
        return "exchange.type." + code();
    }

    /**
     * Does the work of one run. Report progress and per-object results through {@code run}, and return early when
     * {@link ExchangeRun#cancelled()} turns true. Throw {@link ExchangeRunException} to fail the run with a message
     * for the user; any other exception fails it with a generic message and is logged.
     */
    void run(ExchangeRun run) throws Exception;
}
