package ru.paragraf.sferum.school;

import java.util.UUID;

/** A line of the organizations list. */
record OrganizationRow(
        UUID id, String code, String shortName, String districtName, int classes, int pupils, int employees) {}
