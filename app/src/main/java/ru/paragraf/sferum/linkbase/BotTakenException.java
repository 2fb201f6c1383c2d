package ru.paragraf.sferum.linkbase;

/** Another organization holds the MAX bot already: one bot serves one school. */
class BotTakenException extends RuntimeException {

    private final long botUserId;

    BotTakenException(long botUserId) {
        super("MAX bot " + botUserId + " is held by another organization");
        this.botUserId = botUserId;
    }

    long botUserId() {
        return botUserId;
    }
}
