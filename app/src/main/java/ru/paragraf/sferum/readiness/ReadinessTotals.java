package ru.paragraf.sferum.readiness;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ru.paragraf.sferum.exchange.ExchangeRunStatus;

/** The sums of a readiness table: how many schools got how far, and all their teachers, chats, calls and errors. */
record ReadinessTotals(
        int schools,
        Map<ReadinessStage, Integer> stages,
        int credentialsVerified,
        int tasksEnabled,
        int runsSucceeded,
        int runsWithErrors,
        int teachers,
        int linked,
        int chatsRequested,
        int chatsCreated,
        int chatsFailed,
        int videoLessons,
        int callsReady,
        int callsFailed,
        int errors,
        int schoolsMoving,
        int journalsMoved,
        int journalsToMove) {

    static ReadinessTotals of(List<SchoolReadiness> schools) {
        var stages = new EnumMap<ReadinessStage, Integer>(ReadinessStage.class);
        for (var stage : ReadinessStage.values()) {
            stages.put(stage, 0);
        }
        int verified = 0, enabled = 0, succeeded = 0, failing = 0, teachers = 0, linked = 0;
        int requested = 0, created = 0, chatsFailed = 0, lessons = 0, ready = 0, callsFailed = 0, errors = 0;
        int moving = 0, moved = 0, toMove = 0;
        for (var school : schools) {
            stages.merge(school.stage(), 1, Integer::sum);
            verified += school.credentials() == CredentialsStatus.VERIFIED ? 1 : 0;
            enabled += school.taskEnabled() ? 1 : 0;
            succeeded += school.lastRunStatus() == ExchangeRunStatus.SUCCEEDED ? 1 : 0;
            failing += school.lastRunStatus() == ExchangeRunStatus.FAILED
                            || school.lastRunStatus() == ExchangeRunStatus.PARTIAL
                    ? 1
                    : 0;
            teachers += school.teachers().teachers();
            linked += school.teachers().linked();
            requested += school.sync().chatsRequested();
            created += school.sync().chatsCreated();
            chatsFailed += school.sync().chatsFailed();
            lessons += school.sync().videoLessons();
            ready += school.sync().callsReady();
            callsFailed += school.sync().callsFailed();
            errors += school.errors();
            moving += school.move().moving() ? 1 : 0;
            moved += school.move().moved();
            toMove += school.move().toMove();
        }
        return new ReadinessTotals(
                schools.size(),
                java.util.Collections.unmodifiableMap(stages),
                verified,
                enabled,
                succeeded,
                failing,
                teachers,
                linked,
                requested,
                created,
                chatsFailed,
                lessons,
                ready,
                callsFailed,
                errors,
                moving,
                moved,
                toMove);
    }

    /** Linked teachers of all schools in whole percent, rounded down. */
    public int teacherPercent() {
        return teachers == 0 ? 0 : (int) (linked * 100L / teachers);
    }

    public int stage(ReadinessStage stage) {
        return stages.getOrDefault(stage, 0);
    }
}
