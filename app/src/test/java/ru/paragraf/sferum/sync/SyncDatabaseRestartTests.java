package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * PostgreSQL goes down in the middle of a school's synchronization and comes back a few seconds later on the same
 * data: the application recovers by itself — connections, workers, leases and the queue — and the school ends
 * synchronized completely, with nothing created twice.
 */
@ConnectedCityTest
@TestPropertySource(
        properties = {
            "sferum.sync.max-backoff=2s",
            "sferum.sync.operation-lease=10s",
            "sferum.sync.community-lease=5s",
            "spring.datasource.hikari.connection-timeout=2000"
        })
class SyncDatabaseRestartTests {

    static final RestartablePostgres POSTGRES = new RestartablePostgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.quartz.scheduler-name", () -> "sferum-restart");
    }

    @Autowired
    ConnectedCity city;

    @BeforeAll
    void connect() throws Exception {
        city.connect(1);
    }

    @Test
    void theApplicationRecoversFromADatabaseRestartDuringARun() throws Exception {
        city.vk.faults(FaultPlan.NONE.withLatency(FaultPlan.Latency.fixed(Duration.ofMillis(40))));
        city.enableTasks();
        await().atMost(Duration.ofSeconds(60)).until(() -> city.count("sync.operation where status = 'DONE'") >= 10);
        var doneBefore = city.count("sync.operation where status = 'DONE'");

        POSTGRES.restart(Duration.ofSeconds(4));

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> city.open() == 0);
        var checks = city.checks();
        var report = List.of(
                "PostgreSQL restart during a run: stopped for 4 s after %d operations were done".formatted(doneBefore),
                "after the restart: " + checks);
        ReliabilityReport.write("database-restart-report.txt", report);

        assertThat(city.count("sync.operation where status = 'DONE'")).isGreaterThan(doneBefore);
        assertThat(checks.openOperations()).isZero();
        assertThat(checks.failedOperations()).isZero();
        assertThat(checks.duplicateChats()).isZero();
        assertThat(checks.chats()).isEqualTo(checks.ledgerChats());
        assertThat(checks.duplicateMessages()).isZero();
        assertThat(checks.announcements()).isEqualTo(checks.announcedCalls()).isEqualTo(checks.ledgerCalls());
    }

    /**
     * A PostgreSQL of this test alone, on a fixed port and data directory, so that it can be stopped and started. It
     * stops with the JVM (zonky's shutdown hook): after the context, closed at the end of the class, has let go of it.
     */
    static final class RestartablePostgres {

        private final Path directory;
        private final int port;
        private EmbeddedPostgres server;

        RestartablePostgres() {
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
                // not created here: PostgreSQL's initdb makes it on the first start
                directory = Files.createTempDirectory("sferum-restart").resolve("data");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = start();
        }

        String url() {
            return "jdbc:postgresql://localhost:%d/postgres".formatted(port);
        }

        void restart(Duration down) throws InterruptedException {
            close();
            Thread.sleep(down.toMillis());
            server = start();
        }

        void close() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Never cleans the directory: zonky deletes a clean-mode directory on close, which would lose the data. */
        private EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
