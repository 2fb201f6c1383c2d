package ru.paragraf.sferum.school.generator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.school.LessonFormat;
import ru.paragraf.sferum.school.Publication;

/**
 * Writes the lessons of the weekly timetables forward: every day up to a given one gets the lessons that its
 * weekday has in the timetable, in each organization that has a timetable (the generated ones), within the
 * journal's academic year. Lessons already written are never touched. New lessons go in as rows, without events,
 * so writing them publishes nothing: the days before today enter published, as a journal's history, and today and
 * later days as drafts for the teacher to publish. Safe to call from several nodes at once: each organization's
 * horizon is row-locked and moves forward only.
 */
@Service
public class LessonCalendar {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private @Nullable GeneratorCatalog catalog;

    LessonCalendar(DataSource dataSource, JdbcClient jdbc, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes the lessons of every day up to {@code lastDay}, inclusive, where missing; returns how many. */
    @Transactional
    public int extendThrough(LocalDate lastDay) {
        var horizons = jdbc.sql(
                        """
                        select organization_id, lessons_until from school.timetable
                        where lessons_until < :lastDay order by organization_id for update""")
                .param("lastDay", lastDay)
                .query((rs, row) -> new Horizon(
                        rs.getObject("organization_id", UUID.class), rs.getObject("lessons_until", LocalDate.class)))
                .list();
        if (horizons.isEmpty()) {
            return 0;
        }
        var today = LocalDate.now(clock);
        var lessons = new CopyTable(
                "lesson",
                "id, journal_id, organization_id, lesson_date, starts_at, duration_minutes, topic, format, publication");
        for (var horizon : horizons) {
            write(horizon, lastDay, today, lessons);
            jdbc.sql("update school.timetable set lessons_until = :lastDay where organization_id = :organization")
                    .param("lastDay", lastDay)
                    .param("organization", horizon.organization())
                    .update();
        }
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            lessons.flush(CopyTable.copyManager(connection));
        } catch (SQLException e) {
            throw new UncategorizedSQLException("Writing the timetable's lessons", null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return (int) lessons.rows();
    }

    private void write(Horizon horizon, LocalDate lastDay, LocalDate today, CopyTable lessons) {
        var slots = slotsByDay(horizon.organization());
        var topics = new HashMap<UUID, Topics>();
        for (var day = horizon.lessonsUntil().plusDays(1); !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (var slot : slots.getOrDefault(day.getDayOfWeek(), List.of())) {
                if (day.isAfter(slot.yearEnds())) {
                    continue;
                }
                var topic = topics.computeIfAbsent(slot.journal(), journal -> topicsAfter(slot, horizon))
                        .next();
                lessons.add(
                        lessonId(slot.journal(), day, slot.startsAt()),
                        slot.journal(),
                        horizon.organization(),
                        day,
                        slot.startsAt(),
                        slot.durationMinutes(),
                        topic,
                        LessonFormat.IN_PERSON.name(),
                        (day.isBefore(today) ? Publication.PUBLISHED : Publication.DRAFT).name());
            }
        }
    }

    private Map<DayOfWeek, List<Slot>> slotsByDay(UUID organization) {
        var slots = new EnumMap<DayOfWeek, List<Slot>>(DayOfWeek.class);
        jdbc.sql(
                        """
                        select t.journal_id, t.day_of_week, t.starts_at, t.duration_minutes, s.name as subject,
                               y.ends_on
                        from school.timetable_slot t
                        join school.journal j on j.id = t.journal_id
                        join school.subject s on s.id = j.subject_id
                        join school.academic_year y on y.id = j.academic_year_id
                        where j.organization_id = :organization
                        order by t.day_of_week, t.starts_at, t.journal_id""")
                .param("organization", organization)
                .query((rs, row) -> new Slot(
                        rs.getObject("journal_id", UUID.class),
                        DayOfWeek.of(rs.getInt("day_of_week")),
                        rs.getObject("starts_at", LocalTime.class),
                        rs.getInt("duration_minutes"),
                        rs.getString("subject"),
                        rs.getObject("ends_on", LocalDate.class)))
                .list()
                .forEach(slot -> slots.computeIfAbsent(slot.day(), day -> new ArrayList<>())
                        .add(slot));
        return slots;
    }

    /** The journal's topics, continuing after the topic of its last lesson written so far. */
    private Topics topicsAfter(Slot slot, Horizon horizon) {
        var list = catalog().topics(slot.subject());
        var last = jdbc.sql(
                        """
                        select topic from school.lesson
                        where journal_id = :journal and lesson_date <= :until
                        order by lesson_date desc, starts_at desc limit 1""")
                .param("journal", slot.journal())
                .param("until", horizon.lessonsUntil())
                .query(String.class)
                .optional();
        return new Topics(list, last.map(list::indexOf).orElse(-1) + 1);
    }

    private synchronized GeneratorCatalog catalog() {
        if (catalog == null) {
            catalog = GeneratorCatalog.load();
        }
        return catalog;
    }

    /** The same journal, day and time always give the same id, so the calendar is as reproducible as the city. */
    private static UUID lessonId(UUID journal, LocalDate day, LocalTime startsAt) {
        return UUID.nameUUIDFromBytes(("lesson " + journal + " " + day + " " + startsAt).getBytes(UTF_8));
    }

    private record Horizon(UUID organization, LocalDate lessonsUntil) {}

    private record Slot(
            UUID journal, DayOfWeek day, LocalTime startsAt, int durationMinutes, String subject, LocalDate yearEnds) {}

    /** The topics of a subject in order, from a position on, round and round. */
    private static final class Topics {

        private final List<String> list;
        private int next;

        Topics(List<String> list, int next) {
            this.list = list;
            this.next = next;
        }

        @Nullable
        String next() {
            return list.isEmpty() ? null : list.get(next++ % list.size());
        }
    }
}
