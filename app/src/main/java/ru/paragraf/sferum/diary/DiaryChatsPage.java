package ru.paragraf.sferum.diary;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.school.Timetables;

/**
 * The diary's «Чаты» tab: the person's own VK ID card («Привязать к VK ID») for teachers, pupils and parents alike,
 * and the subject chats of the person's journals with «Вступить в чат»; for parents the chats of the chosen child
 * (the card stays the parent's own, whichever child is chosen).
 */
@Controller
class DiaryChatsPage {

    private final DiaryChats chats;
    private final Timetables timetables;
    private final VkIdFlow flow;
    private final MaxAccountLinking max;

    DiaryChatsPage(DiaryChats chats, Timetables timetables, VkIdFlow flow, MaxAccountLinking max) {
        this.chats = chats;
        this.timetables = timetables;
        this.flow = flow;
        this.max = max;
    }

    @GetMapping("/diary/chats")
    String chats(
            CurrentUser user,
            @RequestParam(name = "vkid", required = false) @Nullable String notice,
            @RequestParam(required = false) @Nullable UUID child,
            Model model) {
        DiaryPerson.of(user).ifPresent(person -> {
            model.addAttribute("vkid", flow.status(person));
            model.addAttribute("notice", notice);
            model.addAttribute("max", max.status(person));
        });
        model.addAttribute("teacher", user.is(Role.TEACHER));
        if (user.is(Role.TEACHER)) {
            model.addAttribute("chats", chats.ofTeacher(user.employeeId()));
            model.addAttribute("archive", chats.archivedOf(user.employeeId()));
        } else if (user.is(Role.PUPIL)) {
            model.addAttribute("chats", chats.ofPupil(user.pupilId(), user.pupilId()));
            model.addAttribute("archive", chats.archivedOf(user.pupilId()));
        } else {
            model.addAttribute("archive", chats.archivedOf(user.parentId()));
            var choice = ChildChoice.of(timetables.childrenOf(user.parentId()), child);
            model.addAttribute("children", choice.children());
            if (choice.selected() != null) {
                model.addAttribute("child", choice.selected());
                model.addAttribute("chats", chats.ofPupil(choice.selected().id(), user.parentId()));
            }
        }
        return "diary/chats";
    }
}
