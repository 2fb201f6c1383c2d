package ru.paragraf.sferum.linkbase;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The input checks of a community id and token, the same for the form, the API and hand-down files. The id is a VK
 * group id: a positive integer that fits a signed 64-bit number. The token is printable ASCII without whitespace,
 * 20 to 512 characters; spaces around it (a copy-paste artefact) are dropped, spaces inside are an error.
 */
final class CredentialsInput {

    static final int MIN_TOKEN_LENGTH = 20;
    static final int MAX_TOKEN_LENGTH = 512;
    private static final BigInteger MAX_ID = BigInteger.valueOf(Long.MAX_VALUE);

    private CredentialsInput() {}

    /** The credentials, or every problem found. */
    record Checked(@Nullable Credentials credentials, List<InputProblem> problems) {

        boolean isValid() {
            return credentials != null;
        }
    }

    static Checked check(@Nullable String rawId, @Nullable String rawToken) {
        var problems = new ArrayList<InputProblem>();
        var id = communityId(rawId, problems);
        var token = token(rawToken, problems, InputProblem.TOKEN, "tokenRequired");
        if (problems.isEmpty() && id != null && token != null) {
            return new Checked(new Credentials(id, new SferumToken(token)), List.of());
        }
        return new Checked(null, problems);
    }

    private static @Nullable Long communityId(@Nullable String raw, List<InputProblem> problems) {
        var id = raw == null ? "" : raw.strip();
        if (id.isEmpty()) {
            problems.add(InputProblem.of(InputProblem.COMMUNITY_ID, "idRequired"));
            return null;
        }
        if (id.startsWith("-") && id.length() > 1 && digits(id.substring(1))) {
            problems.add(InputProblem.of(InputProblem.COMMUNITY_ID, "idNegative"));
            return null;
        }
        if (!digits(id)) {
            problems.add(InputProblem.of(InputProblem.COMMUNITY_ID, "idNotNumber"));
            return null;
        }
        var value = new BigInteger(id);
        if (value.signum() == 0) {
            problems.add(InputProblem.of(InputProblem.COMMUNITY_ID, "idZero"));
            return null;
        }
        if (value.compareTo(MAX_ID) > 0) {
            problems.add(InputProblem.of(InputProblem.COMMUNITY_ID, "idTooLarge", String.valueOf(Long.MAX_VALUE)));
            return null;
        }
        return value.longValueExact();
    }

    /** A MAX bot token: the same rules as a community token; empty when it is fine, else its one problem. */
    static List<InputProblem> checkBotToken(@Nullable String rawToken) {
        var problems = new ArrayList<InputProblem>();
        token(rawToken, problems, InputProblem.BOT_TOKEN, "botTokenRequired");
        return problems;
    }

    private static @Nullable String token(
            @Nullable String raw, List<InputProblem> problems, String field, String requiredCode) {
        var token = raw == null ? "" : raw.strip();
        if (token.isEmpty()) {
            problems.add(InputProblem.of(field, requiredCode));
            return null;
        }
        for (int i = 0; i < token.length(); i++) {
            if (Character.isWhitespace(token.charAt(i)) || Character.isSpaceChar(token.charAt(i))) {
                problems.add(InputProblem.of(field, "tokenWhitespace", String.valueOf(i + 1)));
                return null;
            }
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                var code = Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC
                        ? "tokenCyrillic"
                        : "tokenNotAscii";
                problems.add(InputProblem.of(field, code, String.valueOf(i + 1)));
                return null;
            }
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            problems.add(InputProblem.of(
                    field, "tokenTooLong", String.valueOf(token.length()), String.valueOf(MAX_TOKEN_LENGTH)));
            return null;
        }
        if (token.length() < MIN_TOKEN_LENGTH) {
            problems.add(InputProblem.of(
                    field,
                    field.equals(InputProblem.BOT_TOKEN) ? "botTokenTooShort" : "tokenTooShort",
                    String.valueOf(token.length()),
                    String.valueOf(MIN_TOKEN_LENGTH)));
            return null;
        }
        return token;
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
