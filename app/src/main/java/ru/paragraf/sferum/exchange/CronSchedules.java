package ru.paragraf.sferum.exchange;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.quartz.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Cron schedules of tasks in Quartz's syntax (seconds first, «?» in one of the day fields), in the application's
 * time zone: checked with a precise reason when refused, and their next fire times.
 */
@Component
class CronSchedules {

    static final int MAX_LENGTH = 120;
    private static final int GAPS_CHECKED = 60;

    private final Clock clock;
    private final ExchangeProperties properties;
    private final ExchangeTexts texts;

    CronSchedules(Clock clock, ExchangeProperties properties, ExchangeTexts texts) {
        this.clock = clock;
        this.properties = properties;
        this.texts = texts;
    }

    /** The expression in its stored form (single spaces, upper case), or the reason why it cannot be a schedule. */
    String check(String expression) {
        var normalized = normalize(expression);
        if (normalized.isEmpty()) {
            throw new InvalidScheduleException("exchange.cron.error.blank");
        }
        if (normalized.length() > MAX_LENGTH) {
            throw new InvalidScheduleException("exchange.cron.error.tooLong", String.valueOf(MAX_LENGTH));
        }
        var fields = normalized.split(" ");
        if (fields.length == 5) {
            throw new InvalidScheduleException("exchange.cron.error.unixFormat");
        }
        if (fields.length < 6 || fields.length > 7) {
            throw new InvalidScheduleException("exchange.cron.error.fieldCount", String.valueOf(fields.length));
        }
        for (int i = 0; i < fields.length; i++) {
            var field = CronField.values()[i];
            if (fields[i].contains("?") && field.specials.indexOf('?') < 0) {
                throw new InvalidScheduleException("exchange.cron.error.characters", field.label(), fields[i]);
            }
            for (var part : fields[i].split(",", -1)) {
                field.check(part);
            }
        }
        if (fields[3].equals("?") == fields[5].equals("?")) {
            throw new InvalidScheduleException("exchange.cron.error.question");
        }
        var cron = parse(normalized);
        checkFrequency(cron);
        return normalized;
    }

    /** The next fire times of a stored expression after now. */
    List<ZonedDateTime> next(String expression, int count) {
        var cron = parse(expression);
        var times = new ArrayList<ZonedDateTime>(count);
        var after = Date.from(clock.instant());
        while (times.size() < count) {
            after = cron.getNextValidTimeAfter(after);
            if (after == null) {
                break;
            }
            times.add(after.toInstant().atZone(clock.getZone()));
        }
        return times;
    }

    static String normalize(String expression) {
        return expression.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    private CronExpression parse(String expression) {
        try {
            var cron = new CronExpression(expression);
            cron.setTimeZone(java.util.TimeZone.getTimeZone(clock.getZone()));
            return cron;
        } catch (ParseException e) {
            throw new InvalidScheduleException("exchange.cron.error.invalid", String.valueOf(e.getErrorOffset() + 1));
        }
    }

    private void checkFrequency(CronExpression cron) {
        var previous = cron.getNextValidTimeAfter(Date.from(clock.instant()));
        if (previous == null) {
            throw new InvalidScheduleException("exchange.cron.error.never");
        }
        for (int i = 0; i < GAPS_CHECKED; i++) {
            var next = cron.getNextValidTimeAfter(previous);
            if (next == null) {
                return;
            }
            var gap = Duration.between(previous.toInstant(), next.toInstant());
            if (gap.compareTo(properties.minimumInterval()) < 0) {
                throw new InvalidScheduleException(
                        "exchange.cron.error.tooOften",
                        texts.duration(properties.minimumInterval()),
                        texts.duration(gap));
            }
            previous = next;
        }
    }
}
