package ru.paragraf.sferum.secrets;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Encryption keys.
 *
 * @param keys key id → 32 random bytes, Base64; e.g. {@code SFERUM_SECRETS_KEYS_K2026=…} in the environment
 * @param currentKey the id of the key that seals new values
 * @param generatedKeyFile where embedded mode keeps a key it generated itself when none is configured
 */
@ConfigurationProperties("sferum.secrets")
record SecretsProperties(
        @DefaultValue Map<String, String> keys,
        @Nullable String currentKey,
        @DefaultValue("data/secrets.key") Path generatedKeyFile) {}
