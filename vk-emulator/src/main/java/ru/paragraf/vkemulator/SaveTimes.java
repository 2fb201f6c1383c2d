package ru.paragraf.vkemulator;

/**
 * Saves of the state so far and the time they took: copying the state under the lock, then serializing and writing
 * it (temporary file, force, rename, force of the directory) outside the lock.
 */
record SaveTimes(long saves, long copyNanos, long writeNanos, long lastBytes) {

    SaveTimes plus(long copy, long write, long bytes) {
        return new SaveTimes(saves + 1, copyNanos + copy, writeNanos + write, bytes);
    }

    /** The saves made since {@code earlier}. */
    SaveTimes since(SaveTimes earlier) {
        return new SaveTimes(
                saves - earlier.saves, copyNanos - earlier.copyNanos, writeNanos - earlier.writeNanos, lastBytes);
    }

    double meanCopyMillis() {
        return saves == 0 ? 0 : copyNanos / 1e6 / saves;
    }

    double meanWriteMillis() {
        return saves == 0 ? 0 : writeNanos / 1e6 / saves;
    }
}
