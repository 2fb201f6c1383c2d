package ru.paragraf.sferum.linkbase;

/** Why Sferum definitely refused a community id and token; each has its own Russian explanation. */
public enum RejectionReason {
    /** No community has this id. */
    UNKNOWN_COMMUNITY,
    /** The token is valid but was issued for another community than the id names. */
    TOKEN_OF_ANOTHER_COMMUNITY,
    /** The token lacks the {@code messages} permission, without which no chat can be created. */
    NO_MESSAGES_PERMISSION,
    /** The token is invalid: revoked, expired or mistyped. */
    TOKEN_REVOKED,
    /** The token is not a community token (for example a person's token). */
    NOT_A_COMMUNITY_TOKEN,
    /** Sferum refused access with this token for another reason. */
    ACCESS_DENIED,
    /** MAX: the bot token is invalid (MAX answered 401 {@code verify.token}): revoked, replaced or mistyped. */
    BOT_TOKEN_INVALID,
    /** MAX: the token is valid, but not a bot's, or MAX refused it for another reason. */
    BOT_ACCESS_DENIED,
    /** MAX: the token is a bot's that another school holds already (found when a «не проверен» token is checked). */
    BOT_OF_ANOTHER_SCHOOL
}
