package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares what school data asks for with the ledger and enqueues the difference, set-based: one SQL statement per
 * kind of operation for a whole organization, or for one journal after a change (DESIGN §5.2). Planning is
 * idempotent: an object with an open operation of the same kind gets no second one, whoever plans. A kind that the
 * organization's messenger provider cannot do ({@link ProviderCapability}, {@link Messengers}) is not planned for it:
 * every enqueuing statement keeps only the organizations whose messenger ({@code sync.organization.messenger}) can.
 *
 * <p>Each statement selects the kind's rows with their payload in {@link OperationPayload}'s encoding. Reads
 * school data through the school module's views ({@code school.sync_*}), never its tables.
 */
@Component
class Planner {

    /**
     * Where a statement looks: the whole organization, or one of its journals. Each statement exists in both shapes,
     * written out: one text with {@code (:journal is null or x.journal_id = :journal)} for both would leave
     * PostgreSQL's generic plan of the prepared statement (used after its fifth execution) unable to use the journal's
     * index for one shape or the organization's for the other (docs/benchmarks.md, city benchmark).
     */
    private enum Scope {
        /** Every organization: only the call steps that lesson times make due ({@link #planCallTimes()}). */
        CITY,
        ORGANIZATION,
        JOURNAL;

        /** The statement's condition on the journal, with the column of its journal. */
        String journal(String column) {
            return this == JOURNAL ? "and " + column + " = :journal" : "";
        }

        /** The statement's condition on the organization, with the column of its organization. */
        String organization(String column) {
            return this == CITY ? "true" : column + " = :organization";
        }
    }

    /**
     * A kind of operation, and in each scope the statement that selects what needs it and the one enqueuing it; and
     * the one counting what the organization needs, for a kind the provider cannot do.
     */
    private record Step(OperationKind kind, Map<Scope, String> selects, Map<Scope, String> enqueues, String count) {

        static Step of(OperationKind kind, Function<Scope, String> select) {
            var selects = new EnumMap<Scope, String>(Scope.class);
            var enqueues = new EnumMap<Scope, String>(Scope.class);
            for (var scope : EnumSet.of(Scope.ORGANIZATION, Scope.JOURNAL)) {
                selects.put(scope, sql(select.apply(scope)));
                enqueues.put(scope, ENQUEUE.formatted(selects.get(scope)));
            }
            return new Step(kind, selects, enqueues, COUNT.formatted(selects.get(Scope.ORGANIZATION)));
        }
    }

    private static final String COUNT = "select count(*) from (%s) p";

    private static final String ENQUEUE = sql(
            """
            insert into sync.operation (organization_id, community_id, kind, object_key, payload, status,
                                        next_attempt_at, run_id, created_at)
            select p.organization_id, p.community_id, p.kind, p.object_key, p.payload, {OperationStatus.PENDING}, :now,
                   cast(:run as uuid), :now
            from (%s) p
            join sync.organization po on po.organization_id = p.organization_id and po.messenger in (:messengers)
            order by p.object_key
            on conflict (kind, object_key)
                where status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING}) do nothing
            """);

    /** In this order: chats and calls first, then what needs them, so a community's queue runs them in order. */
    private static final List<Step> STEPS = List.of(
            Step.of(OperationKind.CREATE_CHAT, Planner::createChat),
            Step.of(OperationKind.START_CALL, Planner::startCall),
            Step.of(OperationKind.RENEW_CALL, Planner::renewCall),
            Step.of(OperationKind.INVITE_LINK, Planner::inviteLink),
            Step.of(OperationKind.ADD_MEMBER, Planner::addMember),
            Step.of(OperationKind.REMOVE_MEMBER, Planner::removeMember),
            Step.of(OperationKind.RENEW_INVITE_LINK, Planner::renewInviteLink),
            Step.of(OperationKind.FINISH_CALL, Planner::finishCall),
            Step.of(OperationKind.ANNOUNCE_CALL, Planner::announceCall),
            Step.of(OperationKind.ANNOUNCE_LESSON_CHANGE, Planner::announceLessonChange),
            // where the messenger cannot start calls: a lesson's video link, and then its changes
            Step.of(OperationKind.ANNOUNCE_LESSON_LINK, Planner::announceLessonLink),
            Step.of(OperationKind.ANNOUNCE_LESSON_CHANGE, Planner::announceLinkedLessonChange),
            // a closed academic year (sync.year_close): its calls finished, its chats archived, then emptied of
            // pupils and parents where the school chose it and their link renewed (YearClosing)
            Step.of(OperationKind.FINISH_CALL, Planner::finishClosedYearCall),
            Step.of(OperationKind.ARCHIVE_CHAT, Planner::archiveChat),
            Step.of(OperationKind.REMOVE_MEMBER, Planner::emptyArchivedChat),
            Step.of(OperationKind.RENEW_INVITE_LINK, Planner::renewArchivedChatLink),
            // a school that moved to another messenger (MessengerMove): each journal's previous chat told once where
            // its chat is now, when that chat is there
            Step.of(OperationKind.CLOSE_PREVIOUS_CHAT, Planner::closePreviousChat));

    /** The removals of people who no longer belong: the ones a school's hold counts (not a closed year's emptying). */
    private static final Step REMOVAL_STEP = STEPS.stream()
            .filter(step -> step.kind() == OperationKind.REMOVE_MEMBER)
            .findFirst()
            .orElseThrow();

    /**
     * The scheduled run's own steps, never the events': first each chat's member check, then (once the checks ended)
     * the removal of the strangers they found.
     */
    private static final Step CHECK_MEMBERS = Step.of(OperationKind.CHECK_MEMBERS, Planner::checkMembers);

    private static final Step REMOVE_STRANGERS = Step.of(OperationKind.REMOVE_STRANGER, Planner::removeStranger);

    /**
     * What lesson times make due in the whole city, for the scheduled step ({@link CallTimes}): calls to replace
     * shortly before their lessons, calls to finish after them (and any other live call to finish); and what a
     * closed year still needs to begin with, its calls finished and its chats archived: a node that died between
     * committing a close and planning it (the admin's second press answers 409) leaves it to this step, not to the
     * school's next scheduled run. The rest of a close follows from the archives (ledger follow-ups).
     */
    private static final List<CityStatement> CALL_TIMES = List.of(
            new CityStatement(OperationKind.RENEW_CALL, ENQUEUE.formatted(sql(renewCall(Scope.CITY)))),
            new CityStatement(OperationKind.FINISH_CALL, ENQUEUE.formatted(sql(finishCall(Scope.CITY)))),
            new CityStatement(OperationKind.FINISH_CALL, ENQUEUE.formatted(sql(finishClosedYearCall(Scope.CITY)))),
            new CityStatement(OperationKind.ARCHIVE_CHAT, ENQUEUE.formatted(sql(archiveChat(Scope.CITY)))));

    /** A statement of the whole city enqueuing operations of one kind. */
    private record CityStatement(OperationKind kind, String enqueue) {}

    private static final String SUBSTITUTE_JOURNALS = sql(
            """
            select distinct s.organization_id, s.journal_id from school.sync_lesson_substitute s
            where s.publication = {Publication.PUBLISHED}
              and s.lesson_date between cast(:localNow as date) - 1 and cast(:localNow as date)
            """);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Messengers messengers;
    private final RemovalHolds holds;
    private final SyncProperties.Calls calls;

    Planner(JdbcClient jdbc, Clock clock, Messengers messengers, RemovalHolds holds, SyncProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messengers = messengers;
        this.holds = holds;
        this.calls = properties.calls();
    }

    /** Enqueues what the organization (or one of its journals) needs; returns how many operations were new. */
    int plan(UUID organization, @Nullable UUID journal, @Nullable UUID run) {
        return plan(organization, journal, run, 0);
    }

    /**
     * Enqueues what the organization needs, with {@code released} removals more than the hold's threshold allowed:
     * the batch of a released hold ({@link RemovalHolds}).
     */
    int planReleased(UUID organization, int released) {
        return plan(organization, null, null, released);
    }

    private int plan(UUID organization, @Nullable UUID journal, @Nullable UUID run, int released) {
        var scope = journal == null ? Scope.ORGANIZATION : Scope.JOURNAL;
        var planned = 0;
        for (var step : possibleSteps(organization)) {
            if (step != REMOVAL_STEP || removalsPermitted(scope, organization, journal, released)) {
                planned += enqueue(step, scope, organization, journal, run);
            }
        }
        return planned;
    }

    /** The removals of the whole organization, as the REMOVE_MEMBER step selects them: what a hold counts and shows. */
    static String removals() {
        return REMOVAL_STEP.selects().get(Scope.ORGANIZATION);
    }

    /** Whether the scope's removals may be enqueued: there are some, and the school's hold lets them through. */
    private boolean removalsPermitted(Scope scope, UUID organization, @Nullable UUID journal, int released) {
        holds.forgetDiscardsOfPeopleWhoBelongAgain(organization);
        var select = REMOVAL_STEP.selects().get(scope);
        var any = parameters(jdbc.sql("select exists (%s)".formatted(select)), organization, journal)
                .query(Boolean.class)
                .single();
        return any && holds.permit(organization, released);
    }

    /** Enqueues a member check of each of the organization's chats, for the scheduled run; how many were new. */
    int planMemberChecks(UUID organization, UUID run) {
        return possible(organization, CHECK_MEMBERS)
                ? enqueue(CHECK_MEMBERS, Scope.ORGANIZATION, organization, null, run)
                : 0;
    }

    /**
     * Enqueues the removal of each stranger the last member check of a chat found, where the school removes
     * strangers; how many were new.
     */
    int planStrangerRemovals(UUID organization, UUID run) {
        return possible(organization, REMOVE_STRANGERS)
                ? enqueue(REMOVE_STRANGERS, Scope.ORGANIZATION, organization, null, run)
                : 0;
    }

    /**
     * Enqueues, for every organization, the replacement of each call started before its lesson's window that the
     * window has reached, and the finish of each call whose lesson ended more than the grace period ago, and what a
     * closed year still needs to begin with (its live calls finished, its live chats archived); how many were new.
     * Set-based, idempotent: a call or a chat with such an operation open gets no second one, and a renewal is of one
     * generation. Each statement keeps the organizations whose messenger can do its kind; the substitutes' journals
     * are planned as their organizations' messengers allow.
     */
    int planCallTimes() {
        var planned = 0;
        for (var statement : CALL_TIMES) {
            var able = messengers.allowing(statement.kind());
            if (!able.isEmpty()) {
                planned += times(jdbc.sql(statement.enqueue()))
                        .param("run", null)
                        .param("messengers", able)
                        .update();
            }
        }
        return planned + planSubstitutes();
    }

    /**
     * The journals with a substitute's lesson today or yesterday are planned again: the substitute joins the chat on
     * the lesson's day and leaves after the lesson's end plus the grace period ({@link #belonging()}), times that no
     * change of the school marks.
     */
    private int planSubstitutes() {
        var journals = jdbc.sql(SUBSTITUTE_JOURNALS)
                .param("localNow", LocalDateTime.now(clock))
                .query((rs, row) ->
                        List.of(rs.getObject("organization_id", UUID.class), rs.getObject("journal_id", UUID.class)))
                .list();
        var planned = 0;
        for (var journal : journals) {
            planned += plan(journal.get(0), journal.get(1), null);
        }
        return planned;
    }

    private boolean possible(UUID organization, Step step) {
        return ProviderCapability.allows(messengers.capabilitiesOf(organization), step.kind());
    }

    /** Enqueues what a ledger change made possible in its journal. */
    int plan(UUID organization, LedgerChange.FollowUp followUp) {
        var planned = 0;
        for (var step : possibleSteps(organization)) {
            if (followUp.kinds().contains(step.kind())
                    && (step != REMOVAL_STEP
                            || removalsPermitted(Scope.JOURNAL, organization, followUp.journal(), 0))) {
                planned += enqueue(step, Scope.JOURNAL, organization, followUp.journal(), null);
            }
        }
        return planned;
    }

    /** What planning the organization now would enqueue, without enqueuing it. */
    List<PlannedOperation> preview(UUID organization) {
        var planned = new ArrayList<PlannedOperation>();
        for (var step : possibleSteps(organization)) {
            planned.addAll(parameters(jdbc.sql(step.selects().get(Scope.ORGANIZATION)), organization, null)
                    .query((rs, row) -> new PlannedOperation(
                            rs.getObject("organization_id", UUID.class),
                            rs.getLong("community_id"),
                            SqlNames.read(OperationKind.class, rs.getString("kind")),
                            rs.getString("object_key"),
                            rs.getString("payload")))
                    .list());
        }
        return planned;
    }

    /**
     * Operations of a kind that the organization needs and the provider cannot do ({@code missing}): they are not
     * queued, and the run says so.
     */
    record Unplanned(OperationKind kind, ProviderCapability missing, int count) {}

    /**
     * What the organization needs that its messenger's provider cannot do, by kind; empty when it can do everything
     * needed.
     */
    List<Unplanned> unplanned(UUID organization) {
        var capabilities = messengers.capabilitiesOf(organization);
        var unplanned = new ArrayList<Unplanned>();
        for (var step : STEPS) {
            var missing = step.kind().needs();
            if (missing == null || missing.declaredIn(capabilities)) {
                continue;
            }
            var count = parameters(jdbc.sql(step.count()), organization, null)
                    .query(Integer.class)
                    .single();
            if (count > 0) {
                unplanned.add(new Unplanned(step.kind(), missing, count));
            }
        }
        return unplanned;
    }

    /** The steps of the kinds the organization's provider can carry out: the others are never queued for it. */
    private List<Step> possibleSteps(UUID organization) {
        var capabilities = messengers.capabilitiesOf(organization);
        return STEPS.stream()
                .filter(step -> ProviderCapability.allows(capabilities, step.kind()))
                .toList();
    }

    private int enqueue(Step step, Scope scope, UUID organization, @Nullable UUID journal, @Nullable UUID run) {
        var able = messengers.allowing(step.kind());
        if (able.isEmpty()) {
            return 0;
        }
        return parameters(jdbc.sql(step.enqueues().get(scope)), organization, journal)
                .param("run", run)
                .param("messengers", able)
                .update();
    }

    private JdbcClient.StatementSpec parameters(
            JdbcClient.StatementSpec statement, UUID organization, @Nullable UUID journal) {
        times(statement)
                .param("organization", organization)
                .param("linkless", linkless())
                .param("callless", callless());
        return journal == null ? statement : statement.param("journal", journal);
    }

    /** Now, in the school's time too, and how lesson times make calls due. */
    private JdbcClient.StatementSpec times(JdbcClient.StatementSpec statement) {
        return statement
                .param("localNow", LocalDateTime.now(clock))
                .param("now", OffsetDateTime.now(clock))
                .param("zone", clock.getZone().getId())
                .param("beforeLesson", calls.beforeLesson().toSeconds())
                .param("grace", calls.grace().toSeconds());
    }

    /**
     * The messengers that add people without an invite link, by name ({@code :linkless}); never empty, so that the
     * statement's {@code in} list is valid.
     */
    private List<String> linkless() {
        var linkless = messengers.lacking(ProviderCapability.INVITE_LINKS);
        return linkless.isEmpty() ? List.of("") : linkless;
    }

    /**
     * The messengers that cannot start calls, by name ({@code :callless}): their lessons are held at video links.
     * Never empty, as {@link #linkless()}.
     */
    private List<String> callless() {
        var callless = messengers.lacking(ProviderCapability.CALLS);
        return callless.isEmpty() ? List.of("") : callless;
    }

    /** Organizations whose work may go on: verified credentials, an enabled task, not paused. */
    private static String ready(String organization) {
        return """
                join sync.organization so on so.organization_id = %s and so.ready and so.paused_reason is null
                                          and so.community_id is not null"""
                .formatted(organization);
    }

    /** The payload of {@link OperationPayload#VERSION} with these fields ({@code 'name', expression, …}). */
    private static String payload(String fields) {
        return "jsonb_build_object('v', %d, %s)".formatted(OperationPayload.VERSION, fields);
    }

    private static String createChat(Scope scope) {
        return """
                select j.organization_id, so.community_id, {OperationKind.CREATE_CHAT} as kind,
                       'chat:' || j.journal_id || ':' || j.academic_year_id as object_key, %s as payload
                from school.sync_journal j
                %s
                where j.organization_id = :organization %s
                  and j.subject_chat_requested and j.kind = {JournalKind.GENERAL_EDUCATION}
                  and exists (select 1 from school.sync_lesson l
                              where l.organization_id = j.organization_id and l.journal_id = j.journal_id
                                and l.publication = {Publication.PUBLISHED} and l.format = {LessonFormat.VIDEO_CALL}
                                -- a chat VK lost is replaced for the next video lesson, not for past ones
                                and (l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes) > :localNow
                                     or not exists (select 1 from sync.chat c
                                                    where c.organization_id = j.organization_id
                                                      and c.journal_id = j.journal_id
                                                      and c.academic_year_id = j.academic_year_id
                                                      and c.state = {ChatState.LOST})))
                  and not exists (select 1 from sync.chat c
                                  where c.organization_id = j.organization_id and c.journal_id = j.journal_id
                                    and c.academic_year_id = j.academic_year_id and c.state = {ChatState.ACTIVE})
                  -- a closed year gets no chats (its own are archived)
                  and not exists (select 1 from sync.year_close yc
                                  where yc.organization_id = j.organization_id
                                    and yc.academic_year_id = j.academic_year_id)
                  -- a journal whose chats VK keeps losing gets no new ones in a loop: three within an hour wait for
                  -- people
                  and (select count(*) from sync.lost_chat lc
                       where lc.organization_id = j.organization_id and lc.journal_id = j.journal_id
                         and lc.lost_at > :now - interval '1 hour') < 3
                """
                .formatted(
                        payload("'journal', j.journal_id, 'year', j.academic_year_id, 'title', j.chat_title"),
                        ready("j.organization_id"),
                        scope.journal("j.journal_id"));
    }

    private static String inviteLink(Scope scope) {
        return """
                select c.organization_id, c.community_id, {OperationKind.INVITE_LINK} as kind,
                       'chat:' || c.journal_id || ':' || c.academic_year_id as object_key, %s as payload
                from sync.chat c
                join school.sync_journal j on j.journal_id = c.journal_id and j.subject_chat_requested
                %s
                where c.organization_id = :organization %s
                  and c.state = {ChatState.ACTIVE} and c.invite_link is null
                """
                .formatted(
                        payload("'journal', c.journal_id, 'year', c.academic_year_id"),
                        ready("c.organization_id"),
                        scope.journal("c.journal_id"));
    }

    /**
     * Who belongs in a journal's chat: its members (school.sync_journal_member), and the substitute of each published
     * lesson of the journal from the start of the lesson's day until its end plus the grace period, in the role of a
     * teacher (school.sync_lesson_substitute; the school's time, the {@code Clock}). A substitute who teaches the
     * journal belongs as its teacher anyway, and stays. Each with their account in the school's messenger
     * ({@link MemberAccounts}).
     */
    private static String belonging() {
        return """
            (select m.journal_id, m.organization_id, m.person_id, m.role, %1$s as member_user_id,
                    %2$s as relink_required
             from school.sync_journal_member m
             join sync.organization mo on mo.organization_id = m.organization_id
             -- people with an account of either messenger: the school views take this condition down to each
             -- person's row (its indexes), which the messenger's choice above, a condition on the join, cannot reach
             -- (without it every member of the school was built, then most dropped: docs/benchmarks.md)
             where m.sferum_user_id is not null or m.max_user_id is not null
             union all
             select s.journal_id, s.organization_id, s.employee_id, {MemberRole.TEACHER}, %3$s, %4$s
             from school.sync_lesson_substitute s
             join sync.organization mo on mo.organization_id = s.organization_id
             where (s.sferum_user_id is not null or s.max_user_id is not null)
               and s.publication = {Publication.PUBLISHED} and cast(s.lesson_date as timestamp) <= :localNow
               and s.lesson_date + s.starts_at + make_interval(mins => s.duration_minutes)
                   + make_interval(secs => :grace) > :localNow)"""
                .formatted(
                        MemberAccounts.of("mo", "m"),
                        MemberAccounts.relinkRequired("mo", "m"),
                        MemberAccounts.of("mo", "s"),
                        MemberAccounts.relinkRequired("mo", "s"));
    }

    /**
     * Everyone who belongs ({@link #belonging()}) and has a VK account that VK ID still accepts, and is not in the chat
     * yet, joins it: the journal's teachers, its pupils and, where the school wants them, their parents, and the
     * substitutes of the day. A person in two roles of one journal (a teacher who is a pupil's parent) joins once, in
     * the first role. Who belongs is looked up per chat ({@code lateral}: the chat's journal taken down to the school
     * views' journal indexes), so a school with few chats pays for those only: joined to the chats, the whole school's
     * members were built first, a whole-city scan of the journals' teachers among them (docs/benchmarks.md, «City
     * planning after MAX»).
     */
    private static String addMember(Scope scope) {
        return """
                select c.organization_id, c.community_id, {OperationKind.ADD_MEMBER} as kind,
                       'member:' || c.journal_id || ':' || c.academic_year_id || ':' || p.member_user_id as object_key,
                       %s as payload
                from sync.chat c
                join school.sync_journal j on j.journal_id = c.journal_id and j.subject_chat_requested
                cross join lateral (select distinct on (b.member_user_id)
                                           b.journal_id, b.person_id, b.role, b.member_user_id
                                    from %s b
                                    where b.organization_id = :organization and b.journal_id = c.journal_id
                                      and b.member_user_id is not null and not b.relink_required
                                    order by b.member_user_id, b.role = {MemberRole.TEACHER} desc,
                                             b.role = {MemberRole.PUPIL} desc) p
                %s
                where c.organization_id = :organization %s
                  and c.state = {ChatState.ACTIVE}
                  -- people join by the chat's invite link, where the messenger has them
                  and (c.invite_link is not null or so.messenger in (:linkless))
                  and not exists (select 1 from sync.chat_member m
                                  where m.organization_id = c.organization_id and m.journal_id = c.journal_id
                                    and m.academic_year_id = c.academic_year_id and m.vk_user_id = p.member_user_id
                                    and m.state = {MemberState.ACTIVE})
                """
                .formatted(
                        payload("'journal', c.journal_id, 'year', c.academic_year_id, 'person', p.person_id, "
                                + "'role', p.role, 'vkUser', p.member_user_id"),
                        belonging(),
                        ready("c.organization_id"),
                        scope.journal("c.journal_id"));
    }

    /**
     * Everyone the engine put into a chat who no longer belongs is taken out: a pupil moved to another class or gone
     * from the school, a parent unlinked from the child or no longer wanted by the school, a former teacher, a VK
     * account unlinked or replaced. A chat never has no teacher: a teacher goes only once a current teacher of the
     * journal is in. All removals are planned here, in one step, so that what holds them back is said in one place;
     * a school's hold on big removals ({@link RemovalHolds}) counts and shows these same rows.
     */
    private static String removeMember(Scope scope) {
        return """
                with chats as materialized (
                    -- who belongs, per chat (its journal taken down to the school views' journal indexes): a school
                    -- with few chats pays for those only; computed for the whole school and looked up in a hash, it
                    -- built every member of the school first (docs/benchmarks.md, «City planning after MAX»), and as
                    -- a correlated anti-join PostgreSQL compared every member with the whole city's members
                    -- («Planning cost»)
                    select c.organization_id, c.community_id, c.journal_id, c.academic_year_id,
                           (select coalesce(array_agg(p.member_user_id), array[]::bigint[]) from %s p
                            where p.organization_id = :organization and p.journal_id = c.journal_id
                              and p.member_user_id is not null) as accounts
                    from sync.chat c
                    join school.sync_journal j on j.journal_id = c.journal_id and j.subject_chat_requested
                    %s
                    where c.organization_id = :organization %s and c.state = {ChatState.ACTIVE})
                select c.organization_id, c.community_id, {OperationKind.REMOVE_MEMBER} as kind,
                       'member:' || c.journal_id || ':' || c.academic_year_id || ':' || m.vk_user_id as object_key,
                       %s as payload
                from chats c
                join sync.chat_member m on m.organization_id = c.organization_id and m.journal_id = c.journal_id
                                       and m.academic_year_id = c.academic_year_id
                join sync.organization so on so.organization_id = c.organization_id
                where m.state = {MemberState.ACTIVE}
                  and m.vk_user_id <> all (c.accounts)
                  -- a discarded hold keeps its people in their chats (sync.removal_hold_item)
                  and not exists (select 1 from sync.removal_hold_item d
                                  where d.organization_id = m.organization_id and d.journal_id = m.journal_id
                                    and d.academic_year_id = m.academic_year_id and d.vk_user_id = m.vk_user_id)
                  and (m.role <> {MemberRole.TEACHER}
                       or exists (select 1 from sync.chat_member t
                                  join school.sync_journal_member p on p.organization_id = :organization
                                                                   and p.journal_id = t.journal_id
                                                                   and %s = t.vk_user_id
                                                                   and p.role = {MemberRole.TEACHER}
                                  where t.organization_id = m.organization_id and t.journal_id = m.journal_id
                                    and t.academic_year_id = m.academic_year_id and t.state = {MemberState.ACTIVE}))
                """
                .formatted(
                        belonging(),
                        ready("c.organization_id"),
                        scope.journal("c.journal_id"),
                        payload("'journal', c.journal_id, 'year', c.academic_year_id, 'vkUser', m.vk_user_id"),
                        MemberAccounts.of("so", "p"));
    }

    /**
     * No renewal of the chat open in the statement's snapshot. The enqueuing insert's {@code on conflict} alone lets a
     * second renewal in when the open one completes while the statement runs: the select still sees the link due (its
     * snapshot), the insert waits for the completing transaction and, the renewal DONE, goes ahead (a second link
     * renewal for one removal in {@code RosterChangeCrashTests}). Only here: for the other kinds a duplicate after that
     * race is done harmlessly by its executor, and the same condition on every kind made the city's first planning
     * far slower (an anti-join against every open operation: 46.5 s against 33.0 s; docs/benchmarks.md).
     */
    private static final String NO_RENEWAL_RUNNING =
            """
            and not exists (select 1 from sync.operation r
                            where r.kind = {OperationKind.RENEW_INVITE_LINK}
                              and r.object_key = 'chat:' || c.journal_id || ':' || c.academic_year_id
                              and r.status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING}))""";

    /**
     * A chat whose members were removed after its invite link was got gets a new link, once the chat has no removal
     * open: one renewal for a batch of removals. Keyed as the chat, so one is open at a time and it runs after the
     * chat's earlier operations; a repeat after a crash only renews the link once more.
     */
    private static String renewInviteLink(Scope scope) {
        return """
                select c.organization_id, c.community_id, {OperationKind.RENEW_INVITE_LINK} as kind,
                       'chat:' || c.journal_id || ':' || c.academic_year_id as object_key, %s as payload
                from sync.chat c
                join school.sync_journal j on j.journal_id = c.journal_id and j.subject_chat_requested
                %s
                where c.organization_id = :organization %s
                  and c.state = {ChatState.ACTIVE} and c.invite_link is not null
                  and c.members_removed_at > c.invite_link_at
                  and not exists (select 1 from sync.operation o
                                  where o.organization_id = c.organization_id
                                    and o.status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING})
                                    and o.kind in ({OperationKind.REMOVE_MEMBER}, {OperationKind.REMOVE_STRANGER})
                                    and o.payload ->> 'journal' = cast(c.journal_id as text))
                  %s
                """
                .formatted(
                        payload("'journal', c.journal_id, 'year', c.academic_year_id"),
                        ready("c.organization_id"),
                        scope.journal("c.journal_id"),
                        NO_RENEWAL_RUNNING);
    }

    /** Each chat the ledger believes in, in the community the organization is connected with now. */
    private static String checkMembers(Scope scope) {
        return """
                select c.organization_id, c.community_id, {OperationKind.CHECK_MEMBERS} as kind,
                       'members:' || c.journal_id || ':' || c.academic_year_id as object_key, %s as payload
                from sync.chat c
                join school.sync_journal j on j.journal_id = c.journal_id and j.subject_chat_requested
                %s
                where c.organization_id = :organization %s
                  and c.state = {ChatState.ACTIVE} and c.chat_id is not null and c.community_id = so.community_id
                """
                .formatted(
                        payload("'journal', c.journal_id, 'year', c.academic_year_id"),
                        ready("c.organization_id"),
                        scope.journal("c.journal_id"));
    }

    /**
     * A stranger in the chat at its last member check who does not belong meanwhile (linked the VK ID as a pupil,
     * say) goes, where the school removes strangers («Удалять посторонних из предметных чатов», on without a row).
     * The school's choice is read from its table, as {@code school.sync_journal_member} reads it.
     */
    private static String removeStranger(Scope scope) {
        return """
                select c.organization_id, c.community_id, {OperationKind.REMOVE_STRANGER} as kind,
                       'stranger:' || c.journal_id || ':' || c.academic_year_id || ':' || s.vk_user_id as object_key,
                       %s as payload
                from sync.chat_stranger s
                join sync.chat c on c.organization_id = s.organization_id and c.journal_id = s.journal_id
                                and c.academic_year_id = s.academic_year_id and c.state = {ChatState.ACTIVE}
                                and c.members_checked_at = s.last_seen_at
                join school.sync_journal j on j.journal_id = c.journal_id and j.subject_chat_requested
                %s
                where s.organization_id = :organization %s
                  and s.removed_at is null
                  and coalesce((select cp.remove_strangers from school.chat_policy cp
                                where cp.organization_id = s.organization_id), true)
                  and not exists (select 1 from school.sync_journal_member p
                                  where p.organization_id = :organization
                                    and p.journal_id = s.journal_id and %s = s.vk_user_id)
                """
                .formatted(
                        payload("'journal', c.journal_id, 'year', c.academic_year_id, 'vkUser', s.vk_user_id"),
                        ready("c.organization_id"),
                        scope.journal("s.journal_id"),
                        MemberAccounts.of("so", "p"));
    }

    private static String startCall(Scope scope) {
        return """
                select l.organization_id, so.community_id, {OperationKind.START_CALL} as kind,
                       'call:' || l.lesson_id as object_key, %s as payload
                from school.sync_lesson l
                %s
                where l.organization_id = :organization %s
                  and l.publication = {Publication.PUBLISHED} and l.format = {LessonFormat.VIDEO_CALL}
                  and l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes) > :localNow
                  and not exists (select 1 from sync.call k
                                  where k.organization_id = l.organization_id and k.lesson_id = l.lesson_id
                                    and k.state = {CallState.ACTIVE})
                  -- a closed year starts no calls (its own are finished)
                  and not exists (select 1 from sync.year_close yc
                                  join school.sync_journal yj on yj.academic_year_id = yc.academic_year_id
                                  where yc.organization_id = l.organization_id and yj.journal_id = l.journal_id)
                """
                .formatted(
                        payload("'lesson', l.lesson_id, 'journal', l.journal_id"),
                        ready("l.organization_id"),
                        scope.journal("l.journal_id"));
    }

    /**
     * A live call is finished when its lesson is gone, withdrawn or switched to in-person, and after its lesson's end
     * plus the grace period ({@code sferum.sync.calls.grace}).
     */
    private static String finishCall(Scope scope) {
        return """
                select k.organization_id, so.community_id, {OperationKind.FINISH_CALL} as kind,
                       'call:' || k.lesson_id as object_key, %s as payload
                from sync.call k
                left join school.sync_lesson l on l.lesson_id = k.lesson_id
                %s
                where %s %s
                  and k.state = {CallState.ACTIVE}
                  and (l.lesson_id is null or l.publication <> {Publication.PUBLISHED}
                       or l.format <> {LessonFormat.VIDEO_CALL}
                       or l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes)
                          + make_interval(secs => :grace) <= :localNow)
                """
                .formatted(
                        payload("'lesson', k.lesson_id, 'journal', k.journal_id"),
                        ready("k.organization_id"),
                        scope.organization("k.organization_id"),
                        scope.journal("k.journal_id"));
    }

    /**
     * A live call started before its lesson's window ({@code sferum.sync.calls.before-lesson} ahead of the start) is
     * replaced once the window has come and until the lesson begins: VK cannot be asked whether the call still
     * exists, and it may have ended it overnight. The replacement finishes the call of this generation; the next
     * generation is started within the window, so it is not replaced again.
     */
    private static String renewCall(Scope scope) {
        return """
                select k.organization_id, so.community_id, {OperationKind.RENEW_CALL} as kind,
                       'call:' || k.lesson_id as object_key, %s as payload
                from sync.call k
                join school.sync_lesson l on l.lesson_id = k.lesson_id and l.publication = {Publication.PUBLISHED}
                                         and l.format = {LessonFormat.VIDEO_CALL}
                %s
                where %s %s
                  and k.state = {CallState.ACTIVE}
                  and l.lesson_date + l.starts_at > :localNow
                  and l.lesson_date + l.starts_at - make_interval(secs => :beforeLesson) <= :localNow
                  and coalesce(k.started_at, k.created_at) at time zone :zone
                      < l.lesson_date + l.starts_at - make_interval(secs => :beforeLesson)
                """
                .formatted(
                        payload("'lesson', k.lesson_id, 'journal', k.journal_id, 'generation', k.generation"),
                        ready("k.organization_id"),
                        scope.organization("k.organization_id"),
                        scope.journal("k.journal_id"));
    }

    private static String announceCall(Scope scope) {
        return """
                select k.organization_id, c.community_id, {OperationKind.ANNOUNCE_CALL} as kind,
                       'announce:' || k.lesson_id || ':' || k.generation as object_key, %s as payload
                from sync.call k
                join school.sync_journal j on j.journal_id = k.journal_id and j.subject_chat_requested
                join sync.chat c on c.organization_id = k.organization_id and c.journal_id = k.journal_id
                                and c.academic_year_id = j.academic_year_id and c.state = {ChatState.ACTIVE}
                -- the journal too: with statistics from before a mass switch to video, PostgreSQL otherwise reads every
                -- video lesson of the city through their partial index for each call (docs/benchmarks.md)
                join school.sync_lesson l on l.lesson_id = k.lesson_id and l.journal_id = k.journal_id
                                         and l.publication = {Publication.PUBLISHED}
                                         and l.format = {LessonFormat.VIDEO_CALL}
                %s
                where k.organization_id = :organization %s
                  and k.state = {CallState.ACTIVE} and not k.announced
                """
                .formatted(
                        payload("'lesson', k.lesson_id, 'journal', k.journal_id, 'year', c.academic_year_id"),
                        ready("k.organization_id"),
                        scope.journal("k.journal_id"));
    }

    /**
     * A lesson whose call was announced in the chat the journal has now, and that changed since — moved, switched to
     * in-person, withdrawn or deleted — is said so there ({@link LessonChangeHandler}); only while the lesson, as the
     * chat knows it or as it is now, is still to come: a lesson held already is no news. Keyed by the lesson as it is
     * now: a further change while one is queued or being said queues its own, and whichever runs first says the net
     * change, the other finds nothing left to say.
     */
    private static String announceLessonChange(Scope scope) {
        return lessonChange(scope, "sync.call");
    }

    /**
     * A lesson held at a video link whose link was posted in the chat the journal has now, and that changed since:
     * said so there as for a call ({@link #announceLessonChange}).
     */
    private static String announceLinkedLessonChange(Scope scope) {
        return lessonChange(scope, "sync.lesson_link");
    }

    /**
     * A lesson held by video (published, in video-call form) at a link — the one pasted on it, or its journal's
     * standing room — in an organization whose messenger cannot start calls, is posted with its link in the chat the
     * journal has now, as soon as it is published and until it ends: as a call is announced once it is started
     * ({@link LessonLinkHandler}). Once per lesson and link: the ledger ({@code sync.lesson_link}) knows what the chat
     * was told; a changed link is posted again. Keyed by the lesson: a link changed again while one is queued is
     * posted by it as it is then.
     */
    private static String announceLessonLink(Scope scope) {
        return """
                select l.organization_id, c.community_id, {OperationKind.ANNOUNCE_LESSON_LINK} as kind,
                       'lesson-link:' || l.lesson_id as object_key, %s as payload
                from school.sync_lesson l
                join school.sync_journal j on j.journal_id = l.journal_id and j.subject_chat_requested
                join sync.chat c on c.organization_id = l.organization_id and c.journal_id = l.journal_id
                                and c.academic_year_id = j.academic_year_id and c.state = {ChatState.ACTIVE}
                                and c.chat_id is not null
                %s
                where l.organization_id = :organization %s
                  and so.messenger in (:callless)
                  and l.publication = {Publication.PUBLISHED} and l.format = {LessonFormat.VIDEO_CALL}
                  and l.lesson_link is not null
                  and l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes) > :localNow
                  and not exists (select 1 from sync.lesson_link k
                                  where k.organization_id = l.organization_id and k.lesson_id = l.lesson_id
                                    and k.told_as = {HeldAs.VIDEO_CALL} and k.told_chat_id = c.chat_id
                                    and k.link = l.lesson_link)
                """
                .formatted(
                        payload("'lesson', l.lesson_id, 'journal', l.journal_id, 'year', c.academic_year_id"),
                        ready("l.organization_id"),
                        scope.journal("l.journal_id"));
    }

    private static String lessonChange(Scope scope, String told) {
        return """
                select k.organization_id, c.community_id, {OperationKind.ANNOUNCE_LESSON_CHANGE} as kind,
                       'lesson-change:' || k.lesson_id || ':' || n.held_as || ':' || coalesce(cast(n.starts as text), '')
                           as object_key, %s as payload
                from %s k
                join school.sync_journal j on j.journal_id = k.journal_id and j.subject_chat_requested
                join sync.chat c on c.organization_id = k.organization_id and c.journal_id = k.journal_id
                                and c.academic_year_id = j.academic_year_id and c.state = {ChatState.ACTIVE}
                                and c.chat_id = k.told_chat_id
                left join school.sync_lesson l on l.lesson_id = k.lesson_id
                cross join lateral (select %s as held_as, l.lesson_date + l.starts_at as starts,
                                           l.lesson_date + l.starts_at + make_interval(mins => l.duration_minutes) as ends
                                   ) n
                %s
                where k.organization_id = :organization %s
                  and k.told_as = {HeldAs.VIDEO_CALL}
                  and (n.held_as <> {HeldAs.VIDEO_CALL} or n.starts <> k.told_start)
                  and (k.told_end > :localNow or n.ends > :localNow)
                """
                .formatted(
                        payload("'lesson', k.lesson_id, 'journal', k.journal_id, 'year', c.academic_year_id"),
                        told,
                        ToldLessons.heldAs("l"),
                        ready("k.organization_id"),
                        scope.journal("k.journal_id"));
    }

    /** The calls still live of a closed year's journals are finished. */
    private static String finishClosedYearCall(Scope scope) {
        return """
                select k.organization_id, so.community_id, {OperationKind.FINISH_CALL} as kind,
                       'call:' || k.lesson_id as object_key, %s as payload
                from sync.call k
                join school.sync_journal j on j.journal_id = k.journal_id
                join sync.year_close yc on yc.organization_id = k.organization_id
                                       and yc.academic_year_id = j.academic_year_id
                %s
                where %s %s
                  and k.state = {CallState.ACTIVE}
                """
                .formatted(
                        payload("'lesson', k.lesson_id, 'journal', k.journal_id"),
                        ready("k.organization_id"),
                        scope.organization("k.organization_id"),
                        scope.journal("k.journal_id"));
    }

    /**
     * Each chat of a closed year that the ledger holds as ACTIVE is archived: renamed «Алгебра 7А · 2025/2026» and its
     * closing message pinned. Keyed as the chat's archive: one per chat, ever, once it is ARCHIVED.
     */
    private static String archiveChat(Scope scope) {
        return """
                select c.organization_id, c.community_id, {OperationKind.ARCHIVE_CHAT} as kind,
                       'archive:' || c.journal_id || ':' || c.academic_year_id as object_key, %s as payload
                from sync.chat c
                join sync.year_close yc on yc.organization_id = c.organization_id
                                       and yc.academic_year_id = c.academic_year_id
                join school.sync_academic_year y on y.academic_year_id = c.academic_year_id
                %s
                where %s %s
                  and c.state = {ChatState.ACTIVE} and c.chat_id is not null
                """
                .formatted(
                        payload("'journal', c.journal_id, 'year', c.academic_year_id, "
                                + "'title', c.title || ' · ' || y.title, 'yearTitle', y.title"),
                        ready("c.organization_id"),
                        scope.organization("c.organization_id"),
                        scope.journal("c.journal_id"));
    }

    /**
     * The pupils and parents the engine put into an archived chat are taken out where the school chose it when the
     * year was closed; the teachers stay. Not held back by the hold on big removals: the close was confirmed.
     */
    private static String emptyArchivedChat(Scope scope) {
        return """
                select c.organization_id, c.community_id, {OperationKind.REMOVE_MEMBER} as kind,
                       'member:' || c.journal_id || ':' || c.academic_year_id || ':' || m.vk_user_id as object_key,
                       %s as payload
                from sync.chat_member m
                join sync.chat c on c.organization_id = m.organization_id and c.journal_id = m.journal_id
                                and c.academic_year_id = m.academic_year_id and c.state = {ChatState.ARCHIVED}
                join sync.year_close yc on yc.organization_id = c.organization_id
                                       and yc.academic_year_id = c.academic_year_id and yc.empty_chats
                %s
                where c.organization_id = :organization %s
                  and m.state = {MemberState.ACTIVE} and m.role in ({MemberRole.PUPIL}, {MemberRole.PARENT})
                """
                .formatted(
                        payload("'journal', c.journal_id, 'year', c.academic_year_id, 'vkUser', m.vk_user_id"),
                        ready("c.organization_id"),
                        scope.journal("c.journal_id"));
    }

    /** An emptied archived chat gets a new invite link once its removals are done: the old one lets nobody back. */
    private static String renewArchivedChatLink(Scope scope) {
        return """
                select c.organization_id, c.community_id, {OperationKind.RENEW_INVITE_LINK} as kind,
                       'chat:' || c.journal_id || ':' || c.academic_year_id as object_key, %s as payload
                from sync.chat c
                join sync.year_close yc on yc.organization_id = c.organization_id
                                       and yc.academic_year_id = c.academic_year_id and yc.empty_chats
                %s
                where c.organization_id = :organization %s
                  and c.state = {ChatState.ARCHIVED} and c.invite_link is not null
                  and c.members_removed_at > c.invite_link_at
                  and not exists (select 1 from sync.operation o
                                  where o.organization_id = c.organization_id
                                    and o.status in ({OperationStatus.PENDING}, {OperationStatus.RUNNING})
                                    and o.kind = {OperationKind.REMOVE_MEMBER}
                                    and o.payload ->> 'journal' = cast(c.journal_id as text))
                  %s
                """
                .formatted(
                        payload("'journal', c.journal_id, 'year', c.academic_year_id"),
                        ready("c.organization_id"),
                        scope.journal("c.journal_id"),
                        NO_RENEWAL_RUNNING);
    }

    /**
     * The journal's previous chat, in the messenger the school left, gets its closing message once the journal's chat
     * in the school's messenger now is adopted (the bot took it over): keyed by the journal, and never again once
     * {@code closed_at} is set. Queued under the school's current account, the lease its queue runs under.
     */
    private static String closePreviousChat(Scope scope) {
        return """
                select p.organization_id, so.community_id, {OperationKind.CLOSE_PREVIOUS_CHAT} as kind,
                       'close:' || p.journal_id || ':' || p.academic_year_id as object_key, %s as payload
                from sync.previous_chat p
                join sync.chat c on c.organization_id = p.organization_id and c.journal_id = p.journal_id
                                and c.academic_year_id = p.academic_year_id and c.state = {ChatState.ACTIVE}
                %s
                where p.organization_id = :organization %s
                  and p.closed_at is null and p.messenger <> so.messenger
                  and c.community_id = so.community_id and c.chat_id is not null and c.adopted_at is not null
                """
                .formatted(
                        payload("'journal', p.journal_id, 'year', p.academic_year_id"),
                        ready("p.organization_id"),
                        scope.journal("p.journal_id"));
    }
}
