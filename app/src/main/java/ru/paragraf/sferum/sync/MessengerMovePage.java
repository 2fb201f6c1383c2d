package ru.paragraf.sferum.sync;

import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * «Перейти на MAX» and «Вернуться в VK» on the school's «База ссылок»: the bot token is entered and checked for the
 * preview; the confirmation uses the token kept for it in the person's session on the server (never put in the page),
 * once. After the move, the page shows per journal whether its chat is moved or waits for adoption. Refusals are shown
 * in Russian on the page.
 */
@Controller
class MessengerMovePage {

    private static final String TOKEN = "messenger-move-token:";

    private final MessengerMoveDecisions decisions;
    private final SyncPreviewAccess access;
    private final OperationProblems texts;

    MessengerMovePage(MessengerMoveDecisions decisions, SyncPreviewAccess access, OperationProblems texts) {
        this.decisions = decisions;
        this.access = access;
        this.texts = texts;
    }

    @GetMapping("/orgs/{organization}/linkbase/move")
    String page(CurrentUser user, @PathVariable UUID organization, Model model) {
        return show(user, organization, null, null, model);
    }

    @PostMapping("/orgs/{organization}/linkbase/move/preview")
    String preview(
            CurrentUser user,
            @PathVariable UUID organization,
            @RequestParam(required = false) @Nullable String botToken,
            HttpSession session,
            Model model) {
        try {
            var preview = decisions.previewToMax(user, organization, botToken);
            session.setAttribute(TOKEN + organization, botToken == null ? "" : botToken.strip());
            return show(user, organization, preview, null, model);
        } catch (ErrorResponseException refused) {
            return show(user, organization, null, refused.getBody().getDetail(), model);
        }
    }

    @PostMapping("/orgs/{organization}/linkbase/move")
    String move(
            CurrentUser user,
            @PathVariable UUID organization,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        var token = (String) session.getAttribute(TOKEN + organization);
        if (token == null) {
            return show(user, organization, null, texts.text("sync.move.page.previewFirst"), model);
        }
        try {
            decisions.moveToMax(user, organization, token);
            session.removeAttribute(TOKEN + organization);
        } catch (ErrorResponseException refused) {
            return show(user, organization, null, refused.getBody().getDetail(), model);
        }
        redirect.addFlashAttribute("moveNotice", texts.text("sync.move.page.moved"));
        return "redirect:/orgs/" + organization + "/linkbase/move";
    }

    @PostMapping("/orgs/{organization}/linkbase/move-back/preview")
    String previewBack(CurrentUser user, @PathVariable UUID organization, Model model) {
        try {
            return show(user, organization, decisions.previewBack(user, organization), null, model);
        } catch (ErrorResponseException refused) {
            return show(user, organization, null, refused.getBody().getDetail(), model);
        }
    }

    @PostMapping("/orgs/{organization}/linkbase/move-back")
    String moveBack(CurrentUser user, @PathVariable UUID organization, Model model, RedirectAttributes redirect) {
        try {
            decisions.moveBack(user, organization);
        } catch (ErrorResponseException refused) {
            return show(user, organization, null, refused.getBody().getDetail(), model);
        }
        redirect.addFlashAttribute("moveNotice", texts.text("sync.move.page.movedBack"));
        return "redirect:/orgs/" + organization + "/linkbase/move";
    }

    private String show(
            CurrentUser user, UUID organization, @Nullable MovePreview preview, @Nullable String error, Model model) {
        var school = access.organization(user, organization);
        model.addAttribute("organization", school);
        model.addAttribute("move", decisions.view(school.id()));
        model.addAttribute("preview", preview);
        model.addAttribute("moveError", error);
        return "sync/move";
    }
}
