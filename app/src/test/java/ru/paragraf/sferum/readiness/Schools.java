package ru.paragraf.sferum.readiness;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.exchange.ExchangeRunStatus;
import ru.paragraf.sferum.exchange.ExchangeTaskState;
import ru.paragraf.sferum.exchange.ItemCounts;
import ru.paragraf.sferum.linkbase.CommunityStates.CommunityState;
import ru.paragraf.sferum.linkbase.RejectionReason;
import ru.paragraf.sferum.linkbase.VerificationState;
import ru.paragraf.sferum.school.OrganizationSummary;
import ru.paragraf.sferum.school.TeacherSferumAccounts.LinkedTeachers;
import ru.paragraf.sferum.sync.SyncOverview.Figures;

/** Schools' readiness built in memory, one fact at a time, for the model's plain tests. */
final class Schools {

    private static final UUID DISTRICT = new UUID(7, 1);

    private OrganizationSummary organization;
    private @Nullable CommunityState community;
    private @Nullable ExchangeTaskState task;
    private LinkedTeachers teachers = new LinkedTeachers(0, 0);
    private Figures sync = Figures.NONE;

    private Schools(String code, String name, String district) {
        var id = UUID.nameUUIDFromBytes(code.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        organization = new OrganizationSummary(id, code, name, DISTRICT, district);
    }

    static Schools school(String code) {
        return new Schools(code, "School " + code, "District");
    }

    static Schools school(String code, String name, String district) {
        return new Schools(code, name, district);
    }

    Schools verified() {
        return credentials(VerificationState.VERIFIED, null);
    }

    Schools credentials(VerificationState state, @Nullable RejectionReason failure) {
        community = new CommunityState(organization.id(), 227_000_000L, state, failure, null, "VK");
        return this;
    }

    Schools task(boolean enabled) {
        task = new ExchangeTaskState(
                UUID.randomUUID(), organization.id(), "SFERUM_SYNC", enabled, null, null, null, null);
        return this;
    }

    Schools lastRun(ExchangeRunStatus status, Instant finishedAt, int errors) {
        task = new ExchangeTaskState(
                UUID.randomUUID(),
                organization.id(),
                "SFERUM_SYNC",
                true,
                UUID.randomUUID(),
                status,
                finishedAt,
                new ItemCounts(1, 0, errors, 0));
        return this;
    }

    Schools teachers(int linked, int of) {
        teachers = new LinkedTeachers(of, linked);
        return this;
    }

    Schools chats(int requested, int created, int failed) {
        sync = new Figures(
                requested,
                created,
                failed,
                sync.videoLessons(),
                sync.callsReady(),
                sync.callsFailed(),
                sync.pausedReason(),
                sync.removalsHeld());
        return this;
    }

    Schools calls(int lessons, int ready, int failed) {
        sync = new Figures(
                sync.chatsRequested(),
                sync.chatsCreated(),
                sync.chatsFailed(),
                lessons,
                ready,
                failed,
                sync.pausedReason(),
                sync.removalsHeld());
        return this;
    }

    Schools paused(String reason) {
        sync = new Figures(
                sync.chatsRequested(),
                sync.chatsCreated(),
                sync.chatsFailed(),
                sync.videoLessons(),
                sync.callsReady(),
                sync.callsFailed(),
                reason,
                sync.removalsHeld());
        return this;
    }

    SchoolReadiness build() {
        return new SchoolReadiness(organization, community, task, teachers, sync);
    }
}
