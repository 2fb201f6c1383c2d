package ru.paragraf.sferum.sync;

import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts «Предпросмотр» into Russian words: the object, the action and why (messages {@code preview.*}). */
@Component
class PreviewWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;

    PreviewWords(MessageSource messages) {
        this.messages = messages;
    }

    PreviewOperation describe(PreviewFacts facts) {
        return new PreviewOperation(
                facts.kind(),
                facts.objectKey(),
                object(facts),
                text("preview.action." + facts.kind().name()),
                reason(facts),
                facts.source());
    }

    @Nullable
    String state(SyncPreviewView.State state, @Nullable String pausedReason) {
        switch (state) {
            case PAUSED:
                return text("preview.state.PAUSED", pausedReason);
            case NOT_CONNECTED:
                return text("preview.state.NOT_CONNECTED");
            default:
                return null;
        }
    }

    private String object(PreviewFacts facts) {
        var chat = facts.chatTitle() == null ? "" : facts.chatTitle();
        return switch (facts.kind()) {
            case CREATE_CHAT,
                    INVITE_LINK,
                    RENEW_INVITE_LINK,
                    CHECK_MEMBERS,
                    ARCHIVE_CHAT,
                    ADOPT_CHAT,
                    REPLY,
                    CLOSE_PREVIOUS_CHAT -> text("preview.object.chat", chat);
            case REMOVE_STRANGER -> text("preview.object.stranger", facts.vkUser(), chat);
            case ADD_MEMBER, REMOVE_MEMBER -> facts.person() != null && facts.personRole() != null
                    ? text("preview.object.member." + facts.personRole().name(), facts.person(), chat)
                    : text("preview.object.vkMember", facts.vkUser(), chat);
            case START_CALL,
                    FINISH_CALL,
                    ANNOUNCE_CALL,
                    ANNOUNCE_LESSON_CHANGE,
                    RENEW_CALL,
                    ANNOUNCE_LESSON_LINK -> lesson(facts, chat);
        };
    }

    private String lesson(PreviewFacts facts, String chat) {
        if (!facts.lessonFound() || facts.lessonDate() == null || facts.startsAt() == null) {
            return text("preview.object.lessonGone");
        }
        return text(
                "preview.object.lesson",
                chat,
                facts.lessonDate().format(DAY),
                facts.startsAt().format(TIME));
    }

    private @Nullable String reason(PreviewFacts facts) {
        if (facts.source() != PreviewOperation.Status.PLANNED) {
            return facts.problem() == null
                    ? text("preview.reason." + facts.source().name())
                    : text("preview.reason.retry", facts.problem());
        }
        if (facts.ledgerProblem() != null) {
            return text("preview.reason.again", facts.ledgerProblem());
        }
        if (facts.kind() == OperationKind.FINISH_CALL) {
            if (!facts.lessonFound()) {
                return text("preview.reason.FINISH_CALL.deleted");
            }
            if (facts.lessonPublished() && facts.lessonVideo()) {
                return text("preview.reason.FINISH_CALL.ended");
            }
            return text(facts.lessonPublished() ? "preview.reason.FINISH_CALL.inPerson" : "preview.reason.FINISH_CALL");
        }
        if (facts.kind() == OperationKind.ANNOUNCE_LESSON_CHANGE) {
            var reason = !facts.lessonFound()
                    ? ".deleted"
                    : !facts.lessonPublished() ? ".cancelled" : facts.lessonVideo() ? "" : ".inPerson";
            return text("preview.reason.ANNOUNCE_LESSON_CHANGE" + reason);
        }
        if (facts.kind() == OperationKind.ADD_MEMBER && facts.personRole() != null) {
            return text("preview.reason.ADD_MEMBER." + facts.personRole().name());
        }
        return text("preview.reason." + facts.kind().name());
    }

    private String text(String key, @Nullable Object... arguments) {
        return messages.getMessage(key, arguments, SyncTexts.RUSSIAN);
    }
}
