package ru.paragraf.sferum.readiness;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.exchange.ExchangeRunStatus;
import ru.paragraf.sferum.exchange.ExchangeTaskState;
import ru.paragraf.sferum.linkbase.CommunityStates.CommunityState;
import ru.paragraf.sferum.school.OrganizationSummary;
import ru.paragraf.sferum.school.TeacherSferumAccounts.LinkedTeachers;
import ru.paragraf.sferum.sync.SyncOverview.Figures;
import ru.paragraf.sferum.sync.SyncOverview.MoveProgress;

/**
 * The facts of one school's readiness and what follows from them: its stage, the share of teachers with a VK ID and
 * the number of errors to fix.
 *
 * @param community the credentials in «База ссылок», if entered
 * @param task the SFERUM_SYNC task with its last finished run, if added
 * @param sync subject chats, this week's video calls and a pause of the synchronization
 * @param move the school's move to MAX: journals moved, of those to move
 */
record SchoolReadiness(
        OrganizationSummary organization,
        @Nullable CommunityState community,
        @Nullable ExchangeTaskState task,
        LinkedTeachers teachers,
        Figures sync,
        MoveProgress move) {

    SchoolReadiness(
            OrganizationSummary organization,
            @Nullable CommunityState community,
            @Nullable ExchangeTaskState task,
            LinkedTeachers teachers,
            Figures sync) {
        this(organization, community, task, teachers, sync, MoveProgress.NONE);
    }

    /** The share of teachers who must link a VK ID for the stage {@link ReadinessStage#TEACHERS}, in percent. */
    static final int TEACHERS_TARGET_PERCENT = 80;

    public CredentialsStatus credentials() {
        return CredentialsStatus.of(community);
    }

    /** The school's messenger is MAX (its bot is in «База ссылок»): people are counted by their MAX accounts. */
    public boolean onMax() {
        return community != null && community.max();
    }

    public boolean taskEnabled() {
        return task != null && task.enabled();
    }

    @Nullable
    public ExchangeRunStatus lastRunStatus() {
        return task == null ? null : task.lastRunStatus();
    }

    @Nullable
    public Instant lastRunFinishedAt() {
        return task == null ? null : task.lastRunFinishedAt();
    }

    /** The Bootstrap badge of the last run's status. */
    public String runBadge() {
        var status = lastRunStatus();
        if (status == null) {
            return "text-bg-light";
        }
        switch (status) {
            case SUCCEEDED:
                return "text-bg-success";
            case PARTIAL:
                return "text-bg-warning";
            case FAILED:
                return "text-bg-danger";
            default:
                return "text-bg-secondary";
        }
    }

    /** Linked teachers in whole percent, rounded down so that 79.9 % never shows as the target; 0 without teachers. */
    public int teacherPercent() {
        return teachers.teachers() == 0 ? 0 : teachers.linked() * 100 / teachers.teachers();
    }

    public boolean teachersLinked() {
        return teachers.teachers() > 0 && teachers.linked() * 100 >= TEACHERS_TARGET_PERCENT * teachers.teachers();
    }

    public boolean paused() {
        return sync.pausedReason() != null;
    }

    public boolean chatsWork() {
        return sync.chatsCreated() > 0 && !paused();
    }

    public ReadinessStage stage() {
        if (credentials() != CredentialsStatus.VERIFIED) {
            return ReadinessStage.NOT_CONNECTED;
        }
        if (!taskEnabled()) {
            return ReadinessStage.CREDENTIALS;
        }
        if (!teachersLinked()) {
            return ReadinessStage.TASK;
        }
        return chatsWork() ? ReadinessStage.CHATS : ReadinessStage.TEACHERS;
    }

    /** Refused credentials, a paused synchronization, failed chats and failed calls of this week's video lessons. */
    public int errors() {
        return (credentials() == CredentialsStatus.FAILED ? 1 : 0)
                + (paused() ? 1 : 0)
                + sync.chatsFailed()
                + sync.callsFailed();
    }
}
