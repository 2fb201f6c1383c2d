package ru.paragraf.sferum.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A stored cron expression in Russian words: «каждые 10 минут», «ежедневно в 06:00», «по будним дням в 08:30 и
 * 14:00». Expressions beyond these shapes are spelled out field by field.
 */
@Component
class CronWords {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern EVERY = Pattern.compile("(?:\\*|0)/(\\d{1,2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})-(\\d{1,2})");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final ExchangeTexts texts;

    CronWords(ExchangeTexts texts) {
        this.texts = texts;
    }

    String describe(String cron) {
        var fields = cron.split(" ");
        var days = fields.length == 6 || fields[6].equals("*") ? days(fields[3], fields[4], fields[5]) : null;
        var words = days == null || !fields[0].equals("0") ? null : words(fields[1], fields[2], days);
        return words != null ? words : fieldByField(fields);
    }

    private @Nullable String words(String minute, String hour, String days) {
        var daily = days.isEmpty();
        if (NUMBER.matcher(minute).matches()) {
            var m = Integer.parseInt(minute);
            var hours = hours(hour);
            if (hours != null) {
                var times = hours.stream().map(h -> "%02d:%02d".formatted(h, m)).toList();
                var at = texts.text("exchange.cron.at", join(times));
                return daily ? texts.text("exchange.cron.daily", at) : texts.text("exchange.cron.onDays", days, at);
            }
            var everyHours = hour.equals("*") ? Integer.valueOf(1) : every(hour);
            if (everyHours == null) {
                return null;
            }
            var interval = everyHours == 1
                    ? texts.text("exchange.cron.everyHour")
                    : texts.text(plural("exchange.cron.everyHours", everyHours), String.valueOf(everyHours));
            if (m > 0) {
                interval = texts.text("exchange.cron.atMinute", interval, String.valueOf(m));
            }
            return daily ? interval : texts.text("exchange.cron.intervalOnDays", interval, days);
        }
        var everyMinutes = minute.equals("*") ? Integer.valueOf(1) : every(minute);
        if (everyMinutes == null) {
            return null;
        }
        var interval = everyMinutes == 1
                ? texts.text("exchange.cron.everyMinute")
                : texts.text(plural("exchange.cron.everyMinutes", everyMinutes), String.valueOf(everyMinutes));
        var range = RANGE.matcher(hour);
        if (range.matches()) {
            interval = texts.text(
                    "exchange.cron.betweenHours",
                    interval,
                    "%02d:00".formatted(Integer.parseInt(range.group(1))),
                    "%02d:59".formatted(Integer.parseInt(range.group(2))));
        } else if (!hour.equals("*")) {
            return null;
        }
        return daily ? interval : texts.text("exchange.cron.intervalOnDays", interval, days);
    }

    /** The day part: empty for every day, a phrase such as «по будним дням», or null when not describable. */
    private @Nullable String days(String dayOfMonth, String month, String dayOfWeek) {
        if (!month.equals("*")) {
            return null;
        }
        var anyDayOfMonth = dayOfMonth.equals("*") || dayOfMonth.equals("?");
        var anyDayOfWeek = dayOfWeek.equals("*") || dayOfWeek.equals("?");
        if (anyDayOfMonth && anyDayOfWeek) {
            return "";
        }
        if (anyDayOfMonth) {
            if (dayOfWeek.equals("MON-FRI") || dayOfWeek.equals("2-6")) {
                return texts.text("exchange.cron.weekdays");
            }
            var names = new ArrayList<String>();
            for (var day : dayOfWeek.split(",")) {
                var index = NUMBER.matcher(day).matches() ? Integer.parseInt(day) - 1 : DAYS.indexOf(day);
                if (index < 0 || index >= DAYS.size()) {
                    return null;
                }
                names.add(texts.text("exchange.cron.dayOfWeek." + DAYS.get(index)));
            }
            return join(names);
        }
        if (anyDayOfWeek && NUMBER.matcher(dayOfMonth).matches()) {
            return texts.text("exchange.cron.monthly", dayOfMonth);
        }
        return null;
    }

    private static @Nullable List<Integer> hours(String hour) {
        var hours = new ArrayList<Integer>();
        for (var part : hour.split(",")) {
            if (!NUMBER.matcher(part).matches()) {
                return null;
            }
            hours.add(Integer.parseInt(part));
        }
        hours.sort(null);
        return hours;
    }

    private static @Nullable Integer every(String field) {
        var matcher = EVERY.matcher(field);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : null;
    }

    private String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return texts.text(
                "exchange.cron.and",
                String.join(", ", parts.subList(0, parts.size() - 1)),
                parts.get(parts.size() - 1));
    }

    private String fieldByField(String[] fields) {
        var described = new Object[7];
        for (int i = 0; i < 7; i++) {
            var field = i < fields.length ? fields[i] : "*";
            described[i] = field.equals("*") || field.equals("?") ? texts.text("exchange.cron.any") : field;
        }
        return texts.text("exchange.cron.fields", described);
    }

    /** Russian plural forms: 1, 21 → one; 2–4, 22–24 → few; 5–20, 25 … → many. */
    static String plural(String key, int n) {
        if (n % 10 == 1 && n % 100 != 11) {
            return key + ".one";
        }
        if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) {
            return key + ".few";
        }
        return key + ".many";
    }
}
