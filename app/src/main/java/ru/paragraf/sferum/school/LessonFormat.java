package ru.paragraf.sferum.school;

/** How a lesson is held. */
public enum LessonFormat {
    IN_PERSON,
    /** Held as a Sferum video call («режим видеозвонка», ВКС). */
    VIDEO_CALL
}
