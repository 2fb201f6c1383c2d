package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.paragraf.sferum.SchoolFixture.*;
import static ru.paragraf.sferum.diary.VkIdWorld.*;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The diary data transfer: a link reaches the staff file through the event publication registry, survives a
 * failure between the two steps, and repeating it changes nothing.
 */
class StaffFileTransferTests extends VkIdTestContext {

    @Autowired
    StaffFileTransfer transfer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FailedEventPublications failedPublications;

    @Autowired
    DataSource dataSource;

    @Test
    void completesThePublicationOnceTheStaffFileShowsTheLink() throws Exception {
        link(logIn("teacherA1"), ANNA_LOGIN, ANNA_PASSWORD);

        awaitTransfers();

        assertThat(sferumUserIdOf(TEACHER_A1)).isEqualTo(ANNA);
        assertThat(count("event_publication"))
                .as("completed publications are deleted")
                .isZero();
    }

    @Test
    void repeatingTheTransferChangesNothing() throws Exception {
        var teacher = logIn("teacherA1");
        link(teacher, ANNA_LOGIN, ANNA_PASSWORD);
        awaitTransfers();
        var before = staffFile(TEACHER_A1);

        transactions.executeWithoutResult(status -> transfer.transfer(TEACHER_A1));
        transactions.executeWithoutResult(status -> transfer.transfer(TEACHER_A1));

        assertThat(staffFile(TEACHER_A1)).isEqualTo(before).startsWith(ANNA + " ");
    }

    @Test
    void resubmitsATransferThatFailedAfterTheLinkCommitted() throws Exception {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var lock = connection.prepareStatement("select 1 from school.employee where id = ? for update")) {
                lock.setObject(1, TEACHER_A1);
                lock.executeQuery().close();
            }
            link(logIn("teacherA1"), ANNA_LOGIN, ANNA_PASSWORD);
            await().atMost(Duration.ofSeconds(10)).until(() -> count("event_publication where status = 'FAILED'") == 1);
            assertThat(links.find(TEACHER_A1))
                    .as("the link itself is committed")
                    .isPresent();
            assertThat(sferumUserIdOf(TEACHER_A1))
                    .as("the staff file is not written yet")
                    .isNull();
            connection.rollback();
        }

        failedPublications.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ZERO));

        awaitTransfers();
        assertThat(sferumUserIdOf(TEACHER_A1)).isEqualTo(ANNA);
    }

    @Test
    void transfersTheDiarysCurrentLinkWhateverTheStaffFileShowed() throws Exception {
        var teacher = logIn("teacherA1");
        link(teacher, ANNA_LOGIN, ANNA_PASSWORD);
        awaitTransfers();
        jdbc.sql("update school.employee set sferum_user_id = null, sferum_linked_at = null where id = :id")
                .param("id", TEACHER_A1)
                .update();

        transactions.executeWithoutResult(status -> transfer.transfer(TEACHER_A1));

        assertThat(sferumUserIdOf(TEACHER_A1))
                .as("the transfer writes the link as the diary holds it now")
                .isEqualTo(ANNA);
    }

    private String staffFile(java.util.UUID employee) {
        return jdbc.sql("select sferum_user_id || ' ' || sferum_linked_at from school.employee where id = :id")
                .param("id", employee)
                .query(String.class)
                .single();
    }
}
