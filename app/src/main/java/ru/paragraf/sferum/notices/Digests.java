package ru.paragraf.sferum.notices;

import java.util.stream.Collectors;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily email digest: to each person with an address and mail on, at most one a day, of the open notices they
 * have neither read nor been mailed. Each digest is one transaction: the day's claim of the person
 * ({@link MailSettings#claim}, a conditional update that a second node waits for and then finds done), the notices
 * marked mailed, the mail handed to the server; a mail the server refuses rolls the claim back for the next run.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private final MailSettings settings;
    private final Notices notices;
    private final Mailbox mailbox;
    private final NoticeTexts texts;
    private final NoticesProperties properties;
    private final MoscowDays days;
    private final TransactionTemplate transactions;

    Digests(
            MailSettings settings,
            Notices notices,
            Mailbox mailbox,
            NoticeTexts texts,
            NoticesProperties properties,
            MoscowDays days,
            TransactionTemplate transactions) {
        this.settings = settings;
        this.notices = notices;
        this.mailbox = mailbox;
        this.texts = texts;
        this.properties = properties;
        this.days = days;
        this.transactions = transactions;
    }

    /**
     * Sends today's digests that are due; returns how many went out. People who never set their mail get it at their
     * staff file's address first ({@link MailSettings#fromStaffFiles}).
     */
    int send() {
        var today = days.today();
        settings.fromStaffFiles();
        var sent = 0;
        for (var recipient : settings.due(today)) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> {
                    if (!settings.claim(recipient.account(), today)) {
                        return false;
                    }
                    var pending = notices.pending(recipient.audience(), recipient.account());
                    if (pending.isEmpty()) {
                        status.setRollbackOnly();
                        return false;
                    }
                    notices.mailed(pending, recipient.account());
                    mailbox.send(recipient.address(), subject(pending.size()), body(pending));
                    return true;
                }))) {
                    sent++;
                }
            } catch (RuntimeException failure) {
                // the address is the person's, not the operator's business; the account id finds them
                log.warn(
                        "The notice digest of account {} was not sent: {}",
                        recipient.account(),
                        failure.getClass().getSimpleName());
            }
        }
        return sent;
    }

    private String subject(int count) {
        return texts.text("notices.mail.subject", count);
    }

    private String body(java.util.List<Notice> pending) {
        var lines = pending.stream()
                .map(notice -> "— " + texts.text(notice)
                        + (notice.link() == null ? "" : "\n  " + properties.baseUrl() + notice.link()))
                .collect(Collectors.joining("\n\n"));
        return texts.text("notices.mail.lead") + "\n\n" + lines + "\n\n"
                + texts.text("notices.mail.footer", properties.baseUrl() + "/notices");
    }

    /** The Quartz job of the digests: one node of the cluster sends them. */
    @DisallowConcurrentExecution
    static class DigestJob implements Job {

        private final Digests digests;

        DigestJob(Digests digests) {
            this.digests = digests;
        }

        @Override
        public void execute(JobExecutionContext context) {
            var sent = digests.send();
            if (sent > 0) {
                log.info("Sent {} notice digests", sent);
            }
        }
    }
}
