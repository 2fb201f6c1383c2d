package ru.paragraf.sferum.notices;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.diary.VkIdLinked;
import ru.paragraf.sferum.diary.VkIdRelinkRequired;
import ru.paragraf.sferum.exchange.ExchangeRunFinished;
import ru.paragraf.sferum.exchange.ExchangeRunStatus;
import ru.paragraf.sferum.linkbase.CommunityCredentialsChanged;
import ru.paragraf.sferum.linkbase.VerificationState;
import ru.paragraf.sferum.school.LessonWithdrawn;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.sferum.school.SferumAccountChanged;
import ru.paragraf.sferum.sync.ChatFacts;
import ru.paragraf.sferum.sync.LessonCallFailed;
import ru.paragraf.sferum.sync.LessonCallStarted;
import ru.paragraf.sferum.sync.StrangerRemoved;
import ru.paragraf.sferum.sync.SubjectChatCreated;
import ru.paragraf.sferum.sync.SynchronizationPaused;

/**
 * Turns the other modules' events into notices (after their commit, through the event publication registry) and
 * closes the notices of causes that were fixed. A cause key names the cause's kind and the id of what it is about.
 */
@Component
class NoticeCauses {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Notices notices;
    private final MoscowDays days;
    private final ChatFacts chats;

    NoticeCauses(Notices notices, MoscowDays days, ChatFacts chats) {
        this.notices = notices;
        this.days = days;
        this.chats = chats;
    }

    @ApplicationModuleListener
    void on(VkIdRelinkRequired relink) {
        if (relink.kind() == PersonKind.EMPLOYEE) {
            notices.tell(
                    Audience.employee(relink.person()),
                    NoticeKind.VK_ID_RELINK,
                    relinkCause(relink.person()),
                    List.of(),
                    "/diary/chats");
        }
    }

    /** The teacher linked again: their VK ID notice closes, and so do their calls that failed for want of it. */
    @ApplicationModuleListener
    void on(VkIdLinked linked) {
        notices.close(relinkCause(linked.person()));
        if (linked.kind() == PersonKind.EMPLOYEE) {
            notices.closeOthers(Audience.employee(linked.person()), NoticeKind.CALL_FAILED, null);
        }
    }

    /** A VK Sferum account entered in the staff file: the teacher's calls that failed for want of it may start. */
    @ApplicationModuleListener
    void on(SferumAccountChanged changed) {
        if (changed.vkUserId() != null && !changed.relinkRequired()) {
            notices.closeOthers(Audience.employee(changed.employee()), NoticeKind.CALL_FAILED, null);
        }
    }

    @ApplicationModuleListener
    void on(LessonCallFailed failed) {
        var lesson = chats.lesson(failed.lesson()).orElse(null);
        if (lesson == null) {
            return;
        }
        var title = chats.title(lesson.journal());
        for (var teacher : chats.teachers(lesson.journal())) {
            notices.tell(
                    Audience.employee(teacher),
                    NoticeKind.CALL_FAILED,
                    callCause(failed.lesson()),
                    List.of(title, DATE.format(lesson.date()), TIME.format(lesson.startsAt())),
                    "/journals/" + lesson.journal());
        }
    }

    @ApplicationModuleListener
    void on(LessonWithdrawn withdrawn) {
        notices.close(callCause(withdrawn.lesson()));
    }

    /** The call was started after all: its failure is fixed. */
    @ApplicationModuleListener
    void on(LessonCallStarted started) {
        notices.close(callCause(started.lesson()));
    }

    @ApplicationModuleListener
    void on(SubjectChatCreated created) {
        var title = chats.title(created.journal());
        for (var teacher : chats.teachers(created.journal())) {
            notices.tell(
                    Audience.employee(teacher),
                    NoticeKind.CHAT_CREATED,
                    "chat:" + created.journal(),
                    List.of(title),
                    "/journals/" + created.journal());
        }
    }

    @ApplicationModuleListener
    void on(CommunityCredentialsChanged changed) {
        if (changed.state() == VerificationState.FAILED) {
            credentialsFailed(changed.organization());
        } else if (changed.state() == VerificationState.VERIFIED) {
            notices.close(credentialsCause(changed.organization()));
        }
    }

    @ApplicationModuleListener
    void on(SynchronizationPaused paused) {
        credentialsFailed(paused.organization());
    }

    @ApplicationModuleListener
    void on(ExchangeRunFinished finished) {
        var cause = "run:" + finished.taskId();
        if (finished.counts().errors() > 0 || finished.status() == ExchangeRunStatus.FAILED) {
            notices.tell(
                    Audience.schoolAdmins(finished.organizationId()),
                    NoticeKind.RUN_ERRORS,
                    cause,
                    List.of(String.valueOf(finished.counts().errors())),
                    "/exchange-runs/" + finished.runId());
        } else if (finished.status() == ExchangeRunStatus.SUCCEEDED) {
            notices.close(cause);
        }
    }

    @ApplicationModuleListener
    void on(StrangerRemoved removed) {
        notices.tell(
                Audience.schoolAdmins(removed.organization()),
                NoticeKind.STRANGERS_REMOVED,
                "strangers:" + removed.organization() + ":" + days.today(),
                List.of(chats.title(removed.journal())),
                "/journals/" + removed.journal());
    }

    private void credentialsFailed(UUID organization) {
        notices.tell(
                Audience.schoolAdmins(organization),
                NoticeKind.CREDENTIALS_FAILED,
                credentialsCause(organization),
                List.of(),
                "/orgs/" + organization + "/linkbase");
    }

    private static String relinkCause(UUID person) {
        return "vkid:" + person;
    }

    private static String callCause(UUID lesson) {
        return "call:" + lesson;
    }

    private static String credentialsCause(UUID organization) {
        return "credentials:" + organization;
    }
}
