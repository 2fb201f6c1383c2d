package ru.paragraf.sferum.school;

import java.util.HashMap;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.MapBindingResult;
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
    private final VideoRooms rooms;
    private final MessageSource messages;

    ChatPolicyPages(ChatPolicyEditing editing, Organizations organizations, VideoRooms rooms, MessageSource messages) {
        this.editing = editing;
        this.organizations = organizations;
        this.rooms = rooms;
        this.messages = messages;
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
            @RequestParam(required = false) @Nullable String videoRoomTemplate,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        ChatPolicyEditing.VideoRoom room = null;
        if (videoRoomTemplate != null) {
            var current = editing.of(user, organization); // 403 or 404 before the template is judged
            var errors = new MapBindingResult(new HashMap<String, Object>(), "form");
            var template = rooms.check(videoRoomTemplate, errors, "videoRoomTemplate");
            if (errors.hasErrors()) {
                // nothing saved: the card again, with the template as typed and why it was refused
                model.addAttribute("policy", current);
                model.addAttribute("videoRoomTemplate", videoRoomTemplate);
                model.addAttribute(
                        "videoRoomError",
                        messages.getMessage(errors.getFieldErrors().get(0), Locale.forLanguageTag("ru")));
                if (htmx == null) {
                    model.addAttribute(
                            "organization",
                            organizations
                                    .find(SchoolScope.of(user), organization)
                                    .orElseThrow(SchoolPages::notFound));
                    return "school/chat-policy";
                }
                return "school/chat-policy :: card";
            }
            room = new ChatPolicyEditing.VideoRoom(template);
        }
        var policy = editing.change(user, organization, parentsInChats, removeStrangers, emptyArchivedChats, room);
        if (htmx == null) {
            return "redirect:/orgs/" + organization + "/chat-policy";
        }
        model.addAttribute("policy", policy);
        model.addAttribute("saved", true);
        return "school/chat-policy :: card";
    }
}
