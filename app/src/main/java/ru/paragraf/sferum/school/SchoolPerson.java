package ru.paragraf.sferum.school;

import java.util.UUID;

/**
 * A person of a school as other modules list them, e.g. to create accounts.
 *
 * @param detail the position of an employee, the class of a pupil, the classes of a parent's children
 */
public record SchoolPerson(UUID id, String fullName, String detail) {}
