package ru.paragraf.sferum.school;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * «Назначить замену» on the journal page: the lesson row turns into a choice of the school's other teachers, and the
 * choice is saved by the same service as {@code PUT /api/lessons/{lesson}/substitute}; «Отменить замену» gives the
 * lesson back to the journal's teachers. With htmx the row is swapped; without JavaScript the page is shown again.
 */
@Controller
class LessonSubstituteActions {

    private final JournalEditing editing;
    private final JournalPage page;
    private final SubstituteCandidates candidates;

    LessonSubstituteActions(JournalEditing editing, JournalPage page, SubstituteCandidates candidates) {
        this.editing = editing;
        this.page = page;
        this.candidates = candidates;
    }

    @GetMapping("/lessons/{lesson}/substitute")
    String form(CurrentUser user, @PathVariable UUID lesson, Model model) {
        if (!JournalEditing.isEditor(user)) {
            throw new NotAnEditorException();
        }
        fillForm(user, lesson, model);
        return "school/journal :: lessonSubstitute";
    }

    /** Saves the substitute; an empty {@code employee} cancels the substitution. */
    @PostMapping("/lessons/{lesson}/substitute")
    String save(
            CurrentUser user,
            @PathVariable UUID lesson,
            @RequestParam(required = false) @Nullable UUID employee,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletResponse response,
            Model model) {
        try {
            editing.substitute(user, lesson, employee);
        } catch (SubstituteNotAllowedException refused) {
            fillForm(user, lesson, model);
            model.addAttribute("substituteError", true);
            if (htmx == null) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return "school/journal :: lessonSubstitute";
        }
        var row = page.fillRow(user, lesson, model);
        if (htmx == null) {
            return "redirect:/journals/" + model.getAttribute("journalId") + "?month="
                    + java.time.YearMonth.from(row.lessonDate());
        }
        response.setHeader("HX-Trigger", JournalActions.LESSON_CHANGED);
        return "school/journal :: lessonRow";
    }

    private void fillForm(CurrentUser user, UUID lesson, Model model) {
        page.fillRow(user, lesson, model);
        model.addAttribute("candidates", candidates.of(lesson));
        model.addAttribute("substituteId", candidates.current(lesson).orElse(null));
    }

    @ExceptionHandler(NotAnEditorException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notAnEditor() {
        return "error/403";
    }
}
