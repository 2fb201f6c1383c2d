package ru.paragraf.sferum.exchange;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** The schedule part of the task page: a preset, the time of «ежедневно», a custom cron, the enabled switch. */
record ScheduleForm(
        @Nullable SchedulePreset preset,
        @Nullable String dailyAt,
        @Nullable String customCron,
        @Nullable Boolean enabled) {

    static ScheduleForm of(Task task) {
        var preset = SchedulePreset.of(task.cron());
        var daily = SchedulePreset.dailyTime(task.cron());
        return new ScheduleForm(
                preset,
                daily == null ? "06:00" : daily.toString(),
                preset == SchedulePreset.CUSTOM ? task.cron() : null,
                task.enabled());
    }

    /** An unticked checkbox sends nothing: the task is then off. */
    public boolean on() {
        return Boolean.TRUE.equals(enabled);
    }

    /** The cron expression the form asks for; refused with a reason when the time of day is not a time. */
    String expression() {
        if (preset == null) {
            throw new InvalidScheduleException("exchange.schedule.error.preset");
        }
        LocalTime time = null;
        if (preset == SchedulePreset.DAILY) {
            try {
                time = dailyAt == null || dailyAt.isBlank() ? null : LocalTime.parse(dailyAt.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidScheduleException("exchange.schedule.error.dailyAt");
            }
        }
        return preset.cron(time, customCron);
    }
}
