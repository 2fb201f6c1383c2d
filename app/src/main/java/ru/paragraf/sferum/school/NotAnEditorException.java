package ru.paragraf.sferum.school;

/** The person may see the journal but not change it (operators of districts and the city look, schools edit). */
class NotAnEditorException extends RuntimeException {

    NotAnEditorException() {
        super("Only the school's admin and the journal's teachers change journals and lessons");
    }
}
