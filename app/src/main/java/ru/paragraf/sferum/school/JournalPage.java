package ru.paragraf.sferum.school;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import ru.paragraf.sferum.accounts.CurrentUser;

/** Fills the model of the journal page and its fragments: the journal, the chat, the lessons and their calls. */
@Component
class JournalPage {

    private final Journals journals;
    private final ObjectProvider<SubjectChatStatuses> statuses;

    JournalPage(Journals journals, ObjectProvider<SubjectChatStatuses> statuses) {
        this.journals = journals;
        this.statuses = statuses;
    }

    JournalView fill(CurrentUser user, UUID id, Model model) {
        var journal = journals.find(SchoolScope.of(user), id).orElseThrow(SchoolPages::notFound);
        model.addAttribute("journal", journal);
        model.addAttribute("editable", JournalEditing.isEditor(user));
        model.addAttribute("chat", chatOf(journal));
        model.addAttribute("calls", callsOf(journal));
        return journal;
    }

    /**
     * Fills the model of one lesson's row (and its edit form): the lesson, its call, whether the person may edit it,
     * and its journal's id. A row polls every 2 s while its call is prepared, so it reads that one lesson, not the
     * whole journal with every lesson's call.
     */
    LessonRow fillRow(CurrentUser user, UUID lesson, Model model) {
        var journal = journals.journalOfLesson(SchoolScope.of(user), lesson).orElseThrow(SchoolPages::notFound);
        var row = journals.lesson(lesson).orElseThrow(SchoolPages::notFound);
        var provider = statuses.getIfAvailable();
        model.addAttribute("l", row);
        model.addAttribute("journalId", journal.journal());
        model.addAttribute("editable", JournalEditing.isEditor(user));
        model.addAttribute("calls", provider == null ? Map.of() : provider.callsOf(List.of(lesson)));
        return row;
    }

    SubjectChatStatus chatOf(JournalView journal) {
        var provider = statuses.getIfAvailable();
        if (provider != null) {
            return provider.chatOf(journal.id(), journal.subjectChatRequested());
        }
        return SubjectChatStatus.of(
                journal.subjectChatRequested()
                        ? SubjectChatStatus.State.REQUESTED
                        : SubjectChatStatus.State.NOT_REQUESTED);
    }

    Map<UUID, LessonCallStatus> callsOf(JournalView journal) {
        var provider = statuses.getIfAvailable();
        return provider == null
                ? Map.of()
                : provider.callsOf(journal.lessons().stream().map(LessonRow::id).toList());
    }
}
