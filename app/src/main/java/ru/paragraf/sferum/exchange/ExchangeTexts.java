package ru.paragraf.sferum.exchange;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Russian texts of the module for places without a request locale: scheduler threads, CSV files, the API. */
@Component
class ExchangeTexts {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessageSource messages;

    ExchangeTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }

    String textOr(String key, String fallback) {
        var text = messages.getMessage(key, null, fallback, RUSSIAN);
        return text == null ? fallback : text;
    }

    String text(MessageKey message) {
        return text(message.key(), message.arguments());
    }

    /** «45 с», «10 мин», «3 мин 05 с», «1 ч», «1 ч 02 мин», «2 дн.». */
    String duration(Duration duration) {
        var seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return text("exchange.duration.seconds", String.valueOf(seconds));
        }
        if (seconds < 3600) {
            return seconds % 60 == 0
                    ? text("exchange.duration.minutes", String.valueOf(seconds / 60))
                    : text("exchange.duration.minutesSeconds", String.valueOf(seconds / 60), two(seconds % 60));
        }
        if (seconds < 86400 || seconds % 86400 != 0) {
            var minutes = seconds / 60 % 60;
            return minutes == 0
                    ? text("exchange.duration.hours", String.valueOf(seconds / 3600))
                    : text("exchange.duration.hoursMinutes", String.valueOf(seconds / 3600), two(minutes));
        }
        return text("exchange.duration.days", String.valueOf(seconds / 86400));
    }

    private static String two(long value) {
        return "%02d".formatted(value);
    }
}
