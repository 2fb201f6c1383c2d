package ru.paragraf.sferum.linkbase;

/**
 * Asks MAX whose bot a token is ({@code GET /me}). Implemented by the sync module's MAX client; linkbase calls it
 * outside any transaction.
 */
public interface BotVerifier {

    /** Never throws for a MAX or network failure: that is {@link BotVerdict.Unreachable}. */
    BotVerdict verify(BotToken token);
}
