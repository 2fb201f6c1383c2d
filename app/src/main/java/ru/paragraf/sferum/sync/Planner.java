package ru.paragraf.sferum.sync;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares what school data asks for with the ledger and enqueues the difference, set-based: one SQL statement per
 * kind of operation for a whole organization, or for one journal after a change (DESIGN §5.2). Planning is
 * idempotent: an object with an open operation of the same kind gets no second one, whoever plans.
 *
 * <p>Reads school data through the school module's views ({@code school.sync_*}), never its tables.
 */
@Component
class Planner {

    static final UUID ALL_JOURNALS = new UUID(0, 0);

    /** Organizations whose work may go on: verified credentials, an enabled task, not paused. */
    private static final String READY =
            """
            join sync.organization so on so.organization_id = %s and so.ready and so.paused_reason is null
                                      and so.community_id is not null""";

    private static final String CREATE_CHAT =
            """
            select j.organization_id, so.community_id, 'CREATE_CHAT' as kind,
                   'chat:' || j.journal_id || ':' || j.academic_year_id as object_key,
                   jsonb_build_object('journal', j.journal_id, 'year', j.academic_year_id, 'title', j.chat_title) as payload
            from school.sync_journal j
            %s
            where j.organization_id = :organization and (:journal = :all or j.journal_id = :journal)
              and j.subject_chat_requested and j.kind = 'GENERAL_EDUCATION'
              and exists (select 1 from school.sync_lesson l
                          where l.organization_id = j.organization_id and l.journal_id = j.journal_id
                            and l.publication = 'PUBLISHED' and l.format = 'VIDEO_CALL'
                            -- a chat VK lost is replaced for the next video lesson, not for past ones
                            and (l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes) > :localNow
                                 or not exists (select 1 from sync.chat c
                                                where c.organization_id = j.organization_id
                                                  and c.journal_id = j.journal_id
                                                  and c.academic_year_id = j.academic_year_id and c.state = 'LOST')))
              and not exists (select 1 from sync.chat c
                              where c.organization_id = j.organization_id and c.journal_id = j.journal_id
                                and c.academic_year_id = j.academic_year_id and c.state = 'ACTIVE')
              -- a journal whose chats VK keeps losing gets no new ones in a loop: three within an hour wait for people
              and (select count(*) from sync.lost_chat lc
                   where lc.organization_id = j.organization_id and lc.journal_id = j.journal_id
                     and lc.lost_at > :now - interval '1 hour') < 3
            """
                    .formatted(READY.formatted("j.organization_id"));

    private static final String INVITE_LINK =
            """
            select c.organization_id, c.community_id, 'INVITE_LINK' as kind,
                   'chat:' || c.journal_id || ':' || c.academic_year_id as object_key,
                   jsonb_build_object('journal', c.journal_id, 'year', c.academic_year_id) as payload
            from sync.chat c
            join school.sync_journal j on j.journal_id = c.journal_id and j.subject_chat_requested
            %s
            where c.organization_id = :organization and (:journal = :all or c.journal_id = :journal)
              and c.state = 'ACTIVE' and c.invite_link is null
            """
                    .formatted(READY.formatted("c.organization_id"));

    private static final String ADD_MEMBER =
            """
            select c.organization_id, c.community_id, 'ADD_MEMBER' as kind,
                   'member:' || c.journal_id || ':' || c.academic_year_id || ':' || t.sferum_user_id as object_key,
                   jsonb_build_object('journal', c.journal_id, 'year', c.academic_year_id, 'employee', t.employee_id,
                                      'vkUser', t.sferum_user_id) as payload
            from sync.chat c
            join school.sync_journal j on j.journal_id = c.journal_id and j.subject_chat_requested
            join school.sync_journal_teacher t on t.journal_id = c.journal_id and t.sferum_user_id is not null
            %s
            where c.organization_id = :organization and (:journal = :all or c.journal_id = :journal)
              and c.state = 'ACTIVE' and c.invite_link is not null
              and not exists (select 1 from sync.chat_member m
                              where m.organization_id = c.organization_id and m.journal_id = c.journal_id
                                and m.academic_year_id = c.academic_year_id and m.vk_user_id = t.sferum_user_id
                                and m.state = 'ACTIVE')
            """
                    .formatted(READY.formatted("c.organization_id"));

    private static final String REMOVE_MEMBER =
            """
            select c.organization_id, c.community_id, 'REMOVE_MEMBER' as kind,
                   'member:' || c.journal_id || ':' || c.academic_year_id || ':' || m.vk_user_id as object_key,
                   jsonb_build_object('journal', c.journal_id, 'year', c.academic_year_id, 'vkUser', m.vk_user_id) as payload
            from sync.chat_member m
            join sync.chat c on c.organization_id = m.organization_id and c.journal_id = m.journal_id
                            and c.academic_year_id = m.academic_year_id and c.state = 'ACTIVE'
            join school.sync_journal j on j.journal_id = c.journal_id and j.subject_chat_requested
            %s
            where c.organization_id = :organization and (:journal = :all or c.journal_id = :journal)
              and m.state = 'ACTIVE'
              and not exists (select 1 from school.sync_journal_teacher t
                              where t.journal_id = m.journal_id and t.sferum_user_id = m.vk_user_id)
            """
                    .formatted(READY.formatted("c.organization_id"));

    private static final String START_CALL =
            """
            select l.organization_id, so.community_id, 'START_CALL' as kind, 'call:' || l.lesson_id as object_key,
                   jsonb_build_object('lesson', l.lesson_id, 'journal', l.journal_id) as payload
            from school.sync_lesson l
            %s
            where l.organization_id = :organization and (:journal = :all or l.journal_id = :journal)
              and l.publication = 'PUBLISHED' and l.format = 'VIDEO_CALL'
              and l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes) > :localNow
              and not exists (select 1 from sync.call k
                              where k.organization_id = l.organization_id and k.lesson_id = l.lesson_id
                                and k.state = 'ACTIVE')
            """
                    .formatted(READY.formatted("l.organization_id"));

    private static final String FINISH_CALL =
            """
            select k.organization_id, so.community_id, 'FINISH_CALL' as kind, 'call:' || k.lesson_id as object_key,
                   jsonb_build_object('lesson', k.lesson_id, 'journal', k.journal_id) as payload
            from sync.call k
            left join school.sync_lesson l on l.lesson_id = k.lesson_id
            %s
            where k.organization_id = :organization and (:journal = :all or k.journal_id = :journal)
              and k.state = 'ACTIVE'
              and (l.lesson_id is null or l.publication <> 'PUBLISHED' or l.format <> 'VIDEO_CALL')
            """
                    .formatted(READY.formatted("k.organization_id"));

    private static final String ANNOUNCE_CALL =
            """
            select k.organization_id, c.community_id, 'ANNOUNCE_CALL' as kind,
                   'announce:' || k.lesson_id || ':' || k.generation as object_key,
                   jsonb_build_object('lesson', k.lesson_id, 'journal', k.journal_id, 'year', c.academic_year_id) as payload
            from sync.call k
            join school.sync_journal j on j.journal_id = k.journal_id and j.subject_chat_requested
            join sync.chat c on c.organization_id = k.organization_id and c.journal_id = k.journal_id
                            and c.academic_year_id = j.academic_year_id and c.state = 'ACTIVE'
            -- the journal too: with statistics from before a mass switch to video, PostgreSQL otherwise reads every
            -- video lesson of the city through their partial index for each call (docs/benchmarks.md)
            join school.sync_lesson l on l.lesson_id = k.lesson_id and l.journal_id = k.journal_id
                                     and l.publication = 'PUBLISHED' and l.format = 'VIDEO_CALL'
            %s
            where k.organization_id = :organization and (:journal = :all or k.journal_id = :journal)
              and k.state = 'ACTIVE' and not k.announced
            """
                    .formatted(READY.formatted("k.organization_id"));

    /** A kind of operation and the statement that selects what needs it. */
    private record Step(OperationKind kind, String select) {}

    /** In this order: chats and calls first, then what needs them, so a community's queue runs them in order. */
    private static final List<Step> STEPS = List.of(
            new Step(OperationKind.CREATE_CHAT, CREATE_CHAT),
            new Step(OperationKind.START_CALL, START_CALL),
            new Step(OperationKind.INVITE_LINK, INVITE_LINK),
            new Step(OperationKind.ADD_MEMBER, ADD_MEMBER),
            new Step(OperationKind.REMOVE_MEMBER, REMOVE_MEMBER),
            new Step(OperationKind.FINISH_CALL, FINISH_CALL),
            new Step(OperationKind.ANNOUNCE_CALL, ANNOUNCE_CALL));

    /**
     * What a done operation makes possible, and so all that its journal needs planned again: a new chat gets its
     * invite link and the announcements of calls already running, the invite link lets teachers in, a new call
     * gets announced. Changes of school data are planned by their own events.
     */
    private static final Map<OperationKind, List<OperationKind>> FOLLOW_UPS = Map.of(
            OperationKind.CREATE_CHAT, List.of(OperationKind.INVITE_LINK, OperationKind.ANNOUNCE_CALL),
            OperationKind.INVITE_LINK, List.of(OperationKind.ADD_MEMBER),
            OperationKind.START_CALL, List.of(OperationKind.ANNOUNCE_CALL));

    /**
     * The steps without the journal filter, for a whole organization, and with it alone, for one journal. One text
     * with {@code (:journal = :all or x.journal_id = :journal)} for both would leave PostgreSQL's generic plan of a
     * prepared statement unable to use either shape (docs/benchmarks.md, city benchmark).
     */
    private static final Pattern JOURNAL_FILTER =
            Pattern.compile("\\(:journal = :all or (\\w+)\\.journal_id = :journal\\)");

    private static final List<Step> ORGANIZATION_STEPS = STEPS.stream()
            .map(step ->
                    new Step(step.kind(), JOURNAL_FILTER.matcher(step.select()).replaceAll("true")))
            .toList();

    private static final List<Step> JOURNAL_STEPS = STEPS.stream()
            .map(step ->
                    new Step(step.kind(), JOURNAL_FILTER.matcher(step.select()).replaceAll("$1.journal_id = :journal")))
            .toList();

    private static final String ENQUEUE =
            """
            insert into sync.operation (organization_id, community_id, kind, object_key, payload, status,
                                        next_attempt_at, run_id, created_at)
            select p.organization_id, p.community_id, p.kind, p.object_key, p.payload, 'PENDING', :now,
                   cast(:run as uuid), :now
            from (%s) p
            order by p.object_key
            on conflict (kind, object_key) where status in ('PENDING', 'RUNNING') do nothing
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Planner(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Enqueues what the organization (or one of its journals) needs; returns how many operations were new. */
    int plan(UUID organization, @Nullable UUID journal, @Nullable UUID run) {
        return enqueue(organization, journal, run, journal == null ? ORGANIZATION_STEPS : JOURNAL_STEPS);
    }

    /** Enqueues what an operation of this kind, done, makes possible in its journal. */
    int planAfter(OperationKind done, UUID organization, UUID journal) {
        var followUps = FOLLOW_UPS.get(done);
        if (followUps == null) {
            return plan(organization, journal, null);
        }
        return enqueue(
                organization,
                journal,
                null,
                JOURNAL_STEPS.stream()
                        .filter(step -> followUps.contains(step.kind()))
                        .toList());
    }

    private int enqueue(UUID organization, @Nullable UUID journal, @Nullable UUID run, List<Step> steps) {
        var planned = 0;
        for (var step : steps) {
            planned += jdbc.sql(ENQUEUE.formatted(step.select()))
                    .param("organization", organization)
                    .param("journal", journal == null ? ALL_JOURNALS : journal)
                    .param("all", ALL_JOURNALS)
                    .param("localNow", LocalDateTime.now(clock))
                    .param("now", OffsetDateTime.now(clock))
                    .param("run", run)
                    .update();
        }
        return planned;
    }

    /** What planning the organization now would enqueue, without enqueuing it. */
    List<PlannedOperation> preview(UUID organization) {
        var planned = new ArrayList<PlannedOperation>();
        for (var step : ORGANIZATION_STEPS) {
            planned.addAll(jdbc.sql(step.select())
                    .param("organization", organization)
                    .param("journal", ALL_JOURNALS)
                    .param("all", ALL_JOURNALS)
                    .param("localNow", LocalDateTime.now(clock))
                    .param("now", OffsetDateTime.now(clock))
                    .query((rs, row) -> new PlannedOperation(
                            rs.getObject("organization_id", UUID.class),
                            rs.getLong("community_id"),
                            OperationKind.valueOf(rs.getString("kind")),
                            rs.getString("object_key"),
                            rs.getString("payload")))
                    .list());
        }
        return planned;
    }
}
