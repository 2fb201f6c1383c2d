package ru.paragraf.sferum.accounts;

import java.util.UUID;

/** No such account within the scope of the request: it does not exist for the person who asked. */
public class AccountNotFoundException extends RuntimeException {

    AccountNotFoundException(UUID account) {
        super("No account " + account + " in the scope of the request");
    }
}
