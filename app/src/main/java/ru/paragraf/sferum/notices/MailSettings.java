package ru.paragraf.sferum.notices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each person's address and mail switch ({@code notices.mail_setting}), and the claim of their daily digest. */
@Repository
class MailSettings {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    MailSetting of(UUID account) {
        return jdbc.sql(
                        "select address, enabled, from_staff_file from notices.mail_setting where account_id = :account")
                .param("account", account)
                .query((rs, row) -> new MailSetting(
                        rs.getString("address"), rs.getBoolean("enabled"), rs.getBoolean("from_staff_file")))
                .optional()
                .orElse(MailSetting.NONE);
    }

    /** Saves the person's setting with the audience their account has now, which their digests are made for. */
    @Transactional
    void save(UUID account, @Nullable Audience audience, MailSetting setting) {
        jdbc.sql(
                        """
                        insert into notices.mail_setting (account_id, address, enabled, audience, audience_id, updated_at)
                        values (:account, :address, :enabled, :audience, :audienceId, :now)
                        on conflict (account_id) do update set address = excluded.address, enabled = excluded.enabled,
                            audience = excluded.audience, audience_id = excluded.audience_id,
                            from_staff_file = false, updated_at = excluded.updated_at
                        """)
                .param("account", account)
                .param("address", setting.address())
                .param("enabled", setting.enabled())
                .param("audience", audience == null ? null : audience.kind().name())
                .param("audienceId", audience == null ? null : audience.id())
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /**
     * Gives each teacher and school admin who never set their mail the address of their staff file, with mail on: one
     * statement for the city; a setting that exists (saved, or given before) is never touched, so mail turned off stays
     * off and an address the person typed stays theirs. Returns how many got one.
     */
    @Transactional
    int fromStaffFiles() {
        return jdbc.sql(
                        """
                        insert into notices.mail_setting (account_id, address, enabled, audience, audience_id,
                                                          from_staff_file, updated_at)
                        select a.account_id, m.address, true,
                               case a.role when 'TEACHER' then 'EMPLOYEE' else 'SCHOOL_ADMINS' end,
                               case a.role when 'TEACHER' then a.employee_id else a.organization_id end, true, :now
                        from accounts.staff_account a
                        join school.staff_mail_address m on m.employee_id = a.employee_id
                        where not exists (select 1 from notices.mail_setting s where s.account_id = a.account_id)
                        on conflict (account_id) do nothing
                        """)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** The people who may get a digest today: an address, mail on, an audience, no digest yet today. */
    @Transactional(readOnly = true)
    List<Recipient> due(LocalDate today) {
        return jdbc.sql(
                        """
                        select account_id, address, audience, audience_id from notices.mail_setting
                        where enabled and address is not null and audience is not null
                          and (last_digest_on is null or last_digest_on < :today)
                        order by account_id
                        """)
                .param("today", today)
                .query((rs, row) -> new Recipient(
                        rs.getObject("account_id", UUID.class),
                        rs.getString("address"),
                        new Audience(
                                Audience.Kind.valueOf(rs.getString("audience")),
                                rs.getObject("audience_id", UUID.class))))
                .list();
    }

    /**
     * Claims today's digest of the person, in the caller's transaction: false if another node (or an earlier run)
     * sent it today, or the person turned mail off meanwhile. The row stays locked until the caller commits.
     */
    boolean claim(UUID account, LocalDate today) {
        return jdbc.sql(
                                """
                        update notices.mail_setting set last_digest_on = :today, last_digest_at = :now
                        where account_id = :account and enabled and address is not null
                          and (last_digest_on is null or last_digest_on < :today)
                        """)
                        .param("account", account)
                        .param("today", today)
                        .param("now", OffsetDateTime.now(clock))
                        .update()
                == 1;
    }

    /** Someone who may get a digest: their account, address and audience. */
    record Recipient(UUID account, String address, Audience audience) {}
}
