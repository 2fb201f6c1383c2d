package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.paragraf.sferum.accounts.CurrentUser;

/** The page «Состав чата» of a journal, reached from the journal's chat card. */
@Controller
class ChatMembersPage {

    private final ChatMembersAccess access;

    ChatMembersPage(ChatMembersAccess access) {
        this.access = access;
    }

    @GetMapping("/journals/{journal}/chat-members")
    String members(CurrentUser user, @PathVariable UUID journal, Model model) {
        model.addAttribute("view", access.of(user, journal));
        return "sync/chat-members";
    }
}
