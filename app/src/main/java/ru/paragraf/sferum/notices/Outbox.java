package ru.paragraf.sferum.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With no SMTP server configured (the embedded demo) mail is kept here and shown on {@code /demo/mail}. */
class Outbox implements Mailbox {

    /** How many mails the demo page shows. */
    static final int SHOWN = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(String recipient, String subject, String body) {
        jdbc.sql(
                        """
                        insert into notices.outbox (id, recipient, subject, body, stored_at)
                        values (:id, :recipient, :subject, :body, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    @Override
    public boolean keepsMail() {
        return true;
    }

    List<KeptMail> newest() {
        return jdbc.sql(
                        """
                        select recipient, subject, body, stored_at from notices.outbox
                        order by stored_at desc, id limit :limit
                        """)
                .param("limit", SHOWN)
                .query((rs, row) -> new KeptMail(
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getObject("stored_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone())))
                .list();
    }

    /** A mail kept instead of sent. */
    record KeptMail(String recipient, String subject, String body, ZonedDateTime storedAt) {}
}
