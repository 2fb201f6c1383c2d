package ru.paragraf.sferum.secrets;

import java.util.Set;

/**
 * The encryption keys are missing or malformed, so the application cannot start; carries what is wrong and what the
 * operator does about it, for Spring Boot's start-up failure report ({@link KeyConfigurationFailureAnalyzer}). Never
 * holds a key's value.
 */
class KeyConfigurationException extends IllegalStateException {

    private static final String MAKE_A_KEY =
            """
            Generate a key with `openssl rand -base64 32` and give the same key to every node, e.g. in the environment:
                SFERUM_SECRETS_KEYS_K2026=<the 44 characters openssl printed>
                SFERUM_SECRETS_CURRENTKEY=k2026
            Key ids from the environment arrive in lower case (K2026 is key 'k2026'). Keep the key in the \
            deployment's secret store: losing it makes every sealed token unreadable. See \
            docs/operations.md#production-setup and #encryption-keys.""";

    private final String action;

    private KeyConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }

    static KeyConfigurationException noKey() {
        return new KeyConfigurationException(
                "No encryption key is configured. Production mode seals community and VK tokens with one "
                        + "(sferum.secrets.keys.<id>, in the environment SFERUM_SECRETS_KEYS_<ID>).",
                MAKE_A_KEY);
    }

    static KeyConfigurationException badId(String id) {
        return new KeyConfigurationException(
                "The encryption key id '%s' (sferum.secrets.keys.%s) is not 1-32 letters, digits, '-' or '_'."
                        .formatted(id, id),
                "Rename the key, e.g. SFERUM_SECRETS_KEYS_K2026, and name it in SFERUM_SECRETS_CURRENTKEY.");
    }

    static KeyConfigurationException notBase64(String id) {
        return new KeyConfigurationException(
                "The encryption key '%s' (sferum.secrets.keys.%s) is not valid Base64.".formatted(id, id),
                "Replace its value with 32 random bytes in Base64. " + MAKE_A_KEY);
    }

    static KeyConfigurationException wrongLength(String id, int bytes) {
        return new KeyConfigurationException(
                "The encryption key '%s' (sferum.secrets.keys.%s) is %d bytes long; AES-256 needs exactly 32 bytes "
                                .formatted(id, id, bytes)
                        + "(44 Base64 characters).",
                "Replace its value with 32 random bytes in Base64. " + MAKE_A_KEY);
    }

    static KeyConfigurationException unknownCurrent(String current, Set<String> configured) {
        return new KeyConfigurationException(
                "sferum.secrets.current-key (SFERUM_SECRETS_CURRENTKEY) names the key '%s', which is not configured; "
                                .formatted(current)
                        + "the configured keys are %s.".formatted(configured),
                "Set it to one of these ids. Key ids from the environment arrive in lower case: "
                        + "SFERUM_SECRETS_KEYS_K2026 is the key 'k2026'. See docs/operations.md#encryption-keys.");
    }

    static KeyConfigurationException noCurrent(Set<String> configured) {
        return new KeyConfigurationException(
                "Several encryption keys are configured (%s), and sferum.secrets.current-key ".formatted(configured)
                        + "(SFERUM_SECRETS_CURRENTKEY) does not say which one seals new values.",
                "Set it to the newest key's id and keep the older keys until the start-up rotation re-sealed "
                        + "every value. See docs/operations.md#rotating-the-key.");
    }
}
