package ru.paragraf.sferum.sync;

import java.util.UUID;

/** The key of a lesson's call: one live call per organization and lesson (DESIGN §4). */
record CallKey(UUID organization, UUID lesson) {}
