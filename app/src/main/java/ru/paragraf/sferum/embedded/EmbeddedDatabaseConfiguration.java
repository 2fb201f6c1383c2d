package ru.paragraf.sferum.embedded;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded PostgreSQL and the application's connection pool to it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedMode
@EnableConfigurationProperties(EmbeddedProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedProperties properties) {
        return EmbeddedPostgresServer.start(properties);
    }

    /** The pool closes before the server stops: it depends on the server bean. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(server.jdbcUrl())
                .username(server.username())
                .build();
    }
}
