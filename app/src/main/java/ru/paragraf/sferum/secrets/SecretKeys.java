package ru.paragraf.sferum.secrets;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The AES keys by id, and which one seals new values. */
final class SecretKeys {

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final Map<String, SecretKey> keys;
    private final String current;

    SecretKeys(Map<String, String> encodedKeys, String current) {
        if (encodedKeys.isEmpty()) {
            throw new IllegalStateException("No encryption key is configured: set sferum.secrets.keys.<id> "
                    + "(32 random bytes, Base64) and sferum.secrets.current-key=<id>");
        }
        var decoded = new LinkedHashMap<String, SecretKey>();
        encodedKeys.forEach((id, encoded) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException(
                        "Encryption key id '%s' must be 1-32 letters, digits, '-' or '_'".formatted(id));
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(encoded.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Encryption key '%s' is not valid Base64".formatted(id));
            }
            if (bytes.length != 32) {
                throw new IllegalStateException(
                        "Encryption key '%s' must be 32 bytes (256 bits), not %d".formatted(id, bytes.length));
            }
            decoded.put(id, new SecretKeySpec(bytes, "AES"));
        });
        if (!decoded.containsKey(current)) {
            throw new IllegalStateException("sferum.secrets.current-key '%s' is not among the configured keys %s"
                    .formatted(current, decoded.keySet()));
        }
        this.keys = Map.copyOf(decoded);
        this.current = current;
    }

    String currentId() {
        return current;
    }

    SecretKey current() {
        return keys.get(current);
    }

    SecretKey get(String id) {
        var key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("A sealed value names key '%s', which is not configured".formatted(id));
        }
        return key;
    }
}
