package ru.paragraf.sferum.sync;

import java.util.Locale;

/** The engine's texts are Russian: users read them (messages_ru.properties). */
final class SyncTexts {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private SyncTexts() {}
}
