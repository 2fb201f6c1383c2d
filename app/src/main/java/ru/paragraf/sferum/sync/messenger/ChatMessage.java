package ru.paragraf.sferum.sync.messenger;

import org.jspecify.annotations.Nullable;

/**
 * A message the community posts in a chat: its text and, optionally, a button that opens a link. The text carries
 * everything the message says, the button's URL too, so that a messenger without buttons loses nothing by posting
 * the text alone.
 *
 * @param button a button under the message that opens {@link LinkButton#url()}, or null
 */
public record ChatMessage(String text, @Nullable LinkButton button) {

    /** A message of text only. */
    public static ChatMessage text(String text) {
        return new ChatMessage(text, null);
    }

    /** A button that opens a link: its caption and the https URL it opens. */
    public record LinkButton(String caption, String url) {}
}
