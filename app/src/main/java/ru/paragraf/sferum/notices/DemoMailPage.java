package ru.paragraf.sferum.notices;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** «Отправленная почта» of the demo: with no SMTP server configured, the digests that would have gone out. */
@Controller
class DemoMailPage {

    private final Mailbox mailbox;

    DemoMailPage(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/demo/mail")
    String page(Model model) {
        if (!(mailbox instanceof Outbox outbox)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        model.addAttribute("mails", outbox.newest());
        return "notices/demo-mail";
    }
}
