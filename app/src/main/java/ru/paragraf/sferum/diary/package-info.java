/**
 * The diary of the portal «Петербургское образование»: where teachers, pupils and parents log in. Shows the
 * week's lessons (pupils and parents: published lessons of the pupil's class and groups; teachers: the lessons
 * of their journals). Later: the «Чаты» tab with the VK ID link, subject chats and call links.
 */
@NullMarked
@ApplicationModule(
        displayName = "Diary",
        allowedDependencies = {"accounts", "school"})
package ru.paragraf.sferum.diary;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
