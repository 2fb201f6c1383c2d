package ru.paragraf.sferum.school;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.paragraf.sferum.accounts.CurrentUser;

/** API of the journal's changes: the subject-chat selector and lesson changes. */
@RestController
@RequestMapping("/api")
class JournalEditingApi {

    private static final java.util.Locale RUSSIAN = java.util.Locale.forLanguageTag("ru");

    private final JournalEditing editing;
    private final Journals journals;
    private final JournalPage page;
    private final MessageSource messages;
    private final VideoLinks videoLinks;

    JournalEditingApi(
            JournalEditing editing,
            Journals journals,
            JournalPage page,
            MessageSource messages,
            VideoLinks videoLinks) {
        this.editing = editing;
        this.journals = journals;
        this.page = page;
        this.messages = messages;
        this.videoLinks = videoLinks;
    }

    /** Body of the selector change. */
    record SubjectChatRequest(boolean requested) {}

    /** Body of the video-call change. */
    record VideoCallRequest(boolean on) {}

    @PutMapping("/journals/{journal}/subject-chat")
    SubjectChatStatus subjectChat(CurrentUser user, @PathVariable UUID journal, @RequestBody SubjectChatRequest body) {
        editing.requestSubjectChat(user, journal, body.requested());
        return page.chatOf(journals.header(SchoolScope.of(user), journal).orElseThrow(SchoolPages::notFound));
    }

    @PutMapping("/lessons/{lesson}/video-call")
    LessonRow videoCall(CurrentUser user, @PathVariable UUID lesson, @RequestBody VideoCallRequest body) {
        editing.edit(user, lesson, new LessonEdit.HoldAs(body.on() ? LessonFormat.VIDEO_CALL : LessonFormat.IN_PERSON));
        return lessonRow(user, lesson);
    }

    /** Body of the substitute change: the employee who holds the lesson instead, or null for the journal's teachers. */
    record SubstituteRequest(@org.jspecify.annotations.Nullable UUID employee) {}

    @PutMapping("/lessons/{lesson}/substitute")
    LessonRow substitute(CurrentUser user, @PathVariable UUID lesson, @RequestBody SubstituteRequest body) {
        editing.substitute(user, lesson, body.employee());
        return lessonRow(user, lesson);
    }

    @PostMapping("/lessons/{lesson}/publish")
    LessonRow publish(CurrentUser user, @PathVariable UUID lesson) {
        editing.edit(user, lesson, new LessonEdit.Publish());
        return lessonRow(user, lesson);
    }

    @PostMapping("/lessons/{lesson}/withdraw")
    LessonRow withdraw(CurrentUser user, @PathVariable UUID lesson) {
        editing.edit(user, lesson, new LessonEdit.Withdraw());
        return lessonRow(user, lesson);
    }

    @PutMapping("/lessons/{lesson}")
    Object edit(CurrentUser user, @PathVariable UUID lesson, @RequestBody LessonForm form) {
        if (!JournalEditing.isEditor(user)) {
            throw new NotAnEditorException(); // before validation: operators are refused, not told what is invalid
        }
        var scope = SchoolScope.of(user);
        var journal = journals.journalOfLesson(scope, lesson).orElseThrow(SchoolPages::notFound);
        var errors = new BeanPropertyBindingResult(form, "form");
        var videoLink = form.validate(errors, journal.yearStarts(), journal.yearEnds(), videoLinks);
        if (errors.hasErrors()) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, "The lesson's time, topic or video link is not valid.");
            problem.setType(URI.create("urn:sferum:problem:invalid-lesson"));
            var fields = new LinkedHashMap<String, String>();
            errors.getFieldErrors().forEach(error -> fields.put(error.getField(), messages.getMessage(error, RUSSIAN)));
            problem.setProperty("fields", fields);
            return org.springframework.http.ResponseEntity.unprocessableContent()
                    .body(problem);
        }
        editing.edit(user, lesson, form.toEdit(videoLink));
        return lessonRow(user, lesson);
    }

    private LessonRow lessonRow(CurrentUser user, UUID lesson) {
        journals.journalOfLesson(SchoolScope.of(user), lesson).orElseThrow(SchoolPages::notFound);
        return journals.lesson(lesson).orElseThrow(SchoolPages::notFound);
    }

    @ExceptionHandler
    ProblemDetail notAllowed(SubjectChatNotAllowedException exception) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(
                        "journal.chat.notAllowed",
                        new Object[] {
                            messages.getMessage(
                                    "journalKind." + exception.kind().name(), null, RUSSIAN)
                        },
                        RUSSIAN));
        problem.setType(URI.create("urn:sferum:problem:subject-chat-not-allowed"));
        problem.setProperty("reason", "JOURNAL_KIND_NOT_GENERAL_EDUCATION");
        problem.setProperty("journalKind", exception.kind().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notASubstitute(SubstituteNotAllowedException exception) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("lesson.substitute.notAllowed", null, RUSSIAN));
        problem.setType(URI.create("urn:sferum:problem:substitute-not-allowed"));
        problem.setProperty("reason", "NOT_AN_EMPLOYEE_OF_THE_SCHOOL");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notAnEditor(NotAnEditorException exception) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN,
                "Only the school's admin and the journal's teachers change journals and lessons.");
    }
}
