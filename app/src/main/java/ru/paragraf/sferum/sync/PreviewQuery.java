package ru.paragraf.sferum.sync;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-only SQL of «Предпросмотр»: the planner's wanted operations (passed in as JSON) that are not queued yet,
 * and the organization's open operations from {@code sync.operation}, each joined with school's {@code sync_*}
 * views for titles and with the ledger for earlier failures. One statement for the whole school.
 */
@Repository
class PreviewQuery {

    private static final String SQL = SqlNames.sql(
            """
            with planned as (
                select p.kind, p.object_key, p.payload, {PreviewOperation.Status.PLANNED} as source,
                       cast(null as text) as problem,
                       1 as stage, p.n as position
                from jsonb_to_recordset(cast(:planned as jsonb)) as p(n bigint, kind text, object_key text, payload jsonb)
                where not exists (select 1 from sync.operation o
                                  where o.kind = p.kind and o.object_key = p.object_key
                                    and o.status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING}))
            ), queued as (
                select o.kind, o.object_key, o.payload,
                       case o.status when {OperationStatus.RUNNING} then {PreviewOperation.Status.RUNNING}
                                     else {PreviewOperation.Status.QUEUED} end as source,
                       o.problem,
                       0 as stage, o.id as position
                from sync.operation o
                where o.organization_id = :organization
                  and o.status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING})
            ), wanted as (
                select * from queued union all select * from planned
            )
            select w.kind, w.object_key, w.source, w.problem,
                   coalesce(j.chat_title, lj.chat_title) as chat_title,
                   l.lesson_id is not null as lesson_found, l.lesson_date, l.starts_at,
                   coalesce(l.publication = {Publication.PUBLISHED}, false) as lesson_published,
                   coalesce(l.format = {LessonFormat.VIDEO_CALL}, false) as lesson_video,
                   coalesce(te.full_name, tv.full_name) as person, coalesce(te.role, tv.role) as person_role,
                   w.payload ->> 'vkUser' as vk_user,
                   case when c.state = {ChatState.FAILED} then c.problem
                        when k.state = {CallState.FAILED} then k.problem end as ledger_problem
            from wanted w
            left join school.sync_journal j on j.journal_id = cast(w.payload ->> 'journal' as uuid)
            left join school.sync_lesson l on l.lesson_id = cast(w.payload ->> 'lesson' as uuid)
            left join school.sync_journal lj on lj.journal_id = l.journal_id
            left join lateral (select t.full_name, t.role from school.sync_journal_member t
                               where t.journal_id = cast(w.payload ->> 'journal' as uuid)
                                 and t.person_id = cast(coalesce(w.payload ->> 'person', w.payload ->> 'employee') as uuid)
                               order by t.role = {MemberRole.TEACHER} desc, t.role = {MemberRole.PUPIL} desc
                               limit 1) te on true
            left join lateral (select t.full_name, t.role from school.sync_journal_member t
                               left join sync.organization po on po.organization_id = t.organization_id
                               where t.organization_id = :organization
                                 and %s = cast(w.payload ->> 'vkUser' as bigint)
                               order by t.role = {MemberRole.TEACHER} desc, t.role = {MemberRole.PUPIL} desc
                               limit 1) tv on true
            left join sync.chat c on w.kind = {OperationKind.CREATE_CHAT} and c.organization_id = :organization
                                 and c.journal_id = cast(w.payload ->> 'journal' as uuid)
                                 and c.academic_year_id = cast(w.payload ->> 'year' as uuid)
            left join sync.call k on w.kind = {OperationKind.START_CALL} and k.organization_id = :organization
                                 and k.lesson_id = cast(w.payload ->> 'lesson' as uuid)
            order by w.stage, w.position
            """
                    .formatted(MemberAccounts.of("po", "t")));

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PreviewQuery(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<PreviewFacts> describe(UUID organization, List<PlannedOperation> planned) {
        return jdbc.sql(SQL)
                .param("organization", organization)
                .param("planned", asJson(planned))
                .query((rs, row) -> new PreviewFacts(
                        SqlNames.read(OperationKind.class, rs.getString("kind")),
                        rs.getString("object_key"),
                        SqlNames.read(PreviewOperation.Status.class, rs.getString("source")),
                        rs.getString("problem"),
                        rs.getString("chat_title"),
                        rs.getBoolean("lesson_found"),
                        rs.getObject("lesson_date", java.time.LocalDate.class),
                        rs.getObject("starts_at", java.time.LocalTime.class),
                        rs.getBoolean("lesson_published"),
                        rs.getBoolean("lesson_video"),
                        rs.getString("person"),
                        SqlNames.read(MemberRole.class, rs.getString("person_role")),
                        rs.getString("vk_user"),
                        rs.getString("ledger_problem")))
                .list();
    }

    private String asJson(List<PlannedOperation> planned) {
        var array = json.createArrayNode();
        for (var i = 0; i < planned.size(); i++) {
            var operation = planned.get(i);
            array.addObject()
                    .put("n", i)
                    .put("kind", SqlNames.stored(operation.kind()))
                    .put("object_key", operation.objectKey())
                    .set("payload", json.readTree(operation.payload()));
        }
        return json.writeValueAsString(array);
    }
}
