package ru.paragraf.sferum.school;

/** The substitute named for a lesson is not an employee of the lesson's school. */
class SubstituteNotAllowedException extends RuntimeException {}
