package ru.paragraf.sferum.school.generator;

import java.util.UUID;

/** A parent being generated; brothers and sisters share theirs. */
record PlannedParent(UUID id, PersonName name, String phone) {}
