package ru.paragraf.sferum.notices;

import java.util.ArrayList;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A notice's Russian text: {@code notices.kind.<KIND>} with its arguments and, last, how often it was told. */
@Component
class NoticeTexts {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessageSource messages;

    NoticeTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(Notice notice) {
        var args = new ArrayList<Object>(notice.args());
        args.add(notice.occurrences());
        return messages.getMessage(notice.kind().textKey(), args.toArray(), RUSSIAN);
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, RUSSIAN);
    }
}
