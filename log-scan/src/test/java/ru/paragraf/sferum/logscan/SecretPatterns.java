package ru.paragraf.sferum.logscan;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a secret looks like in a line of text: a whole VK token (community {@code vk1.a.}, user {@code vk2.a.},
 * refresh {@code vk2.r.}), an OAuth value after its parameter name (code, code_verifier, access/refresh/id token,
 * client secret), or one of the literal secrets the tests are configured with. Masked tokens
 * ({@code vk1.a.****…9f3c}) do not match: the mask breaks the token's alphabet right after its prefix.
 */
final class SecretPatterns {

    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("vk[12]\\.[ar]\\.[A-Za-z0-9_\\-]{6,}"),
            Pattern.compile(
                    "(?i)\\b(code|code_verifier|access_token|refresh_token|id_token|client_secret)\\b\\\\?\"?\\s*[=:]\\s*\\\\?\"?([A-Za-z0-9._~\\-]{12,})"));

    private final List<String> literals;

    private SecretPatterns(List<String> literals) {
        this.literals = literals;
    }

    static SecretPatterns with(List<String> literals) {
        return new SecretPatterns(literals.stream().filter(s -> s.length() >= 8).toList());
    }

    /** The first secret in the line, if any. */
    Optional<String> find(String line) {
        for (var shape : SHAPES) {
            var matcher = shape.matcher(line);
            if (matcher.find()) {
                return Optional.of(matcher.group());
            }
        }
        return literals.stream().filter(line::contains).findFirst();
    }

    /** Enough of a secret to find it in the log, never enough to use it. */
    static String mask(String secret) {
        return secret.length() <= 10 ? "****" : secret.substring(0, 6) + "****";
    }
}
