package ru.paragraf.sferum.diary;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.school.LessonCallStatus;
import ru.paragraf.sferum.school.LessonFormat;
import ru.paragraf.sferum.school.Publication;
import ru.paragraf.sferum.school.SubjectChatStatuses;
import ru.paragraf.sferum.school.TimetableLesson;

/**
 * The calls of a week's video lessons, in one query: «запланирован», «готов» with the link, «ошибка» with the
 * reason, or «видеозвонок завершён» (without a link) once a published lesson's call served it. The finished call of
 * a withdrawn lesson is left out, so the week never shows a dead link.
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
        var published = lessons.stream()
                .filter(it -> it.publication() == Publication.PUBLISHED)
                .map(TimetableLesson::lessonId)
                .collect(Collectors.toSet());
        if (provider == null || video.isEmpty()) {
            return Map.of();
        }
        return provider.callsOf(video).entrySet().stream()
                .filter(it ->
                        it.getValue().state() != LessonCallStatus.State.FINISHED || published.contains(it.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
