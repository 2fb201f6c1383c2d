package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;
import ru.paragraf.sferum.school.OrganizationSummary;

/**
 * «Закрыть учебный год» (issue 17): a school's academic year is closed once — by a school admin, by an operator for
 * every school of a district, or by the scheduled run once the year has ended — as a row of {@code sync.year_close},
 * audited with what the preview counted. From that row the {@link Planner} finishes the year's calls, archives each
 * of its chats (renamed with the year, the closing message pinned) and, where the school chose it, takes the pupils
 * and parents out of them; and plans nothing new for the year. Closing a closed year changes nothing.
 */
@Service
class YearClosing {

    private final JdbcClient jdbc;
    private final Planner planner;
    private final Workers workers;
    private final AuditTrail audit;
    private final OperationProblems texts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    YearClosing(
            JdbcClient jdbc,
            Planner planner,
            Workers workers,
            AuditTrail audit,
            OperationProblems texts,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.planner = planner;
        this.workers = workers;
        this.audit = audit;
        this.texts = texts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The school's years (those it has journals in), oldest first. */
    List<YearCloseView.Year> years(UUID organization) {
        return jdbc.sql(
                        """
                        select y.academic_year_id as id, y.title,
                               exists (select 1 from sync.year_close yc where yc.organization_id = :organization
                                         and yc.academic_year_id = y.academic_year_id) as closed
                        from school.sync_academic_year y
                        where exists (select 1 from school.sync_journal j
                                      where j.organization_id = :organization
                                        and j.academic_year_id = y.academic_year_id)
                        order by y.starts_on
                        """)
                .param("organization", organization)
                .query(YearCloseView.Year.class)
                .list();
    }

    /**
     * The year a school would close now: the oldest open one that still has live chats or calls, else the one that
     * contains today, else the latest.
     */
    Optional<UUID> defaultYear(UUID organization) {
        return jdbc.sql(
                        sql(
                                """
                        select y.academic_year_id from school.sync_academic_year y
                        where exists (select 1 from school.sync_journal j where j.organization_id = :organization
                                        and j.academic_year_id = y.academic_year_id)
                        order by not exists (select 1 from sync.year_close yc where yc.organization_id = :organization
                                               and yc.academic_year_id = y.academic_year_id)
                                 and (exists (select 1 from sync.chat c where c.organization_id = :organization
                                                and c.academic_year_id = y.academic_year_id
                                                and c.state = {ChatState.ACTIVE})
                                      or exists (select 1 from sync.call k
                                                 join school.sync_journal j on j.journal_id = k.journal_id
                                                 where k.organization_id = :organization
                                                   and j.academic_year_id = y.academic_year_id
                                                   and k.state = {CallState.ACTIVE})) desc,
                                 (:today between y.starts_on and y.ends_on) desc, y.starts_on desc
                        limit 1
                        """))
                .param("organization", organization)
                .param("today", LocalDate.now(clock))
                .query(UUID.class)
                .optional();
    }

    /** What closing the year does for the school, or did once it is closed. A year unknown to the school is 404. */
    YearCloseView view(OrganizationSummary school, UUID year) {
        return view(school.id(), school.shortName(), year);
    }

    private YearCloseView view(UUID organization, String name, UUID year) {
        var years = years(organization);
        var chosen = years.stream()
                .filter(it -> it.id().equals(year))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, texts.text("yearClose.noYear")));
        var closed = closeOf(organization, year);
        var emptyChats = closed.map(Close::emptyChats).orElseGet(() -> emptiesArchivedChats(organization));
        var chats = chats(organization, year, chosen.title(), closed.isPresent(), emptyChats);
        return new YearCloseView(
                organization,
                name,
                year,
                chosen.title(),
                closed.isPresent(),
                closed.map(Close::closedAt).orElse(null),
                closed.map(Close::closedBy).orElse(null),
                emptyChats,
                texts.text(emptyChats ? "yearClose.choice.empty" : "yearClose.choice.keep"),
                chats,
                liveCalls(organization, year),
                chats.stream()
                        .mapToInt(YearCloseView.ChatToArchive::membersToRemove)
                        .sum(),
                years);
    }

    /**
     * Closes the year for the school, as {@code user} (null: the scheduled run), and plans what it takes; false if it
     * was closed already, when nothing changes.
     */
    boolean close(@Nullable CurrentUser user, UUID organization, UUID year) {
        var preview = view(organization, "", year);
        var closed = Boolean.TRUE.equals(transactions.execute(status -> {
            var inserted = jdbc.sql(
                            """
                            insert into sync.year_close (organization_id, academic_year_id, closed_at, closed_by,
                                                         empty_chats)
                            values (:organization, :year, :now, :by, :empty)
                            on conflict do nothing
                            """)
                    .param("organization", organization)
                    .param("year", year)
                    .param("now", OffsetDateTime.now(clock))
                    .param("by", user == null ? null : user.displayName() + " (" + user.username() + ")")
                    .param("empty", preview.emptyChats())
                    .update();
            if (inserted == 0) {
                return false;
            }
            audit.record(new AuditEntry(user, organization, "ACADEMIC_YEAR_CLOSED", "academic-year:" + year, Map.of())
                    .with("year", preview.year())
                    .with("chats", preview.chats().size())
                    .with("calls", preview.callsToFinish())
                    .with("members", preview.membersToRemove())
                    .with("emptyChats", preview.emptyChats())
                    .with("by", user == null ? "SFERUM_SYNC" : "BUTTON"));
            return true;
        }));
        if (closed) {
            planner.plan(organization, null, null);
            workers.wakeUp();
        }
        return closed;
    }

    /**
     * The scheduled run's part: every year of the school that ended before today (the school's time) and is not
     * closed yet is closed, as by the button. Returns the titles of the years it closed.
     */
    List<String> closeEndedYears(UUID organization) {
        var today = LocalDate.now(clock);
        return years(organization).stream()
                .filter(year -> !year.closed())
                .filter(year -> endsOn(year.id()).isBefore(today))
                .filter(year -> close(null, organization, year.id()))
                .map(YearCloseView.Year::title)
                .toList();
    }

    private LocalDate endsOn(UUID year) {
        return jdbc.sql("select ends_on from school.sync_academic_year where academic_year_id = :year")
                .param("year", year)
                .query(LocalDate.class)
                .single();
    }

    private record Close(OffsetDateTime closedAt, @Nullable String closedBy, boolean emptyChats) {}

    private Optional<Close> closeOf(UUID organization, UUID year) {
        return jdbc.sql(
                        """
                        select closed_at, closed_by, empty_chats from sync.year_close
                        where organization_id = :organization and academic_year_id = :year
                        """)
                .param("organization", organization)
                .param("year", year)
                .query((rs, row) -> new Close(
                        rs.getObject("closed_at", OffsetDateTime.class)
                                .atZoneSameInstant(clock.getZone())
                                .toOffsetDateTime(),
                        rs.getString("closed_by"),
                        rs.getBoolean("empty_chats")))
                .optional();
    }

    /** The school's choice now («Выводить учеников и родителей из архивных чатов»), off without a row. */
    private boolean emptiesArchivedChats(UUID organization) {
        return jdbc.sql(
                        """
                        select coalesce((select cp.empty_archived_chats from school.chat_policy cp
                                         where cp.organization_id = :organization), false)
                        """)
                .param("organization", organization)
                .query(Boolean.class)
                .single();
    }

    /**
     * The year's chats the close archives, as the planner's ARCHIVE_CHAT step selects them (live in VK), with their
     * pupils and parents the engine put in; once closed, the ones archived too.
     */
    private List<YearCloseView.ChatToArchive> chats(
            UUID organization, UUID year, String yearTitle, boolean closed, boolean emptyChats) {
        return jdbc.sql(
                        sql(
                                """
                        select c.journal_id, c.title, c.state = {ChatState.ARCHIVED} as archived,
                               (select count(*) from sync.chat_member m
                                where m.organization_id = c.organization_id and m.journal_id = c.journal_id
                                  and m.academic_year_id = c.academic_year_id and m.state = {MemberState.ACTIVE}
                                  and m.role in ({MemberRole.PUPIL}, {MemberRole.PARENT})) as members
                        from sync.chat c
                        where c.organization_id = :organization and c.academic_year_id = :year
                          and c.chat_id is not null
                          and (c.state = {ChatState.ACTIVE} or (:closed and c.state = {ChatState.ARCHIVED}))
                        order by c.title
                        """))
                .param("organization", organization)
                .param("year", year)
                .param("closed", closed)
                .query((rs, row) -> {
                    var archived = rs.getBoolean("archived");
                    var title = rs.getString("title");
                    return new YearCloseView.ChatToArchive(
                            rs.getObject("journal_id", UUID.class),
                            title,
                            archived ? title : title + " · " + yearTitle,
                            archived,
                            emptyChats ? rs.getInt("members") : 0);
                })
                .list();
    }

    /** The year's calls still live: the close finishes them. */
    private int liveCalls(UUID organization, UUID year) {
        return jdbc.sql(
                        sql(
                                """
                        select count(*) from sync.call k
                        join school.sync_journal j on j.journal_id = k.journal_id
                        where k.organization_id = :organization and j.academic_year_id = :year
                          and k.state = {CallState.ACTIVE}
                        """))
                .param("organization", organization)
                .param("year", year)
                .query(Integer.class)
                .single();
    }
}
