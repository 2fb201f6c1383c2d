package ru.paragraf.sferum.sync.max;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The inbox's dedupe key of an update. MAX gives updates no id, and delivers the same one twice when a webhook answer
 * is lost or a long-poll batch is read again after a crash before its marker was saved; so the key is made of what
 * identifies the event — type, MAX's timestamp (ms), chat, the user it is about, inviter/admin, the message's mid — and
 * a short hash of the free texts (payload, title). Names are left out: a repeated delivery may carry refreshed ones.
 * Readable, so that an operator can find an update by it.
 */
final class MaxUpdateKey {

    private MaxUpdateKey() {}

    static String of(MaxUpdates.Update update) {
        var message = update.message();
        // a message's fields may be missing in what MAX sends, though the record does not say so
        @Nullable MaxUser sender = message == null ? null : message.sender();
        MaxMessages.Message.@Nullable Recipient recipient = message == null ? null : message.recipient();
        var user =
                update.user() != null ? Long.valueOf(update.user().userId()) : sender == null ? null : sender.userId();
        var chat = update.chatId() != null ? update.chatId() : recipient == null ? null : recipient.chatId();
        MaxMessages.Message.@Nullable Body body = message == null ? null : message.body();
        return String.join(
                ":",
                update.updateType(),
                Long.toString(update.timestamp()),
                text(chat),
                text(user),
                text(update.inviterId()),
                text(update.adminId()),
                body == null ? "" : body.mid(),
                texts(update.payload(), update.title()));
    }

    private static String text(@Nullable Long value) {
        return value == null ? "" : value.toString();
    }

    private static String texts(@Nullable String payload, @Nullable String title) {
        if (payload == null && title == null) {
            return "";
        }
        return hash(payload + "\u0000" + title);
    }

    /** The first 16 hex digits of the text's SHA-256. */
    static String hash(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
