package ru.paragraf.sferum.school;

import java.util.UUID;

/** An organization (school) as other modules need it: id, names and district. */
public record OrganizationSummary(UUID id, String code, String shortName, UUID districtId, String districtName) {}
