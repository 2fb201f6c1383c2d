/**
 * School data of АИСУ «Параграф»: districts, organizations, staff with their personal files, classes, pupils,
 * parents, subjects, academic years, journals with their «Чат по предмету» selector, weekly timetables and lessons;
 * the import of OneRoster 1.2 files ({@code school.oneroster}, internal).
 *
 * <p><b>Owns</b> the schema {@code school}, with views ({@code sync_journal}, {@code sync_journal_teacher},
 * {@code sync_lesson}) as the read contract of the set-based synchronization planner. Every query is scoped by the
 * current user's district, organization or, for teachers, own journals: what a person may not see does not exist for
 * them (404). Pages under {@code /orgs/{org}}, {@code /journals/…}, {@code /lessons/…}, {@code /staff/…} and
 * {@code /import/oneroster}, and their API.
 *
 * <p><b>Offers</b> organizations to other modules ({@link ru.paragraf.sferum.school.OrganizationDirectory},
 * {@link ru.paragraf.sferum.school.ScopedOrganizations}), the people of a school
 * ({@link ru.paragraf.sferum.school.SchoolDirectory}), the diary's timetables and journals
 * ({@link ru.paragraf.sferum.school.Timetables}, {@link ru.paragraf.sferum.school.JournalSummaries}), teachers' Sferum
 * accounts for readiness ({@link ru.paragraf.sferum.school.TeacherSferumAccounts}), and
 * {@link ru.paragraf.sferum.school.StaffFiles} and {@link ru.paragraf.sferum.school.FamilyFiles} for the entries that
 * other modules fill in (the VK Sferum account of an employee, a pupil, a parent, written by the diary's data
 * transfer; {@link ru.paragraf.sferum.school.PersonKind} tells the three apart). Its SPI {@link ru.paragraf.sferum.school.SubjectChatStatuses} is what the
 * messenger side knows about chats and calls, implemented by {@code sync}, so school never depends on it.
 *
 * <p><b>Named interface {@code generator}</b> ({@code school.generator}): the deterministic generator of a synthetic
 * city and its {@code LessonCalendar}, for the demo (the only module allowed to use it), the benchmark and tests.
 *
 * <p><b>Publishes</b> {@link ru.paragraf.sferum.school.SubjectChatRequested} and
 * {@link ru.paragraf.sferum.school.SubjectChatCancelled} (the selector switched), {@link
 * ru.paragraf.sferum.school.LessonPublished}, {@link ru.paragraf.sferum.school.LessonChanged} and {@link
 * ru.paragraf.sferum.school.LessonWithdrawn} (a teacher's edit of a lesson), and
 * {@link ru.paragraf.sferum.school.SferumAccountChanged} (a staff file's VK Sferum account),
 * {@link ru.paragraf.sferum.school.FamilySferumAccountChanged} (a pupil's or parent's), and
 * {@link ru.paragraf.sferum.school.RosterChanged} (who belongs in some subject chats of a school may differ now: a
 * OneRoster import moved pupils, parents or teachers, or the school switched «Родители в предметных чатах» on its
 * page «Настройки чатов», {@code /orgs/{org}/chat-policy}), and {@link ru.paragraf.sferum.school.LessonLinksChanged} (the
 * school chose another source of its lessons' video links, its standing rooms' template, on the same page). Listens to
 * nothing.
 *
 * <p>The organization's tab «Учётные записи» ({@code /orgs/{org}/accounts}, API {@code /api/orgs/{org}/accounts}) shows
 * the accounts of the school's people through the accounts module's administration, once the school is visible to the
 * caller; it implements that module's {@link ru.paragraf.sferum.accounts.OperatorDistricts}.
 *
 * <p><b>Depends on</b> {@code accounts} (the person and their scope) and {@code audit} (selector changes are audited).
 */
@NullMarked
@ApplicationModule(
        displayName = "School",
        allowedDependencies = {"accounts", "audit"})
package ru.paragraf.sferum.school;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
