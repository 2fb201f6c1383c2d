package ru.paragraf.sferum.exchange;

/** A task type as the type select and the API list it. */
record TypeOption(String code, String title) {}
