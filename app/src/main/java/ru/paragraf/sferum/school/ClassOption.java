package ru.paragraf.sferum.school;

import java.util.UUID;

/** A class of the organization, for filters. */
record ClassOption(UUID id, String title) {}
