package ru.paragraf.sferum.exchange;

/** A message of messages_ru.properties with its arguments, resolved where the text is shown. */
record MessageKey(String key, Object... arguments) {}
