package ru.paragraf.sferum.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.readiness.Schools.school;

import org.junit.jupiter.api.Test;
import ru.paragraf.sferum.linkbase.RejectionReason;
import ru.paragraf.sferum.linkbase.VerificationState;

/** A school's stage follows the seed's steps in order; the teachers' step needs 80 % of them with a VK ID. */
class SchoolReadinessTests {

    @Test
    void isNotConnectedWithoutVerifiedCredentialsWhateverElseIsDone() {
        assertThat(school("1").task(true).teachers(5, 5).chats(1, 1, 0).build().stage())
                .isEqualTo(ReadinessStage.NOT_CONNECTED);
        assertThat(school("2")
                        .credentials(VerificationState.UNVERIFIED, null)
                        .task(true)
                        .build()
                        .stage())
                .isEqualTo(ReadinessStage.NOT_CONNECTED);
        assertThat(school("3")
                        .credentials(VerificationState.FAILED, RejectionReason.TOKEN_REVOKED)
                        .build()
                        .stage())
                .isEqualTo(ReadinessStage.NOT_CONNECTED);
    }

    @Test
    void climbsStageByStage() {
        assertThat(school("1").verified().build().stage()).isEqualTo(ReadinessStage.CREDENTIALS);
        assertThat(school("2").verified().task(false).teachers(2, 2).build().stage())
                .isEqualTo(ReadinessStage.CREDENTIALS);
        assertThat(school("3").verified().task(true).teachers(1, 2).build().stage())
                .isEqualTo(ReadinessStage.TASK);
        assertThat(school("4").verified().task(true).teachers(2, 2).build().stage())
                .isEqualTo(ReadinessStage.TEACHERS);
        assertThat(school("5")
                        .verified()
                        .task(true)
                        .teachers(2, 2)
                        .chats(3, 1, 0)
                        .build()
                        .stage())
                .isEqualTo(ReadinessStage.CHATS);
    }

    @Test
    void needsEightyPercentOfTeachersAndAtLeastOne() {
        assertThat(school("1").verified().task(true).teachers(4, 5).build().teachersLinked())
                .isTrue();
        assertThat(school("2").verified().task(true).teachers(79, 100).build().teachersLinked())
                .isFalse();
        assertThat(school("3").verified().task(true).teachers(0, 0).build().teachersLinked())
                .isFalse();
        assertThat(school("4").teachers(2, 3).build().teacherPercent())
                .as("rounded down")
                .isEqualTo(66);
    }

    @Test
    void pausedChatsDoNotWork() {
        var paused = school("1")
                .verified()
                .task(true)
                .teachers(1, 1)
                .chats(1, 1, 0)
                .paused("token revoked")
                .build();
        assertThat(paused.stage()).isEqualTo(ReadinessStage.TEACHERS);
        assertThat(paused.errors()).isOne();
    }

    @Test
    void countsRefusedCredentialsPauseFailedChatsAndFailedCallsAsErrors() {
        var school = school("1")
                .credentials(VerificationState.FAILED, RejectionReason.UNKNOWN_COMMUNITY)
                .chats(3, 1, 2)
                .calls(4, 1, 3)
                .paused("revoked")
                .build();
        assertThat(school.errors()).isEqualTo(1 + 1 + 2 + 3);
    }
}
