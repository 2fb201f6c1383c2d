package ru.paragraf.sferum.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A one-time code that binds a chat made in MAX to a journal: eight characters of an alphabet without look-alikes
 * (no 0/O, 1/I/L), at least one letter and one digit, so that a person can type it and an ordinary word in a chat is
 * not taken for one. Only its hash is stored: it is a bearer code until it is used or expires.
 */
record AdoptionCode(String value) {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![A-Z0-9])[" + ALPHABET + "]{" + LENGTH + "}(?![A-Z0-9])");

    static AdoptionCode random() {
        while (true) {
            var code = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (wellFormed(code)) {
                return new AdoptionCode(code.toString());
            }
        }
    }

    /** The codes a message may hold, as a person typed them (any case), without repeats. */
    static List<AdoptionCode> in(String text) {
        var found = new ArrayList<AdoptionCode>();
        var matcher = CANDIDATE.matcher(text.toUpperCase(Locale.ROOT));
        while (matcher.find()) {
            var code = new AdoptionCode(matcher.group());
            if (wellFormed(code.value) && !found.contains(code)) {
                found.add(code);
            }
        }
        return found;
    }

    String hash() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean wellFormed(CharSequence code) {
        return code.chars().anyMatch(Character::isDigit) && code.chars().anyMatch(Character::isLetter);
    }

    @Override
    public String toString() {
        return "AdoptionCode[****]";
    }
}
