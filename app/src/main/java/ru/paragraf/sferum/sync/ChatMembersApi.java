package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;

/** «Состав чата» in the API: the same people, states and strangers as the page; 404 problem details otherwise. */
@RestController
class ChatMembersApi {

    private final ChatMembersAccess access;

    ChatMembersApi(ChatMembersAccess access) {
        this.access = access;
    }

    @GetMapping("/api/journals/{journal}/chat-members")
    ChatMembersView members(CurrentUser user, @PathVariable UUID journal) {
        return access.of(user, journal);
    }
}
