package ru.paragraf.sferum.notices;

/** Where digests go: an SMTP server ({@link SmtpMailbox}) or, with none configured, the demo's {@link Outbox}. */
interface Mailbox {

    void send(String recipient, String subject, String body);

    /** Whether mail stays in the application (shown on {@code /demo/mail}) instead of being sent. */
    boolean keepsMail();
}
