package ru.paragraf.sferum.school.oneroster;

/** How the manifest declares a file: the whole truth (bulk), changes only (delta), or not supplied (absent). */
enum FileMode {
    BULK,
    DELTA,
    ABSENT
}
