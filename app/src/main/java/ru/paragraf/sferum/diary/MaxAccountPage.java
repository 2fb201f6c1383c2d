package ru.paragraf.sferum.diary;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * The «MAX» card of the diary's «Чаты»: «Привязать MAX» shows a one-time deep link to the school's bot (once: only
 * its hash is kept), «Отвязать» removes the link.
 */
@Controller
class MaxAccountPage {

    private final MaxAccountLinking linking;

    MaxAccountPage(MaxAccountLinking linking) {
        this.linking = linking;
    }

    @PostMapping("/diary/max/link")
    String link(CurrentUser user, RedirectAttributes redirect) {
        var person = DiaryPerson.of(user).orElseThrow(MaxAccountPage::notFound);
        var link = linking.startLink(person).orElseThrow(MaxAccountPage::notFound);
        redirect.addFlashAttribute("maxLink", link);
        return "redirect:/diary/chats";
    }

    @PostMapping("/diary/max/unlink")
    String unlink(CurrentUser user) {
        var person = DiaryPerson.of(user).orElseThrow(MaxAccountPage::notFound);
        linking.unlink(user, person);
        return "redirect:/diary/chats?max=unlinked";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
