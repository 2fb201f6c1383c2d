package ru.paragraf.sferum.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices (schema {@code notices}). One open notice per audience and cause, held by a partial unique index, so
 * that a cause told again on any node only counts up; closing is by cause.
 */
@Repository
class Notices {

    /** How many notices the page and the API list. */
    static final int SHOWN = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    Notices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Tells the audience of the cause; returns true if this is a new notice, false if it was open already. */
    @Transactional
    boolean tell(Audience audience, NoticeKind kind, String cause, List<String> args, @Nullable String link) {
        return Boolean.TRUE.equals(jdbc.sql(
                        """
                        insert into notices.notice
                            (id, audience, audience_id, kind, cause, args, link, created_at, updated_at)
                        values (:id, :audience, :audienceId, :kind, :cause, :args, :link, :now, :now)
                        on conflict (audience, audience_id, cause) where closed_at is null
                        do update set occurrences = notices.notice.occurrences + 1, args = excluded.args,
                                      link = excluded.link, updated_at = excluded.updated_at
                        returning (xmax = 0) as inserted
                        """)
                .param("id", UUID.randomUUID())
                .param("audience", audience.kind().name())
                .param("audienceId", audience.id())
                .param("kind", kind.name())
                .param("cause", cause)
                .param("args", args.toArray(String[]::new))
                .param("link", link)
                .param("now", now())
                .query(Boolean.class)
                .single());
    }

    /** The cause is fixed: its open notices, whoever they were for, are closed. Returns how many. */
    @Transactional
    int close(String cause) {
        return jdbc.sql("update notices.notice set closed_at = :now where cause = :cause and closed_at is null")
                .param("cause", cause)
                .param("now", now())
                .update();
    }

    /** Closes the audience's open notices of a kind except the one of {@code keep} (e.g. yesterday's summary). */
    @Transactional
    int closeOthers(Audience audience, NoticeKind kind, @Nullable String keep) {
        return jdbc.sql(
                        """
                        update notices.notice set closed_at = :now
                        where audience = :audience and audience_id = :audienceId and kind = :kind
                          and closed_at is null and cause is distinct from :keep
                        """)
                .param("audience", audience.kind().name())
                .param("audienceId", audience.id())
                .param("kind", kind.name())
                .param("keep", keep)
                .param("now", now())
                .update();
    }

    /** The audience's newest notices, with whether this account read each. */
    @Transactional(readOnly = true)
    List<Notice> of(Audience audience, UUID account) {
        return jdbc.sql(
                        """
                        select n.id, n.kind, n.args, n.link, n.occurrences, n.created_at, n.updated_at, n.closed_at,
                               r.read_at is not null as read
                        from notices.notice n
                        left join notices.notice_read r on r.notice_id = n.id and r.account_id = :account
                        where n.audience = :audience and n.audience_id = :audienceId
                        order by n.created_at desc, n.id
                        limit :limit
                        """)
                .param("audience", audience.kind().name())
                .param("audienceId", audience.id())
                .param("account", account)
                .param("limit", SHOWN)
                .query((rs, row) -> new Notice(
                        rs.getObject("id", UUID.class),
                        NoticeKind.valueOf(rs.getString("kind")),
                        List.of((String[]) rs.getArray("args").getArray()),
                        rs.getString("link"),
                        rs.getInt("occurrences"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getObject("closed_at", OffsetDateTime.class),
                        rs.getBoolean("read")))
                .list();
    }

    /** How many open notices of the audience this account has not read: the bell's count. */
    @Transactional(readOnly = true)
    int unread(Audience audience, UUID account) {
        return jdbc.sql(
                        """
                        select count(*) from notices.notice n
                        where n.audience = :audience and n.audience_id = :audienceId and n.closed_at is null
                          and not exists (select 1 from notices.notice_read r
                                          where r.notice_id = n.id and r.account_id = :account)
                        """)
                .param("audience", audience.kind().name())
                .param("audienceId", audience.id())
                .param("account", account)
                .query(Integer.class)
                .single();
    }

    /** Marks one of the audience's notices read; false if the audience has no such notice. */
    @Transactional
    boolean markRead(Audience audience, UUID account, UUID notice) {
        var found = jdbc.sql(
                        """
                        select count(*) from notices.notice
                        where id = :notice and audience = :audience and audience_id = :audienceId
                        """)
                .param("notice", notice)
                .param("audience", audience.kind().name())
                .param("audienceId", audience.id())
                .query(Integer.class)
                .single();
        if (found == 0) {
            return false;
        }
        jdbc.sql(
                        """
                        insert into notices.notice_read (notice_id, account_id, read_at) values (:notice, :account, :now)
                        on conflict do nothing
                        """)
                .param("notice", notice)
                .param("account", account)
                .param("now", now())
                .update();
        return true;
    }

    /** Marks all of the audience's notices read for this account; returns how many were unread. */
    @Transactional
    int markAllRead(Audience audience, UUID account) {
        return jdbc.sql(
                        """
                        insert into notices.notice_read (notice_id, account_id, read_at)
                        select n.id, :account, :now from notices.notice n
                        where n.audience = :audience and n.audience_id = :audienceId
                        on conflict do nothing
                        """)
                .param("audience", audience.kind().name())
                .param("audienceId", audience.id())
                .param("account", account)
                .param("now", now())
                .update();
    }

    /** The audience's open notices this account has neither read nor been mailed, oldest first: a digest's. */
    List<Notice> pending(Audience audience, UUID account) {
        return jdbc.sql(
                        """
                        select n.id, n.kind, n.args, n.link, n.occurrences, n.created_at, n.updated_at
                        from notices.notice n
                        where n.audience = :audience and n.audience_id = :audienceId and n.closed_at is null
                          and not exists (select 1 from notices.notice_read r
                                          where r.notice_id = n.id and r.account_id = :account)
                          and not exists (select 1 from notices.notice_mailed m
                                          where m.notice_id = n.id and m.account_id = :account)
                        order by n.created_at, n.id
                        limit :limit
                        """)
                .param("audience", audience.kind().name())
                .param("audienceId", audience.id())
                .param("account", account)
                .param("limit", SHOWN)
                .query((rs, row) -> new Notice(
                        rs.getObject("id", UUID.class),
                        NoticeKind.valueOf(rs.getString("kind")),
                        List.of((String[]) rs.getArray("args").getArray()),
                        rs.getString("link"),
                        rs.getInt("occurrences"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        null,
                        false))
                .list();
    }

    /** These notices went out in the account's digest, in the caller's transaction. */
    void mailed(List<Notice> mailed, UUID account) {
        jdbc.sql(
                        """
                        insert into notices.notice_mailed (notice_id, account_id, mailed_at)
                        select unnest(:notices::uuid[]), :account, :now
                        on conflict do nothing
                        """)
                .param("notices", mailed.stream().map(Notice::id).toArray(UUID[]::new))
                .param("account", account)
                .param("now", now())
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
