package ru.paragraf.sferum.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average ({@code /proc/loadavg}) over 1, 5 and 15 minutes; negative where it cannot be read.
 * Recorded beside each window, since the machine may be shared with other work.
 */
record LoadAverage(double one, double five, double fifteen) {

    static LoadAverage read() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new LoadAverage(
                    Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
        } catch (java.io.IOException | RuntimeException e) {
            return new LoadAverage(-1, -1, -1);
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.2f / %.2f / %.2f", one, five, fifteen);
    }
}
