package ru.paragraf.sferum.school;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lessons loaded for a change (row-locked) and saved back. */
@Repository
class Lessons {

    private final JdbcClient jdbc;

    Lessons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lesson, locked until the transaction ends, if the person may see its journal. */
    Optional<Lesson> lockVisible(SchoolScope scope, UUID id) {
        return scope.bind(jdbc.sql(
                        """
                        select l.id, l.journal_id, l.organization_id, l.lesson_date, l.starts_at, l.duration_minutes,
                               l.topic, l.video_link, l.format, l.publication, l.version
                        from school.lesson l
                        join school.journal j on j.id = l.journal_id
                        join school.organization o on o.id = j.organization_id
                        where l.id = :id and %s and %s
                        for update of l
                        """
                                .formatted(SchoolScope.organizations("o"), SchoolScope.journals("j"))))
                .param("id", id)
                .query((rs, row) -> new Lesson(
                        rs.getObject("id", UUID.class),
                        rs.getObject("journal_id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("lesson_date", LocalDate.class),
                        rs.getObject("starts_at", LocalTime.class),
                        rs.getInt("duration_minutes"),
                        rs.getString("topic"),
                        rs.getString("video_link"),
                        LessonFormat.valueOf(rs.getString("format")),
                        Publication.valueOf(rs.getString("publication")),
                        rs.getInt("version")))
                .optional();
    }

    void save(Lesson lesson) {
        jdbc.sql(
                        """
                        update school.lesson
                        set lesson_date = :date, starts_at = :startsAt, duration_minutes = :duration, topic = :topic,
                            video_link = :videoLink,
                            format = :format, publication = :publication, version = version + 1
                        where id = :id
                        """)
                .param("id", lesson.id())
                .param("date", lesson.date())
                .param("startsAt", lesson.startsAt())
                .param("duration", lesson.durationMinutes())
                .param("topic", lesson.topic())
                .param("videoLink", lesson.videoLink())
                .param("format", lesson.format().name())
                .param("publication", lesson.publication().name())
                .update();
    }
}
