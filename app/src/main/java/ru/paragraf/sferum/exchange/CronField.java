package ru.paragraf.sferum.exchange;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** One field of a Quartz cron expression: its position, its range and what may be written in it. */
enum CronField {
    SECONDS(0, 59, List.of(), ""),
    MINUTES(0, 59, List.of(), ""),
    HOURS(0, 23, List.of(), ""),
    DAY_OF_MONTH(1, 31, List.of(), "?LW"),
    MONTH(1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), ""),
    DAY_OF_WEEK(1, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"), "?L#"),
    YEAR(1970, 2099, List.of(), "");

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    final int min;
    final int max;
    final List<String> names;
    final String specials;

    CronField(int min, int max, List<String> names, String specials) {
        this.min = min;
        this.max = max;
        this.names = names;
        this.specials = specials;
    }

    /** The field's Russian name, resolved when the message it appears in is resolved. */
    MessageSourceResolvable label() {
        return new DefaultMessageSourceResolvable("exchange.cron.field." + name());
    }

    /**
     * Checks one comma-separated part such as {@code 5}, {@code 0/10}, {@code MON-FRI} or {@code *}. Parts with
     * Quartz's special characters (L, W, #) are left to Quartz's own parser.
     */
    void check(String part) {
        if (part.chars().anyMatch(c -> specials.indexOf(c) >= 0 && c != '?')) {
            return;
        }
        var slash = part.indexOf('/');
        var base = slash < 0 ? part : part.substring(0, slash);
        if (slash >= 0) {
            var step = part.substring(slash + 1);
            if (!NUMBER.matcher(step).matches()
                    || Integer.parseInt(step) < 1
                    || Integer.parseInt(step) > max - min + 1) {
                throw new InvalidScheduleException(
                        "exchange.cron.error.step", label(), step, String.valueOf(max - min + 1));
            }
        }
        if (base.equals("*") || (base.equals("?") && specials.indexOf('?') >= 0 && slash < 0)) {
            return;
        }
        var dash = base.indexOf('-');
        var bounds = dash < 0 ? List.of(base) : List.of(base.substring(0, dash), base.substring(dash + 1));
        for (var bound : bounds) {
            value(bound);
        }
    }

    private int value(String text) {
        var name = names.indexOf(text);
        if (name >= 0) {
            return min + name;
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new InvalidScheduleException("exchange.cron.error.characters", label(), text);
        }
        var value = text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
        if (value < min || value > max) {
            throw new InvalidScheduleException(
                    "exchange.cron.error.range", label(), text, String.valueOf(min), String.valueOf(max));
        }
        return value;
    }
}
