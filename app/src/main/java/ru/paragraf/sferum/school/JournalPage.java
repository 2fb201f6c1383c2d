package ru.paragraf.sferum.school;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;

/**
 * Fills the model of the journal page and its fragments: the journal, the chat, the months of its year, the shown
 * month's lessons and their calls.
 */
@Component
class JournalPage {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final Journals journals;
    private final ObjectProvider<SubjectChatStatuses> statuses;
    private final ObjectProvider<ChatAdoptions> adoptions;
    private final Clock clock;
    private final ChatPolicies policies;

    JournalPage(
            Journals journals,
            ObjectProvider<SubjectChatStatuses> statuses,
            ObjectProvider<ChatAdoptions> adoptions,
            Clock clock,
            ChatPolicies policies) {
        this.journals = journals;
        this.policies = policies;
        this.statuses = statuses;
        this.adoptions = adoptions;
        this.clock = clock;
    }

    /** The whole page: the journal, its chat's card, and the lessons of the month asked for (or the current one). */
    void fill(CurrentUser user, UUID id, @Nullable YearMonth month, Model model) {
        var journal = fillChat(user, id, model);
        var months = JournalMonths.of(
                journal.yearStarts(), journal.yearEnds(), journals.lessonsPerMonth(id), month, LocalDate.now(clock));
        var lessons = journals.lessons(id, months.firstDay(), months.lastDay());
        model.addAttribute("months", months);
        model.addAttribute("lessons", lessons);
        model.addAttribute("calls", callsOf(lessons));
        var provider = statuses.getIfAvailable();
        if (provider != null && !provider.startsCalls(journal.organizationId())) {
            // the messenger starts no calls: the page says so, and where the lessons' links come from
            model.addAttribute("noCalls", true);
            model.addAttribute(
                    "videoRoom",
                    policies.videoRoomTemplate(journal.organizationId())
                            .map(template -> VideoRooms.roomOf(template, id))
                            .orElse(null));
        }
    }

    /** The subject chat's card, which polls while the chat is being created: the journal without its lessons. */
    JournalHeader fillChat(CurrentUser user, UUID id, Model model) {
        var journal = journals.header(SchoolScope.of(user), id).orElseThrow(SchoolPages::notFound);
        model.addAttribute("journal", journal);
        model.addAttribute("editable", JournalEditing.isEditor(user));
        model.addAttribute("substitutable", user.is(Role.SCHOOL_ADMIN));
        model.addAttribute("chat", chatOf(journal));
        var adoption = adoptions.getIfAvailable();
        model.addAttribute(
                "adoption",
                adoption == null
                        ? null
                        : adoption.guideOf(journal.organizationId(), id).orElse(null));
        return journal;
    }

    /**
     * A new chat adoption code of the journal, for its teachers and the school admin, with the card that shows it
     * once; 403 for who only sees journals, 404 where the journal is not visible or has nothing to adopt (its school
     * has no MAX bot, or it has its chat).
     */
    JournalHeader fillIssuedCode(CurrentUser user, UUID id, Model model) {
        if (!JournalEditing.isEditor(user)) {
            throw new NotAnEditorException();
        }
        var journal = fillChat(user, id, model);
        var adoption = adoptions.getIfAvailable();
        if (adoption == null || model.getAttribute("adoption") == null) {
            throw SchoolPages.notFound();
        }
        var issued = adoption.issueCode(journal.organizationId(), id);
        model.addAttribute("issuedCode", issued.code());
        model.addAttribute(
                "issuedCodeExpires",
                DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                        .format(issued.expiresAt().atZone(MOSCOW)));
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
        model.addAttribute("substitutable", user.is(Role.SCHOOL_ADMIN));
        model.addAttribute("calls", provider == null ? Map.of() : provider.callsOf(List.of(lesson)));
        return row;
    }

    SubjectChatStatus chatOf(JournalHeader journal) {
        var provider = statuses.getIfAvailable();
        if (provider != null) {
            return provider.chatOf(journal.id(), journal.subjectChatRequested());
        }
        return SubjectChatStatus.of(
                journal.subjectChatRequested()
                        ? SubjectChatStatus.State.REQUESTED
                        : SubjectChatStatus.State.NOT_REQUESTED);
    }

    private Map<UUID, LessonCallStatus> callsOf(List<LessonRow> lessons) {
        var provider = statuses.getIfAvailable();
        return provider == null
                ? Map.of()
                : provider.callsOf(lessons.stream().map(LessonRow::id).toList());
    }
}
