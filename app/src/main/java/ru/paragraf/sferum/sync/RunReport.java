package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.exchange.ExchangeRunItem;
import ru.paragraf.sferum.exchange.ItemResult;

/** The per-object results of a SFERUM_SYNC run, in the words of the run page. */
@Component
class RunReport {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Messengers messengers;

    RunReport(JdbcClient jdbc, MessageSource messages, Messengers messengers) {
        this.messengers = messengers;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** How many of the run's operations there are and how many have ended. */
    record Progress(int total, int finished) {}

    Progress progress(UUID run) {
        return jdbc.sql(
                        sql(
                                """
                        select count(*) as total,
                               count(*) filter (where status in ({OperationStatus.DONE}, {OperationStatus.FAILED},
                                                                 {OperationStatus.CANCELLED})) as finished
                        from sync.operation where run_id = :run
                        """))
                .param("run", run)
                .query((rs, row) -> new Progress(rs.getInt("total"), rs.getInt("finished")))
                .single();
    }

    /**
     * Every teacher of the organization's journals: linked VK ID or not (seed step 3), or linked but no longer
     * accepted by VK, as the staff file says or as this run found ({@code relinkFound}). None where the
     * organization's messenger needs no teacher's own account (it starts no calls and has no invite links to join by).
     */
    List<ExchangeRunItem> teachers(UUID organization, Set<UUID> relinkFound) {
        var capabilities = messengers.capabilitiesOf(organization);
        if (!capabilities.calls() && !capabilities.inviteLinks()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select distinct t.employee_id, t.full_name, t.sferum_user_id, t.sferum_relink_required
                        from school.sync_journal_teacher t where t.organization_id = :organization
                        order by t.full_name
                        """)
                .param("organization", organization)
                .query((rs, row) -> {
                    var employee = rs.getObject("employee_id", UUID.class);
                    var relink = rs.getBoolean("sferum_relink_required") || relinkFound.contains(employee);
                    var linked = rs.getObject("sferum_user_id") != null && !relink;
                    var item = RunItems.of(
                            linked ? ItemResult.OK : ItemResult.WARNING,
                            RunItems.Subject.TEACHER,
                            employee,
                            rs.getString("full_name"),
                            RunItems.Step.CHECK_VK_ID,
                            linked ? null : text(relink ? "sync.run.teacherRelink" : "sync.run.teacherNotLinked"));
                    return linked ? item : item.withLink("/staff/" + employee);
                })
                .list();
    }

    /** One item per operation of the run, described by the object it concerns, in words of the organization's messenger. */
    List<ExchangeRunItem> operations(UUID organization, UUID run) {
        var messenger = messengers.of(organization);
        return jdbc.sql(
                        """
                        select o.kind, o.status, o.problem, o.problem_link,
                               coalesce(j.chat_title, lj.chat_title) as title, l.lesson_date, l.starts_at,
                               coalesce(o.payload ->> 'lesson', o.payload ->> 'journal') as object_id,
                               s.vk_user_id as stranger, s.name as stranger_name
                        from sync.operation o
                        left join school.sync_journal j on j.journal_id = (o.payload ->> 'journal')::uuid
                        left join school.sync_lesson l on l.lesson_id = (o.payload ->> 'lesson')::uuid
                        left join school.sync_journal lj on lj.journal_id = l.journal_id
                        left join sync.chat_stranger s on o.kind = 'REMOVE_STRANGER'
                                                      and s.organization_id = o.organization_id
                                                      and s.journal_id = (o.payload ->> 'journal')::uuid
                                                      and s.academic_year_id = (o.payload ->> 'year')::uuid
                                                      and s.vk_user_id = (o.payload ->> 'vkUser')::bigint
                        where o.run_id = :run
                        order by o.id
                        """)
                .param("run", run)
                .query((rs, row) -> {
                    var kind = SqlNames.read(OperationKind.class, rs.getString("kind"));
                    var status = SqlNames.read(OperationStatus.class, rs.getString("status"));
                    var result = status == OperationStatus.DONE
                            ? ItemResult.OK
                            : status == OperationStatus.FAILED ? ItemResult.ERROR : ItemResult.WARNING;
                    var message = status == OperationStatus.DONE
                            ? null
                            : status == OperationStatus.FAILED ? rs.getString("problem") : text("sync.run.notFinished");
                    var title = rs.getString("title");
                    var date = rs.getObject("lesson_date", java.time.LocalDate.class);
                    if (date != null) {
                        title = text(
                                "sync.run.lessonTitle",
                                title,
                                date.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")),
                                rs.getObject("starts_at", java.time.LocalTime.class)
                                        .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
                    }
                    if (kind == OperationKind.REMOVE_STRANGER && rs.getObject("stranger") != null) {
                        var stranger = text(
                                messenger.textKey("sync.run.stranger"),
                                rs.getString("stranger_name") == null ? "" : rs.getString("stranger_name"),
                                String.valueOf(rs.getLong("stranger")));
                        message = status == OperationStatus.DONE
                                ? text("sync.run.strangerRemoved", stranger)
                                : text("sync.run.strangerNotRemoved", stranger, message);
                    }
                    var item = RunItems.in(
                            messenger, RunItems.of(result, kind, rs.getString("object_id"), title, message));
                    var link = rs.getString("problem_link");
                    return link == null || status == OperationStatus.DONE ? item : item.withLink(link);
                })
                .list();
    }

    /**
     * The strangers in the organization's chats at their last member check whom the school keeps («Удалять
     * посторонних из предметных чатов» off): one warning each, linked to the chat's «Состав чата».
     */
    List<ExchangeRunItem> strangersKept(UUID organization) {
        var strangerKey = messengers.of(organization).textKey("sync.run.stranger");
        return jdbc.sql(
                        """
                        select s.journal_id, s.vk_user_id, s.name, s.first_seen_at, j.chat_title
                        from sync.chat_stranger s
                        join sync.chat c on c.organization_id = s.organization_id and c.journal_id = s.journal_id
                                        and c.academic_year_id = s.academic_year_id
                                        and c.members_checked_at = s.last_seen_at
                        join school.sync_journal j on j.journal_id = s.journal_id
                        where s.organization_id = :organization and s.removed_at is null
                          and not coalesce((select cp.remove_strangers from school.chat_policy cp
                                            where cp.organization_id = s.organization_id), true)
                        order by j.chat_title, s.first_seen_at, s.vk_user_id
                        """)
                .param("organization", organization)
                .query((rs, row) -> {
                    var journal = rs.getObject("journal_id", UUID.class);
                    var stranger = text(
                            strangerKey,
                            rs.getString("name") == null ? "" : rs.getString("name"),
                            String.valueOf(rs.getLong("vk_user_id")));
                    return RunItems.of(
                                    ItemResult.WARNING,
                                    RunItems.Subject.CHAT_MEMBER,
                                    journal,
                                    rs.getString("chat_title"),
                                    RunItems.Step.FIND_STRANGERS,
                                    text("sync.run.strangerKept", stranger))
                            .withLink("/journals/" + journal + "/chat-members");
                })
                .list();
    }

    /**
     * What the organization needs and the provider cannot do: one warning per kind, with why and how many
     * operations were not queued.
     */
    ExchangeRunItem unplanned(UUID organization, Planner.Unplanned unplanned) {
        return RunItems.of(
                ItemResult.WARNING,
                unplanned.kind(),
                organization,
                null,
                text("sync.run.notCapable", text(unplanned.missing().reasonKey()), unplanned.count()));
    }

    private String text(String key, @Nullable Object... arguments) {
        return messages.getMessage(key, arguments, SyncTexts.RUSSIAN);
    }
}
