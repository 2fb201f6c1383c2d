package ru.paragraf.sferum.demo;

import java.util.List;

/**
 * One demo school on the Demo page: its featured logins and the ranges of all its logins. The school's Sferum
 * community and its teachers' VK accounts in the emulator come beside it ({@link DemoCommunities},
 * {@link DemoVkAccounts}).
 */
record DemoSchoolView(int number, String name, List<DemoLogin> logins, List<DemoLoginRange> ranges) {}
