package ru.paragraf.sferum;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Production mode: the application connects to a PostgreSQL it did not start, given only the standard
 * spring.datasource.* settings, migrates it and serves requests.
 */
class ExternalDatabaseTests {

    @Test
    void runsAgainstAnExternalPostgresqlGivenByUrl() throws Exception {
        try (var postgres = EmbeddedPostgres.builder().start()) {
            try (var connection = postgres.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("create database sferum_production");
                statement.execute("create user sferum with password 'secret-for-test'");
                statement.execute("alter database sferum_production owner to sferum");
            }
            var url = "jdbc:postgresql://localhost:%d/sferum_production".formatted(postgres.getPort());
            try (var context = new SpringApplicationBuilder(SferumApplication.class)
                    .run(
                            "--server.port=0",
                            "--spring.main.banner-mode=off",
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=sferum",
                            "--spring.datasource.password=secret-for-test")) {

                assertThat(context.getBeanNamesForType(
                                Class.forName("ru.paragraf.sferum.embedded.EmbeddedPostgresServer")))
                        .as("no embedded server in production mode")
                        .isEmpty();
                assertThat(context.containsBean("vkEmulator"))
                        .as("no VK emulator in production mode")
                        .isFalse();
                var tables = context.getBean(JdbcClient.class)
                        .sql("select table_schema || '.' || table_name from information_schema.tables")
                        .query(String.class)
                        .list();
                assertThat(tables).contains("school.journal", "accounts.user_account", "public.event_publication");
                var organizations = context.getBean(JdbcClient.class)
                        .sql("select count(*) from school.organization")
                        .query(Integer.class)
                        .single();
                assertThat(organizations).as("no demo data in production mode").isZero();

                var port =
                        ((WebServerApplicationContext) context).getWebServer().getPort();
                var http = HttpClient.newHttpClient();
                var health = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"UP\"");
                var login = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(login.body()).contains("Вход в АИСУ «Параграф»");
            }
        }
    }
}
