package ru.paragraf.sferum.readiness;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The module's Russian texts outside templates (charts, problems to fix), and its times in St Petersburg. */
@Component
class ReadinessTexts {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final MessageSource messages;
    private final Clock clock;

    ReadinessTexts(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The key of a text that names the school's messenger: {@code key.max} for a school on MAX (where VK's text
     * would speak of VK ID or VK Sferum), {@code key} for the others.
     */
    static String forMessenger(SchoolReadiness school, String key) {
        return school.onMax() ? key + ".max" : key;
    }

    String get(String key, @Nullable Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }

    @Nullable
    String time(@Nullable Instant time) {
        return time == null ? null : TIME.format(time.atZone(clock.getZone()));
    }

    @Nullable
    String time(@Nullable OffsetDateTime time) {
        return time == null ? null : time(time.toInstant());
    }
}
