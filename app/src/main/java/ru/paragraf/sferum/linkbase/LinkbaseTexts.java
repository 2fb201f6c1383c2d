package ru.paragraf.sferum.linkbase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/** The link base's Russian texts outside templates (states, reasons, reports, API problems), and its times. */
@Component
class LinkbaseTexts {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final MessageSource messages;
    private final Clock clock;

    LinkbaseTexts(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }

    String get(MessageSourceResolvable message) {
        return messages.getMessage(message, RUSSIAN);
    }

    String reason(RejectionReason reason) {
        return get("linkbase.reason." + reason.name());
    }

    /** «проверено ✓», «не проверены», «ошибка: …». */
    String state(VerificationState state, @Nullable RejectionReason failure) {
        if (state == VerificationState.FAILED && failure != null) {
            return get("linkbase.state.FAILED", reason(failure));
        }
        return get("linkbase.state." + state.name());
    }

    /** «@school101_bot, проверено ✓», «не проверены», «ошибка: …». */
    String botState(StoredBot bot) {
        var state = state(bot.state(), bot.failure());
        var handle = bot.botHandle();
        return bot.state() == VerificationState.VERIFIED && handle != null
                ? get("linkbase.max.verified", handle, state)
                : state;
    }

    String problem(InputProblem problem) {
        return get(problem.message());
    }

    @Nullable
    String time(@Nullable OffsetDateTime time) {
        return time == null ? null : TIME.format(time.atZoneSameInstant(clock.getZone()));
    }
}
