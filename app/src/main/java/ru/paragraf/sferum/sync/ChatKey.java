package ru.paragraf.sferum.sync;

import java.util.UUID;

/**
 * The key of a subject chat: one external chat per organization, journal and academic year, forever (DESIGN §4).
 *
 * @param year the academic year
 */
record ChatKey(UUID organization, UUID journal, UUID year) {}
