package ru.paragraf.sferum.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import ru.paragraf.sferum.embedded.EmbeddedMode;

/**
 * The secret box from configured keys. With no key configured, embedded mode generates one into a file beside
 * its database files (never into the database); production refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);
    private static final String GENERATED_KEY_ID = "local";

    @Bean
    SecretBox secretBox(SecretsProperties properties, Environment environment) {
        if (!properties.keys().isEmpty()) {
            var current = properties.currentKey() != null
                    ? properties.currentKey()
                    : properties.keys().keySet().iterator().next();
            if (properties.currentKey() == null && properties.keys().size() > 1) {
                throw KeyConfigurationException.noCurrent(properties.keys().keySet());
            }
            return new SecretBox(new SecretKeys(properties.keys(), current));
        }
        if (!EmbeddedMode.isOn(environment)) {
            throw KeyConfigurationException.noKey();
        }
        return new SecretBox(new SecretKeys(Map.of(GENERATED_KEY_ID, generatedKey(properties)), GENERATED_KEY_ID));
    }

    private static String generatedKey(SecretsProperties properties) {
        var file = properties.generatedKeyFile().toAbsolutePath();
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            var key = Base64.getEncoder().encodeToString(bytes);
            Files.writeString(file, key, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own permissions apply
            }
            log.info("Generated an encryption key for the embedded mode in {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the encryption key file " + file, e);
        }
    }
}
