package ru.paragraf.sferum.school;

import java.util.UUID;
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
 * post normally and the page is shown again.
 */
@Controller
class JournalActions {

    private final JournalEditing editing;
    private final JournalPage page;
    private final Journals journals;

    JournalActions(JournalEditing editing, JournalPage page, Journals journals) {
        this.editing = editing;
        this.page = page;
        this.journals = journals;
    }

    @PostMapping("/journals/{journal}/subject-chat")
    String subjectChat(
            CurrentUser user,
            @PathVariable UUID journal,
            @RequestParam boolean requested,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        editing.requestSubjectChat(user, journal, requested);
        page.fill(user, journal, model);
        return htmx != null ? "school/journal :: subjectChat" : "redirect:/journals/" + journal;
    }

    @PostMapping("/lessons/{lesson}/video-call")
    String videoCall(
            CurrentUser user,
            @PathVariable UUID lesson,
            @RequestParam boolean on,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        var format = on ? LessonFormat.VIDEO_CALL : LessonFormat.IN_PERSON;
        return afterEdit(user, lesson, new LessonEdit.HoldAs(format), htmx, model);
    }

    @PostMapping("/lessons/{lesson}/publish")
    String publish(
            CurrentUser user,
            @PathVariable UUID lesson,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        return afterEdit(user, lesson, new LessonEdit.Publish(), htmx, model);
    }

    @PostMapping("/lessons/{lesson}/withdraw")
    String withdraw(
            CurrentUser user,
            @PathVariable UUID lesson,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        return afterEdit(user, lesson, new LessonEdit.Withdraw(), htmx, model);
    }

    @GetMapping("/lessons/{lesson}/edit")
    String editForm(CurrentUser user, @PathVariable UUID lesson, Model model) {
        var row = lessonOf(user, lesson, model);
        model.addAttribute("form", LessonForm.of(row));
        return "school/journal :: lessonEdit";
    }

    @PostMapping("/lessons/{lesson}")
    String edit(
            CurrentUser user,
            @PathVariable UUID lesson,
            @ModelAttribute("form") LessonForm form,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        if (!JournalEditing.isEditor(user)) {
            throw new NotAnEditorException(); // before validation: operators are refused, not told what is invalid
        }
        var journal = journals.journalOfLesson(SchoolScope.of(user), lesson).orElseThrow(SchoolPages::notFound);
        var errors = new BeanPropertyBindingResult(form, "form");
        form.validate(errors, journal.yearStarts(), journal.yearEnds());
        if (errors.hasErrors()) {
            lessonOf(user, lesson, model);
            model.addAttribute("form", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
            return "school/journal :: lessonEdit";
        }
        return afterEdit(user, lesson, form.toEdit(), htmx, model);
    }

    @GetMapping("/lessons/{lesson}/row")
    String row(CurrentUser user, @PathVariable UUID lesson, Model model) {
        lessonOf(user, lesson, model);
        return "school/journal :: lessonRow";
    }

    private String afterEdit(CurrentUser user, UUID lesson, LessonEdit edit, String htmx, Model model) {
        editing.edit(user, lesson, edit);
        lessonOf(user, lesson, model);
        return htmx != null ? "school/journal :: lessonRow" : "redirect:/journals/" + model.getAttribute("journalId");
    }

    private LessonRow lessonOf(CurrentUser user, UUID lesson, Model model) {
        var journalId = journals.journalOfLesson(SchoolScope.of(user), lesson)
                .orElseThrow(SchoolPages::notFound)
                .journal();
        var journal = page.fill(user, journalId, model);
        var row = journal.lessons().stream()
                .filter(it -> it.id().equals(lesson))
                .findFirst()
                .orElseThrow(SchoolPages::notFound);
        model.addAttribute("l", row);
        model.addAttribute("journalId", journalId);
        return row;
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
