package ru.paragraf.sferum.sync;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.diary.MaxAccountLinking;
import ru.paragraf.sferum.sync.max.MaxBotUpdate;
import ru.paragraf.sferum.sync.max.MaxUpdateHandler;

/**
 * A person opened the deep link «Привязать MAX» of their diary: the bot's {@code bot_started} carries the start code,
 * which the diary turns into the person's MAX link ({@link MaxAccountLinking}) in the update's transaction; the bot's
 * answer in the person's dialog with it is queued ({@link Action.Reply}). A start without a code binds nothing.
 */
@Component
class MaxAccountStart implements MaxUpdateHandler {

    private final MaxAccountLinking linking;
    private final AdoptionQueue queue;
    private final OperationProblems texts;

    MaxAccountStart(MaxAccountLinking linking, AdoptionQueue queue, OperationProblems texts) {
        this.linking = linking;
        this.queue = queue;
        this.texts = texts;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void handle(MaxBotUpdate update) {
        var started = update.update();
        if (!"bot_started".equals(started.updateType())
                || started.payload() == null
                || started.payload().isBlank()
                || started.user() == null
                || started.user().isBot()
                || started.chatId() == null) {
            return;
        }
        var outcome = linking.linkByStart(
                update.organizationId(), started.payload(), started.user().userId());
        queue.reply(
                update.organizationId(),
                update.botUserId(),
                started.chatId(),
                Long.toString(update.id()),
                texts.text("max.link.reply." + outcome.name()));
    }
}
