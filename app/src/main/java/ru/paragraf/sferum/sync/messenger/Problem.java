package ru.paragraf.sferum.sync.messenger;

import org.springframework.context.MessageSourceResolvable;

/**
 * Why the messenger did not do something.
 *
 * @param kind what it means for the engine
 * @param ambiguous the messenger may have done it although we got no answer
 * @param explanation a Russian explanation for users (a message key with a fallback)
 * @param detail what happened, for logs; never holds a secret
 */
public record Problem(Kind kind, boolean ambiguous, MessageSourceResolvable explanation, String detail) {

    /** What a problem means (DESIGN §5.4). */
    public enum Kind {
        /** Transient: try again later. */
        RETRY,
        /** The community's credentials no longer work: pause the organization and tell the admin. */
        CREDENTIALS,
        /**
         * A person's own token was refused (revoked, expired, unknown to the messenger): that person has to sign in
         * to the messenger again; the school's credentials are fine.
         */
        USER_CREDENTIALS,
        /**
         * The object is gone from the messenger (a chat deleted there, or one the community was removed from): the
         * ledger's belief is wrong; record it as lost and build it again.
         */
        GONE,
        /** This object cannot be synchronized as it is: report it with what to do. */
        ITEM,
        /** Our request was wrong: needs a developer. */
        BUG
    }
}
