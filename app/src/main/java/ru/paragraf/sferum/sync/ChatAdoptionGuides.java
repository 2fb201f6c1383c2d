package ru.paragraf.sferum.sync;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.linkbase.SchoolMaxBots;
import ru.paragraf.sferum.school.ChatAdoptions;

/** The journal page's side of adopting a chat made in MAX: the steps, and a new code on demand. */
@Component
class ChatAdoptionGuides implements ChatAdoptions {

    private final SchoolMaxBots bots;
    private final ChatAdoptionCodes codes;
    private final Ledger ledger;
    private final AdoptedJournals journals;
    private final AdoptionProperties properties;
    private final Clock clock;

    ChatAdoptionGuides(
            SchoolMaxBots bots,
            ChatAdoptionCodes codes,
            Ledger ledger,
            AdoptedJournals journals,
            AdoptionProperties properties,
            Clock clock) {
        this.bots = bots;
        this.codes = codes;
        this.ledger = ledger;
        this.journals = journals;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ChatAdoptionGuide> guideOf(UUID organization, UUID journal) {
        var bot = bots.of(organization).orElse(null);
        if (bot == null || bot.username() == null) {
            return Optional.empty();
        }
        var found = journals.find(organization, journal);
        if (found.isPresent() && hasChat(found.get().chat())) {
            return Optional.empty();
        }
        var name = bot.name() == null ? bot.username() : bot.name();
        return Optional.of(
                new ChatAdoptionGuide(bot.username(), name, properties.codeTtl().toDays()));
    }

    @Override
    @Transactional
    public IssuedCode issueCode(UUID organization, UUID journal) {
        var year = journals.find(organization, journal)
                .orElseThrow(() -> new IllegalArgumentException("No journal " + journal))
                .year();
        var code = AdoptionCode.random();
        var now = OffsetDateTime.now(clock);
        var expires = now.plus(properties.codeTtl());
        codes.issue(code, organization, journal, year, now, expires);
        return new IssuedCode(code.value(), expires.toInstant());
    }

    private boolean hasChat(ChatKey key) {
        return ledger.chat(key)
                .map(chat -> chat.state() == ChatState.ACTIVE || chat.state() == ChatState.ARCHIVED)
                .orElse(false);
    }
}
