package ru.paragraf.sferum.school.generator;

import java.util.List;
import java.util.UUID;

/**
 * A generated school and the people in it that are handy for demos.
 *
 * @param adminEmployeeId the deputy director for teaching and learning, the usual person responsible for Paragraph
 * @param teacherIds a few teachers with general-education journals of one class
 * @param pupilId a pupil of that class
 * @param parentId a parent of that pupil
 */
public record GeneratedSchool(
        UUID organizationId,
        UUID districtId,
        String code,
        String shortName,
        UUID adminEmployeeId,
        List<UUID> teacherIds,
        UUID pupilId,
        UUID parentId) {}
