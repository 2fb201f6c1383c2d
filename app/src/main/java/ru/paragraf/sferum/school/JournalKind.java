package ru.paragraf.sferum.school;

/** What a journal records; only general-education journals may have a subject chat (DESIGN §4). */
public enum JournalKind {
    GENERAL_EDUCATION,
    ADDITIONAL_EDUCATION,
    EXTRACURRICULAR,
    ELECTIVE;

    public boolean allowsSubjectChat() {
        return this == GENERAL_EDUCATION;
    }
}
