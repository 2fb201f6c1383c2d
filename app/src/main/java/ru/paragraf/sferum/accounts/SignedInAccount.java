package ru.paragraf.sferum.accounts;

/** A principal of a logged-in account, whichever way they logged in: password or single sign-on. */
interface SignedInAccount {

    CurrentUser user();
}
