package ru.paragraf.sferum.sync.vk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks the secrets of one call wherever they appear in text from VK: the token, and the values of secret
 * parameters that were sent (an invite link, a code). VK does not normally echo them, but an error message
 * quoting its input must not carry them into a log or an exception.
 */
final class Redactor {

    private static final int MIN_SECRET_LENGTH = 8;

    private final List<String> secrets = new ArrayList<>();

    Redactor(VkToken token, VkParams params) {
        secrets.add(token.value());
        params.asMap().forEach((name, value) -> {
            // shorter values would mask innocent text by chance; VK's secrets are long
            if (Secrets.isSecretParameter(name) && value.length() >= MIN_SECRET_LENGTH) {
                secrets.add(value);
            }
        });
    }

    String redact(String text) {
        var result = text;
        for (var secret : secrets) {
            result = result.replace(secret, Secrets.mask(secret));
        }
        return result;
    }

    /** VK's {@code request_params}: secret parameters masked by name, any other value scanned for secrets. */
    Map<String, String> redact(Map<String, String> echoed) {
        var result = new LinkedHashMap<String, String>();
        echoed.forEach((name, value) ->
                result.put(name, Secrets.isSecretParameter(name) ? Secrets.mask(value) : redact(value)));
        return result;
    }
}
