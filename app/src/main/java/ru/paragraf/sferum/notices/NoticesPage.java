package ru.paragraf.sferum.notices;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import ru.paragraf.sferum.accounts.CurrentUser;

/** «Уведомления»: the person's notices, newest first, marked read one by one or all; their mail setting. */
@Controller
class NoticesPage {

    private final NoticeReading reading;
    private final Mailbox mailbox;
    private final NoticeTexts texts;

    NoticesPage(NoticeReading reading, Mailbox mailbox, NoticeTexts texts) {
        this.reading = reading;
        this.mailbox = mailbox;
        this.texts = texts;
    }

    @GetMapping("/notices")
    String page(CurrentUser user, Model model) {
        return show(user, model, reading.mail(user), null);
    }

    @PostMapping("/notices/read")
    String read(CurrentUser user, @RequestParam UUID notice) {
        if (!reading.markRead(user, notice)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        return "redirect:/notices";
    }

    @PostMapping("/notices/read-all")
    String readAll(CurrentUser user) {
        reading.markAllRead(user);
        return "redirect:/notices";
    }

    @PostMapping("/notices/mail")
    String mail(
            CurrentUser user,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(defaultValue = "false") boolean enabled,
            Model model,
            HttpServletResponse response) {
        try {
            reading.saveMail(user, MailSetting.chosen(MailAddress.check(address), enabled));
        } catch (InvalidMailAddressException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            var typed = address == null ? null : address.replaceAll("\\p{Cntrl}", "");
            return show(user, model, MailSetting.chosen(typed, enabled), texts.text(refused.getMessage()));
        }
        return "redirect:/notices?saved";
    }

    private String show(CurrentUser user, Model model, MailSetting mail, @Nullable String mailError) {
        model.addAttribute("notices", reading.of(user));
        model.addAttribute("unread", reading.unread(user));
        model.addAttribute("told", Audience.of(user) != null);
        model.addAttribute("mail", mail);
        model.addAttribute("mailKept", mailbox.keepsMail());
        model.addAttribute("mailError", mailError);
        return "notices/notices";
    }
}
