package ru.paragraf.sferum.demo;

import ru.paragraf.sferum.accounts.Role;

/** All logins of one role in one school, from the first username to the last. */
record DemoLoginRange(int school, Role role, int count, String first, String last) {}
