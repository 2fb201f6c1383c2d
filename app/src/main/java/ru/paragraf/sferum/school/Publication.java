package ru.paragraf.sferum.school;

/** Whether pupils and parents see a lesson in the diary. */
public enum Publication {
    DRAFT,
    PUBLISHED,
    /** Was published, then taken back. */
    WITHDRAWN
}
