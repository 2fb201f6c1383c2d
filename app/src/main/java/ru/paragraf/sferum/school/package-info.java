/**
 * School data of АИСУ «Параграф»: districts, organizations, staff with their personal files, classes, pupils,
 * parents, subjects, academic years, journals, weekly timetables and lessons; the deterministic generator of realistic
 * school data and {@link ru.paragraf.sferum.school.LessonCalendar}, which writes a timetable's later weeks; the import
 * of OneRoster 1.2 files.
 *
 * <p>Every query is scoped by the current user's district, organization or, for teachers, own journals: what a
 * person may not see does not exist for them (404). Offers {@link ru.paragraf.sferum.school.StaffFiles} for the entries
 * that other modules fill in (the VK Sferum account, written by the diary's data transfer). Listens to nothing.
 */
@NullMarked
@ApplicationModule(
        displayName = "School",
        allowedDependencies = {"accounts", "audit"})
package ru.paragraf.sferum.school;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
