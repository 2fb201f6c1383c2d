package ru.paragraf.sferum.readiness;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.exchange.ExchangeTaskState;
import ru.paragraf.sferum.exchange.ExchangeTaskStates;
import ru.paragraf.sferum.linkbase.CommunityStates;
import ru.paragraf.sferum.linkbase.CommunityStates.CommunityState;
import ru.paragraf.sferum.school.OrganizationSummary;
import ru.paragraf.sferum.school.TeacherSferumAccounts;
import ru.paragraf.sferum.school.TeacherSferumAccounts.LinkedTeachers;
import ru.paragraf.sferum.sync.SyncOverview;
import ru.paragraf.sferum.sync.SyncOverview.Figures;

/**
 * Gathers the readiness of many schools at once: one set-based query per module that holds a part of it, whatever
 * the number of schools, all in one read-only transaction so that the figures fit together.
 */
@Component
class ReadinessFacts {

    /** The exchange task type that synchronizes chats and calls (sync's {@code SferumSyncTask}). */
    static final String SFERUM_SYNC = "SFERUM_SYNC";

    private static final LinkedTeachers NO_TEACHERS = new LinkedTeachers(0, 0);

    private final CommunityStates communities;
    private final ExchangeTaskStates tasks;
    private final TeacherSferumAccounts teachers;
    private final SyncOverview sync;

    ReadinessFacts(
            CommunityStates communities, ExchangeTaskStates tasks, TeacherSferumAccounts teachers, SyncOverview sync) {
        this.communities = communities;
        this.tasks = tasks;
        this.teachers = teachers;
        this.sync = sync;
    }

    /** The readiness of these schools, in their order. */
    @Transactional(readOnly = true)
    List<SchoolReadiness> of(List<OrganizationSummary> organizations, Week week) {
        var ids = organizations.stream().map(OrganizationSummary::id).toList();
        Map<UUID, CommunityState> credentials = communities.of(ids).stream()
                .collect(Collectors.toMap(CommunityState::organizationId, Function.identity()));
        Map<UUID, ExchangeTaskState> syncTasks = ids.size() == 1
                ? tasks.of(ids.get(0), SFERUM_SYNC).stream()
                        .collect(Collectors.toMap(ExchangeTaskState::organizationId, Function.identity()))
                : tasks.ofType(SFERUM_SYNC).stream()
                        .collect(Collectors.toMap(ExchangeTaskState::organizationId, Function.identity()));
        // a MAX school's teachers count by the MAX account its bot adds them by
        var onMax = credentials.values().stream()
                .filter(CommunityState::max)
                .map(CommunityState::organizationId)
                .toList();
        var linked = teachers.countsOf(ids, onMax);
        var figures = sync.figuresOf(ids, week.monday(), week.sunday());
        var moves = sync.moveProgressOf(ids);
        return organizations.stream()
                .map(organization -> new SchoolReadiness(
                        organization,
                        credentials.get(organization.id()),
                        syncTasks.get(organization.id()),
                        linked.getOrDefault(organization.id(), NO_TEACHERS),
                        figures.getOrDefault(organization.id(), Figures.NONE),
                        moves.getOrDefault(organization.id(), SyncOverview.MoveProgress.NONE)))
                .toList();
    }
}
