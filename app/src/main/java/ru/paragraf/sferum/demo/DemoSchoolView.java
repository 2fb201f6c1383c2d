package ru.paragraf.sferum.demo;

import java.util.List;

/**
 * One demo school on the Demo page: its featured logins and the ranges of all its logins. Later the school's
 * Sferum community id and token (as the city hands them down) and the emulator's VK accounts of its teachers go
 * here too.
 */
record DemoSchoolView(int number, String name, List<DemoLogin> logins, List<DemoLoginRange> ranges) {}
