package ru.paragraf.sferum.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.mock.env.MockEnvironment;
import ru.paragraf.sferum.TestDatabases;

/**
 * A production start whose database settings cannot work ends with a short report naming the setting and the fix.
 * The refusals are PostgreSQL's own, from a real server, wrapped as Flyway's start-up bean fails with them.
 */
class ProductionDatabaseFailureAnalyzerTests {

    private final int port = TestDatabases.server().getPort();

    @Test
    void explainsAProductionStartWithoutADatasourceUrl() {
        var analyzer =
                new ProductionDatabaseFailureAnalyzer(new MockEnvironment().withProperty("sferum.mode", "production"));

        var report = analyzer.analyze(new BeanCreationException("dataSource", "Failed to configure a DataSource"));

        assertThat(report).isNotNull();
        assertThat(report.getDescription()).contains("spring.datasource.url is not set");
        assertThat(report.getAction())
                .contains("SPRING_DATASOURCE_URL=jdbc:postgresql://")
                .contains("#production-setup");
    }

    @Test
    void namesTheUrlAndRoleOfARefusedConnectionWithoutTheUrlsParameters() throws Exception {
        var url = "jdbc:postgresql://localhost:%d/no_such_database".formatted(port);
        var refusal = refusal(url, "postgres");
        var analyzer = analyzer(url + "?password=secret-in-the-url", "postgres");

        var report = analyzer.analyze(startFailure(refusal));

        assertThat(refusal.getSQLState()).isEqualTo("3D000");
        assertThat(report).isNotNull();
        assertThat(report.getDescription())
                .contains("no_such_database")
                .contains("spring.datasource.url=jdbc:postgresql://localhost:%d/no_such_database?…".formatted(port))
                .contains("username=postgres")
                .doesNotContain("secret-in-the-url");
        assertThat(report.getAction()).contains("create database sferum owner sferum");
    }

    @Test
    void tellsAnUnknownRoleAndAServerThatDoesNotListen() throws Exception {
        var url = "jdbc:postgresql://localhost:%d/postgres".formatted(port);
        var unknownRole = refusal(url, "no_such_role");
        var closed = "jdbc:postgresql://localhost:%d/sferum".formatted(closedPort());
        var notListening = refusal(closed, "sferum");

        var roleReport = analyzer(url, "no_such_role").analyze(startFailure(unknownRole));
        var listenReport = analyzer(closed, "sferum").analyze(startFailure(notListening));

        assertThat(unknownRole.getSQLState()).startsWith("28");
        assertThat(roleReport.getAction())
                .contains("SPRING_DATASOURCE_USERNAME")
                .contains("pg_hba.conf");
        assertThat(notListening.getSQLState()).startsWith("08");
        assertThat(listenReport.getAction()).contains("runs and listens");
    }

    @Test
    void leavesOtherFailuresAndTheEmbeddedModeToOtherReports() {
        var url = "jdbc:postgresql://localhost:%d/postgres".formatted(port);
        var syntax = new SQLException("syntax error at or near \"selec\"", "42601");

        assertThat(analyzer(url, "postgres").analyze(startFailure(syntax))).isNull();
        assertThat(new ProductionDatabaseFailureAnalyzer(new MockEnvironment().withProperty("sferum.mode", "embedded"))
                        .analyze(startFailure(new SQLException("refused", "08001"))))
                .isNull();
    }

    private static ProductionDatabaseFailureAnalyzer analyzer(String url, String username) {
        return new ProductionDatabaseFailureAnalyzer(new MockEnvironment()
                .withProperty("sferum.mode", "production")
                .withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", username));
    }

    private static SQLException refusal(String url, String username) {
        try (var connection = DriverManager.getConnection(url, username, "")) {
            throw new AssertionError("PostgreSQL accepted " + username + " at " + url);
        } catch (SQLException refused) {
            return refused;
        }
    }

    /** As the start fails when Flyway cannot connect: a bean creation failure caused by the driver's exception. */
    private static BeanCreationException startFailure(SQLException cause) {
        return new BeanCreationException(
                "flywayInitializer", "Unable to obtain connection from database", new RuntimeException(cause));
    }

    private static int closedPort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
