package ru.paragraf.sferum.linkbase;

/** A community id and token that passed the input checks (not yet Sferum's). */
record Credentials(long communityId, SferumToken token) {}
