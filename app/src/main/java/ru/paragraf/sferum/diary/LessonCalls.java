package ru.paragraf.sferum.diary;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.school.LessonCallStatus;
import ru.paragraf.sferum.school.LessonFormat;
import ru.paragraf.sferum.school.SubjectChatStatuses;
import ru.paragraf.sferum.school.TimetableLesson;

/**
 * The calls of a week's video lessons, in one query: «запланирован», «готов» with the link, or «ошибка» with the
 * reason. A finished call is left out, so the week never shows a dead link.
 */
@Component
class LessonCalls {

    private final ObjectProvider<SubjectChatStatuses> statuses;

    LessonCalls(ObjectProvider<SubjectChatStatuses> statuses) {
        this.statuses = statuses;
    }

    Map<UUID, LessonCallStatus> of(List<TimetableLesson> lessons) {
        var provider = statuses.getIfAvailable();
        var video = lessons.stream()
                .filter(it -> it.format() == LessonFormat.VIDEO_CALL)
                .map(TimetableLesson::lessonId)
                .toList();
        if (provider == null || video.isEmpty()) {
            return Map.of();
        }
        return provider.callsOf(video).entrySet().stream()
                .filter(it -> it.getValue().state() != LessonCallStatus.State.FINISHED)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
