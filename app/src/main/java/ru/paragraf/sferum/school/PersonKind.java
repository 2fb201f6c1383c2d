package ru.paragraf.sferum.school;

/**
 * Which of a school's people a person id names: an employee (a teacher), a pupil or a parent. Ids of the three
 * are kept apart by this kind wherever they meet, e.g. in the diary's VK ID links.
 */
public enum PersonKind {
    EMPLOYEE,
    PUPIL,
    PARENT
}
