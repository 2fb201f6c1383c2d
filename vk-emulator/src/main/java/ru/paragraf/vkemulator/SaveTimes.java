package ru.paragraf.vkemulator;

/**
 * Saves of the state so far and the time they took: copying the state under the lock, then serializing and writing
 * it (temporary file, force, rename, force of the directory) outside the lock; and the CPU time of the saving
 * thread, which does not depend on how busy the machine is.
 */
record SaveTimes(long saves, long copyNanos, long writeNanos, long cpuNanos, long lastBytes) {

    SaveTimes plus(long copy, long write, long cpu, long bytes) {
        return new SaveTimes(saves + 1, copyNanos + copy, writeNanos + write, cpuNanos + cpu, bytes);
    }

    /** The saves made since {@code earlier}. */
    SaveTimes since(SaveTimes earlier) {
        return new SaveTimes(
                saves - earlier.saves,
                copyNanos - earlier.copyNanos,
                writeNanos - earlier.writeNanos,
                cpuNanos - earlier.cpuNanos,
                lastBytes);
    }

    double meanCpuMillis() {
        return saves == 0 ? 0 : cpuNanos / 1e6 / saves;
    }

    double meanCopyMillis() {
        return saves == 0 ? 0 : copyNanos / 1e6 / saves;
    }

    double meanWriteMillis() {
        return saves == 0 ? 0 : writeNanos / 1e6 / saves;
    }
}
