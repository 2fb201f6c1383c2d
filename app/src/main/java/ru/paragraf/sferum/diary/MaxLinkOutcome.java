package ru.paragraf.sferum.diary;

/** What came of a start code that a MAX user brought to a school's bot (bot_started): what the bot answers. */
public enum MaxLinkOutcome {
    /** The account is linked to the person of the code now. */
    LINKED,
    /** It was linked to that person already. */
    ALREADY_LINKED,
    /** It is linked to another person: one MAX account, one person. */
    TAKEN,
    /** No such code of this school. */
    UNKNOWN,
    USED,
    EXPIRED
}
