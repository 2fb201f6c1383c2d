package ru.paragraf.sferum.diary;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ru.paragraf.sferum.school.TimetableLesson;

/** A Monday-to-Sunday week of lessons grouped by day, as the diary shows it. */
record DiaryWeek(LocalDate monday, Map<LocalDate, List<TimetableLesson>> days) {

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static DiaryWeek of(LocalDate monday, List<TimetableLesson> lessons) {
        var days = lessons.stream()
                .collect(Collectors.groupingBy(TimetableLesson::lessonDate, TreeMap::new, Collectors.toList()));
        return new DiaryWeek(monday, days);
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public LocalDate previous() {
        return monday.minusWeeks(1);
    }

    public LocalDate next() {
        return monday.plusWeeks(1);
    }
}
