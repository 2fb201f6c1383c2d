package ru.paragraf.sferum.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The application's log lines above INFO written while it served one server's requests: a Logback appender on the
 * root logger that keeps the WARN and ERROR events of that server's request threads ({@code http-nio-auto-1-exec-3}
 * for the first server on a random port), so that other application
 * contexts alive in the same JVM (their schedulers, their servers) do not count.
 */
final class ServerLog extends AppenderBase<ILoggingEvent> {

    private final String threads;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private long seen;

    private ServerLog(String threads) {
        this.threads = threads;
    }

    /** Starts keeping the lines above INFO of the threads whose names start with {@code threads}. */
    static ServerLog of(String threads) {
        var log = new ServerLog(threads);
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.setContext(root.getLoggerContext());
        log.setName("fuzz-server-log-" + threads);
        log.start();
        root.addAppender(log);
        return log;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (!event.getThreadName().startsWith(threads)) {
            return;
        }
        seen++;
        if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return;
        }
        var line = event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null
                        ? ""
                        : " — " + event.getThrowableProxy().getClassName());
        (event.getLevel().isGreaterOrEqual(Level.ERROR) ? errors : warnings).add(line);
    }

    /**
     * Log events of any level from the server's request threads: more than none proves that the threads were found
     * (the first request logs the DispatcherServlet's initialization at INFO).
     */
    synchronized long seen() {
        return seen;
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }
}
