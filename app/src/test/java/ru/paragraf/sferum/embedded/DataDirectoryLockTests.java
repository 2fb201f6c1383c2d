package ru.paragraf.sferum.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory's lock file tells a live instance from a dead one: another JVM holding it is refused at once,
 * and the operating system drops the lock when that JVM is killed.
 */
class DataDirectoryLockTests {

    /** A JVM that locks the file as zonky does and keeps it until it dies. */
    private static final String HOLDER =
            """
            import java.io.FileOutputStream;

            class Holder {
                public static void main(String[] arguments) throws Exception {
                    var lock = new FileOutputStream(arguments[0]).getChannel().lock();
                    System.out.println("locked " + lock.isValid());
                    Thread.sleep(600_000);
                }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void refusesADirectoryAnotherJvmHoldsAndTakesItOnceThatJvmIsKilled() throws Exception {
        Files.writeString(directory.resolve("PG_VERSION"), "17\n");
        var source = Files.writeString(directory.resolveSibling(directory.getFileName() + "-Holder.java"), HOLDER);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var holder = new ProcessBuilder(
                        java,
                        source.toString(),
                        directory.resolve(DataDirectoryLock.FILE).toString())
                .redirectErrorStream(true)
                .start();
        try {
            var output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("locked true");

            assertThatThrownBy(() -> DataDirectoryLock.acquire(directory))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("in use by another process");

            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (var lock = DataDirectoryLock.acquire(directory)) {
                assertThat(lock).isNotNull();
            }
        } finally {
            holder.destroyForcibly();
            Files.deleteIfExists(source);
        }
    }

    @Test
    void leavesADirectoryWithoutADatabaseEmptyForInitdb() throws Exception {
        try (var lock = DataDirectoryLock.acquire(directory)) {
            assertThat(lock).isNotNull();
        }

        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }
}
