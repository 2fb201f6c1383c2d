package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.paragraf.sferum.SchoolFixture.*;
import static ru.paragraf.sferum.diary.VkIdWorld.*;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.school.PersonKind;

/**
 * The diary data transfer: a link reaches the school's record (a teacher's staff file, a pupil's or parent's VK
 * account) through the event publication registry, survives a failure between the two steps, and repeating it
 * changes nothing.
 */
class DiaryDataTransferTests extends VkIdTestContext {

    @Autowired
    DiaryDataTransfer transfer;

    @Autowired
    TransactionTemplate transactions;

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

        transactions.executeWithoutResult(status -> transfer.transfer(PersonKind.EMPLOYEE, TEACHER_A1));
        transactions.executeWithoutResult(status -> transfer.transfer(PersonKind.EMPLOYEE, TEACHER_A1));

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

        // no restart: the failed publication is resubmitted by itself (sferum.events.resubmit-every, 1 s here)
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

        transactions.executeWithoutResult(status -> transfer.transfer(PersonKind.EMPLOYEE, TEACHER_A1));

        assertThat(sferumUserIdOf(TEACHER_A1))
                .as("the transfer writes the link as the diary holds it now")
                .isEqualTo(ANNA);
    }

    @Test
    void fillsThePupilsAndTheParentsRecordsAndRepeatingChangesNothing() throws Exception {
        link(logIn("pupilA"), ANNA_LOGIN, ANNA_PASSWORD);
        link(logIn("parentA"), BORIS_LOGIN, BORIS_PASSWORD);
        awaitTransfers();
        var pupil = record("school.pupil", PUPIL_A);
        var parent = record("school.parent", PARENT_A);
        assertThat(pupil).startsWith(ANNA + " ").endsWith(" false");
        assertThat(parent).startsWith(BORIS + " ").endsWith(" false");

        transactions.executeWithoutResult(status -> transfer.transfer(PersonKind.PUPIL, PUPIL_A));
        transactions.executeWithoutResult(status -> transfer.transfer(PersonKind.PARENT, PARENT_A));
        transactions.executeWithoutResult(status -> transfer.transfer(PersonKind.PUPIL, PUPIL_A));

        assertThat(record("school.pupil", PUPIL_A)).isEqualTo(pupil);
        assertThat(record("school.parent", PARENT_A)).isEqualTo(parent);
        assertThat(count("school.employee where sferum_user_id is not null")).isZero();
    }

    @Test
    void aVkAccountStillShownForAnotherPupilMovesToThePupilWhoLinkedIt() throws Exception {
        // the other pupil's unlink was not transferred yet: their record still shows the account
        jdbc.sql("update school.pupil set sferum_user_id = :vk, sferum_linked_at = now() where id = :id")
                .param("vk", ANNA)
                .param("id", PUPIL_B)
                .update();

        link(logIn("pupilA"), ANNA_LOGIN, ANNA_PASSWORD);
        awaitTransfers();

        assertThat(sferumUserIdIn("school.pupil", PUPIL_A)).isEqualTo(ANNA);
        assertThat(sferumUserIdIn("school.pupil", PUPIL_B)).isNull();
        assertThat(count("event_publication where completion_date is null"))
                .as("the transfer did not fail on the unique VK account")
                .isZero();
    }

    @Test
    void anUnlinkedParentsRecordShowsNoAccountAndRepeatingKeepsItSo() throws Exception {
        var parent = logIn("parentA");
        link(parent, BORIS_LOGIN, BORIS_PASSWORD);
        awaitTransfers();
        mvc.perform(post("/diary/vkid/unlink").session(parent).with(csrf()));
        awaitTransfers();

        assertThat(sferumUserIdIn("school.parent", PARENT_A)).isNull();
        assertThat(count("school.parent where sferum_linked_at is not null")).isZero();
        transactions.executeWithoutResult(status -> transfer.transfer(PersonKind.PARENT, PARENT_A));
        assertThat(sferumUserIdIn("school.parent", PARENT_A)).isNull();
    }

    private String record(String table, java.util.UUID person) {
        return jdbc.sql("select sferum_user_id || ' ' || sferum_linked_at || ' ' || sferum_relink_required from "
                        + table + " where id = :id")
                .param("id", person)
                .query(String.class)
                .single();
    }

    private String staffFile(java.util.UUID employee) {
        return jdbc.sql("select sferum_user_id || ' ' || sferum_linked_at from school.employee where id = :id")
                .param("id", employee)
                .query(String.class)
                .single();
    }
}
