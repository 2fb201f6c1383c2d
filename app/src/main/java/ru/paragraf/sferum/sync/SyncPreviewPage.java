package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.exchange.ExchangeTaskState;
import ru.paragraf.sferum.exchange.ExchangeTaskStates;

/**
 * The page «Предпросмотр» of a school, reached from its SFERUM_SYNC exchange task; it offers «Запустить сейчас» of
 * that task, so the admin can run what was just shown.
 */
@Controller
class SyncPreviewPage {

    private final SyncPreviewAccess access;
    private final SyncPreview preview;
    private final ExchangeTaskStates tasks;
    private final RemovalHolds holds;

    SyncPreviewPage(SyncPreviewAccess access, SyncPreview preview, ExchangeTaskStates tasks, RemovalHolds holds) {
        this.access = access;
        this.preview = preview;
        this.tasks = tasks;
        this.holds = holds;
    }

    @GetMapping("/orgs/{organization}/sync-preview")
    String preview(CurrentUser user, @PathVariable UUID organization, Model model) {
        model.addAttribute("preview", preview.of(access.organization(user, organization)));
        model.addAttribute(
                "taskId",
                tasks.of(organization, Readiness.TASK_TYPE)
                        .map(ExchangeTaskState::taskId)
                        .orElse(null));
        model.addAttribute("removalsHeld", holds.held(organization).isPresent());
        return "sync/preview";
    }
}
