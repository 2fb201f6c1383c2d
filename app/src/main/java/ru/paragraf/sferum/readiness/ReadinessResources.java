package ru.paragraf.sferum.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.exchange.ExchangeRunStatus;

/** The readiness API's answers: codes and figures, no Russian words except the engine's own explanations. */
final class ReadinessResources {

    private ReadinessResources() {}

    /**
     * A school's readiness; {@code missingTeachers}, {@code failures} and {@code toFix} only on the school's own resource.
     * {@code removalsHeld}: its big removals wait «на удержании» ({@code /api/orgs/{org}/removal-hold}).
     */
    record School(
            UUID id,
            String code,
            String name,
            UUID districtId,
            String districtName,
            ReadinessStage stage,
            Credentials credentials,
            @Nullable Task task,
            Teachers teachers,
            Chats chats,
            Calls calls,
            @Nullable String pausedReason,
            boolean removalsHeld,
            int errors,
            Move move) {

        static School of(SchoolReadiness school, Week week) {
            var organization = school.organization();
            var community = school.community();
            var task = school.task();
            var sync = school.sync();
            return new School(
                    organization.id(),
                    organization.code(),
                    organization.shortName(),
                    organization.districtId(),
                    organization.districtName(),
                    school.stage(),
                    new Credentials(
                            school.credentials(),
                            community == null ? null : community.communityId(),
                            community == null || community.failure() == null
                                    ? null
                                    : community.failure().name(),
                            community == null ? null : community.verdictAt(),
                            community == null ? null : community.messenger()),
                    task == null
                            ? null
                            : new Task(
                                    task.taskId(),
                                    task.enabled(),
                                    task.lastRunId() == null
                                            ? null
                                            : new Run(
                                                    task.lastRunId(),
                                                    task.lastRunStatus(),
                                                    task.lastRunFinishedAt(),
                                                    task.lastRunCounts() == null
                                                            ? Map.of()
                                                            : Map.of(
                                                                    "ok",
                                                                            task.lastRunCounts()
                                                                                    .ok(),
                                                                    "warnings",
                                                                            task.lastRunCounts()
                                                                                    .warnings(),
                                                                    "errors",
                                                                            task.lastRunCounts()
                                                                                    .errors(),
                                                                    "skipped",
                                                                            task.lastRunCounts()
                                                                                    .skipped()))),
                    new Teachers(school.teachers().teachers(), school.teachers().linked(), school.teacherPercent()),
                    new Chats(sync.chatsRequested(), sync.chatsCreated(), sync.chatsFailed()),
                    new Calls(week.monday(), week.sunday(), sync.videoLessons(), sync.callsReady(), sync.callsFailed()),
                    sync.pausedReason(),
                    sync.removalsHeld(),
                    school.errors(),
                    new Move(school.move().moved(), school.move().toMove()));
        }
    }

    /**
     * The credentials in «База ссылок».
     *
     * @param failure the {@code RejectionReason} when Sferum refused them
     */
    /** @param messenger {@code VK} or {@code MAX}; {@code communityId} is then the MAX bot's user id */
    record Credentials(
            CredentialsStatus status,
            @Nullable Long communityId,
            @Nullable String failure,
            @Nullable OffsetDateTime verdictAt,
            @Nullable String messenger) {}

    /** The SFERUM_SYNC task and its last finished run. */
    record Task(UUID id, boolean enabled, @Nullable Run lastRun) {}

    /** A finished run with its item counts. */
    record Run(UUID id, @Nullable ExchangeRunStatus status, @Nullable Instant finishedAt, Map<String, Integer> items) {}

    /** Teachers and those of them with a linked VK ID. */
    record Teachers(int total, int linked, int percent) {}

    /**
     * A move to MAX: journals whose MAX chat is adopted, of the journals whose VK chat is kept ({@code toMove} 0: no
     * move). With {@code schools}, in sums: the schools moving.
     */
    record Move(int moved, int toMove) {}

    /** The move to MAX in sums: schools with journals to move, journals moved of those to move. */
    record Moves(int schools, int moved, int toMove) {}

    /** Requested subject chats, created and failed. */
    record Chats(int requested, int created, int failed) {}

    /** Video lessons published for the week and their calls. */
    record Calls(LocalDate weekFrom, LocalDate weekTo, int videoLessons, int ready, int failed) {}

    /** One school with what is behind its figures. */
    record SchoolDetails(
            School school, List<MissingTeacher> missingTeachers, List<Failure> failures, List<ToFix> toFix) {

        static SchoolDetails of(SchoolReadinessView view) {
            return new SchoolDetails(
                    School.of(view.school(), view.week()),
                    view.missing().stream()
                            .map(t -> new MissingTeacher(t.employeeId(), t.fullName(), t.position()))
                            .toList(),
                    view.failures().stream()
                            .map(f -> new Failure(
                                    f.kind().name(),
                                    f.journalId(),
                                    f.lessonId(),
                                    f.title(),
                                    f.lessonDate(),
                                    f.startsAt(),
                                    f.problem(),
                                    f.link()))
                            .toList(),
                    view.fixes());
        }
    }

    /** A teacher without a linked VK ID. */
    record MissingTeacher(UUID employeeId, String fullName, String position) {}

    /** A failed subject chat ({@code CHAT}) or call ({@code CALL}). */
    record Failure(
            String kind,
            UUID journalId,
            @Nullable UUID lessonId,
            String title,
            @Nullable LocalDate lessonDate,
            @Nullable LocalTime startsAt,
            @Nullable String problem,
            String link) {}

    /** The sums over schools. */
    record Totals(
            int schools,
            Map<ReadinessStage, Integer> stages,
            int credentialsVerified,
            int tasksEnabled,
            int lastRunsSucceeded,
            int lastRunsWithErrors,
            Teachers teachers,
            Chats chats,
            int videoLessons,
            int callsReady,
            int callsFailed,
            int errors,
            Moves moves) {

        static Totals of(ReadinessTotals t) {
            return new Totals(
                    t.schools(),
                    t.stages(),
                    t.credentialsVerified(),
                    t.tasksEnabled(),
                    t.runsSucceeded(),
                    t.runsWithErrors(),
                    new Teachers(t.teachers(), t.linked(), t.teacherPercent()),
                    new Chats(t.chatsRequested(), t.chatsCreated(), t.chatsFailed()),
                    t.videoLessons(),
                    t.callsReady(),
                    t.callsFailed(),
                    t.errors(),
                    new Moves(t.schoolsMoving(), t.journalsMoved(), t.journalsToMove()));
        }
    }

    /** A district with its schools' totals. */
    record District(UUID id, String name, Totals totals) {

        static District of(DistrictReadiness district) {
            return new District(district.id(), district.name(), Totals.of(district.totals()));
        }
    }

    /**
     * A district's or the city's readiness: totals of all schools, per district (the city), and the schools as sorted.
     *
     * @param district the district, for a district's readiness
     */
    record Overview(
            @Nullable District district,
            LocalDate weekFrom,
            LocalDate weekTo,
            Totals totals,
            List<District> districts,
            List<School> schools) {

        static Overview of(ReadinessOverview overview, boolean oneDistrict) {
            var districts = overview.districts().stream().map(District::of).toList();
            return new Overview(
                    oneDistrict ? districts.get(0) : null,
                    overview.week().monday(),
                    overview.week().sunday(),
                    Totals.of(overview.totals()),
                    oneDistrict ? List.of() : districts,
                    overview.table().rows().stream()
                            .map(row -> School.of(row.school(), overview.week()))
                            .toList());
        }
    }
}
