package ru.paragraf.sferum.school;

import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * The journal page's actions. With htmx they answer with the changed fragment; without JavaScript the forms
 * post normally and the page is shown again. A changed lesson also tells the page ({@value #LESSON_CHANGED}), so
 * that the subject chat's card, which the lesson's publication may start, shows it at once.
 */
@Controller
class JournalActions {

    /** The htmx event a lesson's change raises on the journal page. */
    static final String LESSON_CHANGED = "lesson-changed";

    private final JournalEditing editing;
    private final JournalPage page;
    private final Journals journals;
    private final VideoLinks videoLinks;

    JournalActions(JournalEditing editing, JournalPage page, Journals journals, VideoLinks videoLinks) {
        this.editing = editing;
        this.page = page;
        this.journals = journals;
        this.videoLinks = videoLinks;
    }

    @PostMapping("/journals/{journal}/subject-chat")
    String subjectChat(
            CurrentUser user,
            @PathVariable UUID journal,
            @RequestParam boolean requested,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        editing.requestSubjectChat(user, journal, requested);
        page.fillChat(user, journal, model);
        return htmx != null ? "school/journal :: subjectChat" : "redirect:/journals/" + journal;
    }

    /** Shows a new code that binds a chat made in MAX to the journal (a MAX school's journal without a chat). */
    @PostMapping("/journals/{journal}/chat-adoption-code")
    String chatAdoptionCode(
            CurrentUser user,
            @PathVariable UUID journal,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        if (htmx != null) {
            page.fillIssuedCode(user, journal, model);
            return "school/journal :: subjectChat";
        }
        page.fill(user, journal, null, model);
        page.fillIssuedCode(user, journal, model);
        return "school/journal";
    }

    /** The subject chat's card, which the page fetches again while the chat is being created. */
    @GetMapping("/journals/{journal}/subject-chat")
    String subjectChatCard(CurrentUser user, @PathVariable UUID journal, Model model) {
        page.fillChat(user, journal, model);
        return "school/journal :: subjectChat";
    }

    @PostMapping("/lessons/{lesson}/video-call")
    String videoCall(
            CurrentUser user,
            @PathVariable UUID lesson,
            @RequestParam boolean on,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        var format = on ? LessonFormat.VIDEO_CALL : LessonFormat.IN_PERSON;
        return afterEdit(user, lesson, new LessonEdit.HoldAs(format), htmx, response, model);
    }

    @PostMapping("/lessons/{lesson}/publish")
    String publish(
            CurrentUser user,
            @PathVariable UUID lesson,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        return afterEdit(user, lesson, new LessonEdit.Publish(), htmx, response, model);
    }

    @PostMapping("/lessons/{lesson}/withdraw")
    String withdraw(
            CurrentUser user,
            @PathVariable UUID lesson,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        return afterEdit(user, lesson, new LessonEdit.Withdraw(), htmx, response, model);
    }

    @GetMapping("/lessons/{lesson}/edit")
    String editForm(CurrentUser user, @PathVariable UUID lesson, Model model) {
        var row = page.fillRow(user, lesson, model);
        model.addAttribute("form", LessonForm.of(row));
        return "school/journal :: lessonEdit";
    }

    @PostMapping("/lessons/{lesson}")
    String edit(
            CurrentUser user,
            @PathVariable UUID lesson,
            @ModelAttribute("form") LessonForm form,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        if (!JournalEditing.isEditor(user)) {
            throw new NotAnEditorException(); // before validation: operators are refused, not told what is invalid
        }
        var journal = journals.journalOfLesson(SchoolScope.of(user), lesson).orElseThrow(SchoolPages::notFound);
        var errors = new BeanPropertyBindingResult(form, "form");
        var videoLink = form.validate(errors, journal.yearStarts(), journal.yearEnds(), videoLinks);
        if (errors.hasErrors()) {
            page.fillRow(user, lesson, model);
            model.addAttribute("form", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
            return "school/journal :: lessonEdit";
        }
        return afterEdit(user, lesson, form.toEdit(videoLink), htmx, response, model);
    }

    @GetMapping("/lessons/{lesson}/row")
    String row(CurrentUser user, @PathVariable UUID lesson, Model model) {
        page.fillRow(user, lesson, model);
        return "school/journal :: lessonRow";
    }

    private String afterEdit(
            CurrentUser user,
            UUID lesson,
            LessonEdit edit,
            @Nullable String htmx,
            HttpServletResponse response,
            Model model) {
        editing.edit(user, lesson, edit);
        var row = page.fillRow(user, lesson, model);
        if (htmx == null) { // back to the month that now holds the lesson
            return "redirect:/journals/" + model.getAttribute("journalId") + "?month="
                    + YearMonth.from(row.lessonDate());
        }
        response.setHeader("HX-Trigger", LESSON_CHANGED);
        return "school/journal :: lessonRow";
    }

    @ExceptionHandler(NotAnEditorException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notAnEditor() {
        return "error/403";
    }

    @ExceptionHandler(SubjectChatNotAllowedException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    String notAllowed() {
        return "error/422";
    }
}
