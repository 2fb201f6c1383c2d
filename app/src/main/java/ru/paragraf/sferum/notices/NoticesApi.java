package ru.paragraf.sferum.notices;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;

/** The caller's own notices and mail setting. */
@RestController
class NoticesApi {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final NoticeReading reading;
    private final Mailbox mailbox;
    private final MessageSource messages;

    NoticesApi(NoticeReading reading, Mailbox mailbox, MessageSource messages) {
        this.reading = reading;
        this.mailbox = mailbox;
        this.messages = messages;
    }

    @GetMapping("/api/notices")
    @Operation(
            summary = "The caller's notices, newest first (at most 100), and how many open ones are unread",
            description = "A notice is closed (closedAt) once its cause was fixed; the same open cause is told once"
                    + " (occurrences counts it).")
    NoticeList list(CurrentUser user) {
        return new NoticeList(reading.unread(user), reading.of(user));
    }

    @PostMapping("/api/notices/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark one of the caller's notices read")
    @ApiResponse(responseCode = "404", description = "The caller has no such notice")
    void read(CurrentUser user, @RequestBody ReadRequest body) {
        if (body.notice() == null || !reading.markRead(user, body.notice())) {
            throw new NoticeNotFoundException();
        }
    }

    @PostMapping("/api/notices/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark all the caller's notices read")
    void readAll(CurrentUser user) {
        reading.markAllRead(user);
    }

    @GetMapping("/api/notices/mail")
    @Operation(summary = "The caller's mail setting: the address of the daily digest and whether mail is on")
    MailAnswer mail(CurrentUser user) {
        var mail = reading.mail(user);
        return new MailAnswer(mail.address(), mail.enabled(), mail.fromStaffFile(), mailbox.keepsMail());
    }

    @PutMapping("/api/notices/mail")
    @Operation(summary = "Set the caller's digest address (blank: none) and turn mail on or off")
    @ApiResponse(responseCode = "422", description = "ADDRESS_INVALID (`reason`): not one plain address")
    MailAnswer saveMail(CurrentUser user, @RequestBody MailRequest body) {
        reading.saveMail(user, MailSetting.chosen(MailAddress.check(body.address()), body.enabled()));
        return mail(user);
    }

    @ExceptionHandler
    ProblemDetail on(InvalidMailAddressException refused) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage(refused.getMessage(), null, RUSSIAN));
        problem.setProperty("reason", "ADDRESS_INVALID");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(NoticeNotFoundException missing) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, messages.getMessage("notices.notFound", null, RUSSIAN));
    }

    record NoticeList(int unread, List<NoticeView> notices) {}

    record ReadRequest(@Nullable UUID notice) {}

    /** @param enabled false turns the digests off */
    record MailRequest(@Nullable String address, boolean enabled) {}

    /**
     * @param fromStaffFile the caller never set their mail: the address is their staff file's
     * @param kept true where no SMTP server is configured: mail is kept for the demo page, not sent
     */
    record MailAnswer(@Nullable String address, boolean enabled, boolean fromStaffFile, boolean kept) {}

    static class NoticeNotFoundException extends RuntimeException {}
}
