package ru.paragraf.sferum.school.generator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Rows of one table collected in PostgreSQL's COPY text format, sent in one stream when flushed. */
final class CopyTable {

    final String name;
    private final String copy;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private long rows;
    private long copyNanos;

    CopyTable(String name, String columns) {
        this.name = name;
        this.copy = "copy school.%s (%s) from stdin".formatted(name, columns);
    }

    void add(@Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(values[i]);
        }
        text.append('\n');
        rows++;
    }

    /** The COPY API of a pgjdbc connection. */
    static CopyManager copyManager(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            throw new IllegalStateException("Writing school data with COPY needs a PostgreSQL connection (pgjdbc)");
        }
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    long rows() {
        return rows;
    }

    /** Time spent in the database receiving this table's rows. */
    long copyMillis() {
        return copyNanos / 1_000_000;
    }

    int pendingChars() {
        return text.length();
    }

    void flush(CopyManager copyManager) throws SQLException {
        if (text.length() == 0) {
            return;
        }
        long started = System.nanoTime();
        var bytes = text.toString().getBytes(UTF_8);
        var in = copyManager.copyIn(copy);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        text.setLength(0);
        copyNanos += System.nanoTime() - started;
    }

    private void append(@Nullable Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean flag) {
            text.append(flag ? 't' : 'f');
        } else if (value instanceof String string) {
            escape(string);
        } else {
            text.append(value);
        }
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
