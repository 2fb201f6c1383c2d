package ru.paragraf.sferum.school.generator;

import java.util.UUID;

/** A district that received generated schools. */
public record GeneratedDistrict(UUID id, String code, String name) {}
