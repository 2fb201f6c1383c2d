package ru.paragraf.sferum.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SferumApplication;

/**
 * The embedded default mode as a newcomer meets it: no database configured, a real PostgreSQL started by the
 * application with its files in a directory, kept across restarts, and a clear message when it cannot start.
 */
class EmbeddedModeTests {

    @TempDir
    Path directory;

    @Test
    void keepsDataAcrossRestarts() {
        var marker = UUID.randomUUID();
        try (var first = start(directory.resolve("pg"))) {
            assertThat(first.getBean(EmbeddedPostgresServer.class)).isNotNull();
            var emulator = first.getBean("vkEmulator", ru.paragraf.vkemulator.VkEmulator.class);
            assertThat(first.getEnvironment().getProperty("sferum.vk.api-url")).isEqualTo(emulator.baseUrl());
            first.getBean(JdbcClient.class)
                    .sql("insert into school.district (id, code, name) values (:id, :code, :name)")
                    .param("id", marker)
                    .param("code", "restart-test")
                    .param("name", "Restart test")
                    .update();
        }
        try (var second = start(directory.resolve("pg"))) {
            var found = second.getBean(JdbcClient.class)
                    .sql("select count(*) from school.district where id = :id")
                    .param("id", marker)
                    .query(Integer.class)
                    .single();
            assertThat(found).isEqualTo(1);
        }
    }

    @Test
    void refusesADataDirectoryInUseWithAClearMessage() {
        try (var running = start(directory.resolve("pg"))) {
            assertThatThrownBy(() -> start(directory.resolve("pg")))
                    .satisfies(failure -> assertThat(analysisOf(failure))
                            .contains("in use by another process")
                            .contains("sferum.embedded.database.data-directory"));
        }
    }

    @Test
    void refusesAPortInUseWithAClearMessage() throws Exception {
        try (var busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() ->
                            start(directory.resolve("pg"), "--sferum.embedded.database.port=" + busy.getLocalPort()))
                    .satisfies(failure -> assertThat(analysisOf(failure))
                            .contains("port " + busy.getLocalPort() + " for the embedded PostgreSQL is already in use")
                            .contains("sferum.embedded.database.port"));
        }
    }

    @Test
    void refusesADataDirectoryThatIsAFile() throws Exception {
        var file = java.nio.file.Files.writeString(directory.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> start(file))
                .satisfies(failure -> assertThat(analysisOf(failure)).contains("data directory"));
    }

    private static ConfigurableApplicationContext start(Path dataDirectory, String... more) {
        var arguments = new java.util.ArrayList<String>();
        arguments.add("--server.port=0");
        arguments.add("--sferum.embedded.database.data-directory=" + dataDirectory);
        arguments.add("--sferum.demo.enabled=false");
        arguments.add("--spring.main.banner-mode=off");
        arguments.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(SferumApplication.class).run(arguments.toArray(String[]::new));
    }

    private static String analysisOf(Throwable failure) {
        var cause = NestedExceptionUtils.getMostSpecificCause(failure);
        var embedded = failure;
        while (embedded != null && !(embedded instanceof EmbeddedDatabaseException)) {
            embedded = embedded.getCause();
        }
        assertThat(embedded).as("cause chain of %s", cause).isInstanceOf(EmbeddedDatabaseException.class);
        var analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(failure);
        return analysis.getDescription() + "\n" + analysis.getAction();
    }
}
