package ru.paragraf.vkemulator;

import com.sun.net.httpserver.HttpExchange;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends or drops responses now or after a delay. A delayed exchange is parked on the timer, so injected latency
 * never blocks a worker thread; the write itself is handed back to the worker pool.
 */
final class Replies {

    private final ScheduledExecutorService timer;
    private final ExecutorService workers;

    Replies(ScheduledExecutorService timer, ExecutorService workers) {
        this.timer = timer;
        this.workers = workers;
    }

    void send(HttpExchange exchange, int status, String contentType, byte[] body, long delayMillis) {
        later(exchange, delayMillis, () -> Http.send(exchange, status, contentType, body));
    }

    /** Closes the connection without a response after the delay (a timeout or a lost response). */
    void drop(HttpExchange exchange, long delayMillis) {
        later(exchange, delayMillis, () -> Http.abort(exchange));
    }

    private void later(HttpExchange exchange, long delayMillis, Runnable action) {
        if (delayMillis <= 0) {
            action.run();
            return;
        }
        try {
            timer.schedule(() -> handOver(exchange, action), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            Http.abort(exchange);
        }
    }

    private void handOver(HttpExchange exchange, Runnable action) {
        try {
            workers.execute(action);
        } catch (RejectedExecutionException shuttingDown) {
            Http.abort(exchange);
        }
    }
}
