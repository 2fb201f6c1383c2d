package ru.paragraf.sferum.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * What the city benchmark runs on, all in this JVM: an embedded PostgreSQL in a temporary folder, the VK emulator
 * with VK's rate limits, and application nodes (Spring contexts of the real application in production mode,
 * pointed at both) started and stopped by the benchmark.
 */
final class CityWorld implements AutoCloseable {

    static final String VKID_CLIENT = "51900777";
    static final int COMMUNITY_LIMIT = 20;
    static final int USER_LIMIT = 3;
    static final String BENCH_APPLICATION = "citybench";

    final EmbeddedPostgres postgres;
    final VkEmulator vk;
    private final Path dataDirectory;
    private final String secretKey;

    private CityWorld(EmbeddedPostgres postgres, VkEmulator vk, Path dataDirectory) {
        this.postgres = postgres;
        this.vk = vk;
        this.dataDirectory = dataDirectory;
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secretKey = Base64.getEncoder().encodeToString(key);
    }

    static CityWorld start() throws IOException {
        var directory = Files.createTempDirectory("citybench-pg");
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("synchronous_commit", "off")
                // where PostgreSQL's time goes during a run (CityReport)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setRegisterShutdownHook(true)
                .start();
        org.springframework.jdbc.core.simple.JdbcClient.create(postgres.getPostgresDatabase())
                .sql("create extension if not exists pg_stat_statements")
                .update();
        // the benchmark's own connections log in as a role of their own: their statements are told apart
        org.springframework.jdbc.core.simple.JdbcClient.create(postgres.getPostgresDatabase())
                .sql("create role " + BENCH_APPLICATION + " login superuser")
                .update();
        var vk = VkEmulator.start(EmulatorConfig.builder()
                .seed(Seed.of(
                        List.of(),
                        List.of(),
                        List.of(Seed.Client.of(VKID_CLIENT, "http://localhost/diary/vkid/callback"))))
                .communityRequestsPerSecond(COMMUNITY_LIMIT)
                .userRequestsPerSecond(USER_LIMIT)
                .build());
        return new CityWorld(postgres, vk, directory);
    }

    /**
     * Starts an application node in this JVM; {@code workers} says whether it carries out queued operations, and
     * the initializers prepare its context before it starts (a benchmark's own filter).
     */
    @SafeVarargs
    final ConfigurableApplicationContext startNode(
            String name,
            boolean workers,
            CityBenchmark.Settings settings,
            ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=40",
                "--sferum.mode=production",
                "--sferum.demo.enabled=false",
                "--sferum.secrets.keys.bench=" + secretKey,
                "--sferum.secrets.current-key=bench",
                "--sferum.vk.api-url=" + vk.baseUrl(),
                "--sferum.vk.id-url=" + vk.baseUrl(),
                "--sferum.vkid.client-id=" + VKID_CLIENT,
                "--sferum.sync.workers-enabled=" + workers,
                "--sferum.sync.worker-threads=" + settings.workerThreads(),
                "--sferum.sync.community-concurrency=" + settings.communityConcurrency(),
                "--sferum.sync.cpu-ceiling=" + settings.cpuCeiling(),
                "--sferum.sync.pump-interval=200ms",
                // not "bench-": CpuMeter takes threads named so for the benchmark's own
                "--spring.quartz.scheduler-name=city-" + name,
                "--logging.level.root=WARN"));
        return new SpringApplicationBuilder(SferumApplication.class)
                .initializers(initializers)
                .run(arguments.toArray(String[]::new));
    }

    /**
     * The benchmark's own connections (its sampler, probes and drain watcher), apart from the nodes' pools and named
     * {@value #BENCH_APPLICATION} in PostgreSQL (their application name and role), so that their backends' CPU and
     * their statements are not taken for the application's.
     */
    HikariDataSource benchConnections() {
        var config = new HikariConfig();
        config.setPoolName("bench-pool");
        config.setJdbcUrl(postgres.getJdbcUrl(BENCH_APPLICATION, "postgres"));
        config.addDataSourceProperty("ApplicationName", BENCH_APPLICATION);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        // the same backends all along: one that ended within a window would be counted as PostgreSQL's
        config.setMaxLifetime(0);
        return new HikariDataSource(config);
    }

    /** The PostgreSQL backends of {@link #benchConnections()}. */
    static List<Long> benchBackends(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return jdbc.sql("select pid from pg_stat_activity where application_name = :name")
                .param("name", BENCH_APPLICATION)
                .query(Long.class)
                .list();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Override
    public void close() {
        vk.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileSystemUtils.deleteRecursively(dataDirectory.toFile());
    }
}
