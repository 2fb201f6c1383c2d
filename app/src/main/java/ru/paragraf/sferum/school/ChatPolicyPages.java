package ru.paragraf.sferum.school;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * The organization's tab «Настройки чатов», beside «База ссылок». A switch saves at once (htmx answers with the card);
 * without scripts the form's button does the same. An unchecked switch is absent from the form, hence false.
 */
@Controller
class ChatPolicyPages {

    private final ChatPolicyEditing editing;
    private final Organizations organizations;

    ChatPolicyPages(ChatPolicyEditing editing, Organizations organizations) {
        this.editing = editing;
        this.organizations = organizations;
    }

    @GetMapping("/orgs/{organization}/chat-policy")
    String page(CurrentUser user, @PathVariable UUID organization, Model model) {
        model.addAttribute("policy", editing.of(user, organization));
        model.addAttribute(
                "organization",
                organizations.find(SchoolScope.of(user), organization).orElseThrow(SchoolPages::notFound));
        return "school/chat-policy";
    }

    @PostMapping("/orgs/{organization}/chat-policy")
    String change(
            CurrentUser user,
            @PathVariable UUID organization,
            @RequestParam(defaultValue = "false") boolean parentsInChats,
            @RequestParam(defaultValue = "false") boolean removeStrangers,
            @RequestParam(defaultValue = "false") boolean emptyArchivedChats,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var policy = editing.change(user, organization, parentsInChats, removeStrangers, emptyArchivedChats);
        if (htmx == null) {
            return "redirect:/orgs/" + organization + "/chat-policy";
        }
        model.addAttribute("policy", policy);
        model.addAttribute("saved", true);
        return "school/chat-policy :: card";
    }
}
