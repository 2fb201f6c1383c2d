/**
 * Import of school data from OneRoster 1.2 CSV bulk packages (a ZIP of manifest.csv, orgs.csv, academicSessions.csv,
 * courses.csv, classes.csv, users.csv, roles.csv and enrollments.csv) into the school schema.
 *
 * <p>An import is all or nothing: the package is read and validated completely, every problem is reported with
 * file, line and column, and only a package without problems is written, in one transaction. Rows are matched by
 * {@code external_id = sourcedId}, so importing a package again updates instead of duplicating. What a caller may
 * touch follows their scope (city, district, own school), as everywhere in the school module. The mapping and what
 * is not supported are described in docs/oneroster-import.md.
 */
@NullMarked
package ru.paragraf.sferum.school.oneroster;

import org.jspecify.annotations.NullMarked;
