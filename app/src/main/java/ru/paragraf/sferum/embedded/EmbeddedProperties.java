package ru.paragraf.sferum.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param dataDirectory where the database files live; relative paths resolve against the working directory
 * @param port the TCP port on localhost; 0 picks a free one
 * @param database the database the application uses inside the embedded server
 */
@ConfigurationProperties("sferum.embedded.database")
record EmbeddedProperties(
        @DefaultValue("data/pg") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("sferum") String database) {}
