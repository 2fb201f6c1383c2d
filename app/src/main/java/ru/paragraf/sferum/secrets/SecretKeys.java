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
            throw KeyConfigurationException.noKey();
        }
        var decoded = new LinkedHashMap<String, SecretKey>();
        encodedKeys.forEach((id, encoded) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw KeyConfigurationException.badId(id);
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(encoded.trim());
            } catch (IllegalArgumentException e) {
                throw KeyConfigurationException.notBase64(id);
            }
            if (bytes.length != 32) {
                throw KeyConfigurationException.wrongLength(id, bytes.length);
            }
            decoded.put(id, new SecretKeySpec(bytes, "AES"));
        });
        if (!decoded.containsKey(current)) {
            throw KeyConfigurationException.unknownCurrent(current, decoded.keySet());
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
