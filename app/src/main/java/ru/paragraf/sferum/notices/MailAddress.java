package ru.paragraf.sferum.notices;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The address a person types for their digests: blank means none; otherwise one plain address, nothing else. */
final class MailAddress {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;.]+");

    private MailAddress() {}

    /** The address to keep (null: none); throws with the message key of the refusal. */
    static @Nullable String check(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        if (typed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidMailAddressException("notices.mail.control");
        }
        var address = typed.strip();
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw new InvalidMailAddressException("notices.mail.invalid");
        }
        return address;
    }
}
