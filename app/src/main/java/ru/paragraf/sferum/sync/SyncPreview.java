package ru.paragraf.sferum.sync;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.school.OrganizationSummary;

/**
 * «Предпросмотр»: what the next SFERUM_SYNC run of a school would do, without doing it. The run refreshes the
 * school's readiness, plans with {@link Planner} and takes over the school's open operations; the preview asks the
 * same planner what it would enqueue and lists the same open operations, so the two agree.
 *
 * <p>Refreshing readiness writes only the engine's own cache of the credentials' and the task's state (as the run
 * does first): without it a stale cache could make the preview promise what the run would not do. Nothing reaches
 * the messenger and nothing is enqueued.
 */
@Component
class SyncPreview {

    private final Readiness readiness;
    private final SyncOrganizations organizations;
    private final Planner planner;
    private final PreviewQuery query;
    private final PreviewWords words;

    SyncPreview(
            Readiness readiness,
            SyncOrganizations organizations,
            Planner planner,
            PreviewQuery query,
            PreviewWords words) {
        this.readiness = readiness;
        this.organizations = organizations;
        this.planner = planner;
        this.query = query;
        this.words = words;
    }

    @Transactional
    SyncPreviewView of(OrganizationSummary organization) {
        var id = organization.id();
        var ready = readiness.refresh(id);
        var paused = organizations
                .find(id)
                .map(SyncOrganizations.State::pausedReason)
                .orElse(null);
        var state = paused != null
                ? SyncPreviewView.State.PAUSED
                : ready ? SyncPreviewView.State.READY : SyncPreviewView.State.NOT_CONNECTED;
        if (state != SyncPreviewView.State.READY) {
            // the run stops before planning or taking over the queue: what is queued waits
            var waiting = describe(id, List.of());
            return new SyncPreviewView(
                    id, organization.shortName(), state, words.state(state, paused), List.of(), waiting);
        }
        return new SyncPreviewView(
                id, organization.shortName(), state, null, describe(id, planner.preview(id)), List.of());
    }

    private List<PreviewOperation> describe(UUID organization, List<PlannedOperation> planned) {
        return query.describe(organization, planned).stream()
                .map(words::describe)
                .toList();
    }
}
