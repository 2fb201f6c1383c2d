package ru.paragraf.sferum.readiness;

/** Something that keeps a school from working with Sferum, in words, and the page where it is fixed. */
record ToFix(String text, String href) {}
