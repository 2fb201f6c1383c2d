package ru.paragraf.sferum.exchange;

import java.time.LocalTime;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The schedules offered on the task page; anything else is a custom cron expression. */
enum SchedulePreset {
    EVERY_10_MINUTES("0 0/10 * * * ?"),
    EVERY_30_MINUTES("0 0/30 * * * ?"),
    HOURLY("0 0 * * * ?"),
    DAILY(null),
    CUSTOM(null);

    static final SchedulePreset DEFAULT = EVERY_10_MINUTES;
    private static final Pattern DAILY_CRON = Pattern.compile("0 (\\d{1,2}) (\\d{1,2}) \\* \\* \\?");

    private final @Nullable String cron;

    SchedulePreset(@Nullable String cron) {
        this.cron = cron;
    }

    /** The cron expression of this preset; {@code DAILY} needs the time, {@code CUSTOM} the expression itself. */
    String cron(@Nullable LocalTime dailyAt, @Nullable String custom) {
        if (cron != null) {
            return cron;
        }
        if (this == DAILY) {
            if (dailyAt == null) {
                throw new InvalidScheduleException("exchange.schedule.error.dailyAt");
            }
            return "0 %d %d * * ?".formatted(dailyAt.getMinute(), dailyAt.getHour());
        }
        if (custom == null || custom.isBlank()) {
            throw new InvalidScheduleException("exchange.cron.error.blank");
        }
        return custom;
    }

    /** Which preset a stored expression is, so that the task page shows it selected. */
    static SchedulePreset of(String cron) {
        for (var preset : values()) {
            if (cron.equals(preset.cron)) {
                return preset;
            }
        }
        return dailyTime(cron) != null ? DAILY : CUSTOM;
    }

    static @Nullable LocalTime dailyTime(String cron) {
        var matcher = DAILY_CRON.matcher(cron);
        if (!matcher.matches()) {
            return null;
        }
        var minute = Integer.parseInt(matcher.group(1));
        var hour = Integer.parseInt(matcher.group(2));
        return minute < 60 && hour < 24 ? LocalTime.of(hour, minute) : null;
    }
}
