package ru.paragraf.sferum.demo;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;

/** The demo module's Russian texts outside pages (account names, the start-up log), from messages_ru.properties. */
@Component
@ConditionalOnDemoData
class DemoTexts {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessageSource messages;

    DemoTexts(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }

    String role(Role role) {
        return get("role." + role.name());
    }
}
