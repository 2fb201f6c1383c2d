package ru.paragraf.sferum.readiness;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;

/** The school week (Monday to Sunday) whose video lessons readiness counts. */
record Week(LocalDate monday, LocalDate sunday) {

    static Week of(Clock clock) {
        var monday = LocalDate.now(clock).with(DayOfWeek.MONDAY);
        return new Week(monday, monday.plusDays(6));
    }
}
