package ru.paragraf.sferum.diary;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.school.ArchivedChat;
import ru.paragraf.sferum.school.ChatMembership;
import ru.paragraf.sferum.school.JournalSummaries;
import ru.paragraf.sferum.school.JournalSummary;
import ru.paragraf.sferum.school.SubjectChatStatus;
import ru.paragraf.sferum.school.SubjectChatStatuses;

/**
 * The subject chats of a person's journals, two queries however many journals: the journals from school, their
 * chats from the messenger side through school's {@link SubjectChatStatuses} (so the diary never depends on sync).
 * Pupils and parents see the chats that are asked for or exist; teachers see all their general-education journals,
 * so that they also see which ones have no chat yet.
 */
@Component
class DiaryChats {

    private final JournalSummaries journals;
    private final ObjectProvider<SubjectChatStatuses> statuses;

    DiaryChats(JournalSummaries journals, ObjectProvider<SubjectChatStatuses> statuses) {
        this.journals = journals;
        this.statuses = statuses;
    }

    /** The chats of a pupil's journals, with {@code person}'s own place in them: the pupil's, or their parent's. */
    List<DiaryChat> ofPupil(UUID pupil, UUID person) {
        return chats(journals.ofPupil(pupil), person).stream()
                .filter(it -> it.chat().state() != SubjectChatStatus.State.NOT_REQUESTED)
                .filter(it -> it.chat().state() != SubjectChatStatus.State.ARCHIVED)
                .toList();
    }

    /** «Архив»: the chats of closed years the person was put into; none without a messenger side. */
    List<ArchivedChat> archivedOf(UUID person) {
        var provider = statuses.getIfAvailable();
        return provider == null ? List.of() : provider.archivedChatsOf(person);
    }

    List<DiaryChat> ofTeacher(UUID employee) {
        return chats(
                        journals.ofTeacher(employee).stream()
                                .filter(it -> it.kind().allowsSubjectChat())
                                .toList(),
                        employee)
                .stream()
                // listed under «Архив»
                .filter(it -> it.chat().state() != SubjectChatStatus.State.ARCHIVED)
                .toList();
    }

    private List<DiaryChat> chats(List<JournalSummary> summaries, UUID person) {
        var provider = statuses.getIfAvailable();
        var ids = summaries.stream().map(JournalSummary::journalId).toList();
        Map<UUID, SubjectChatStatus> chats = provider == null ? Map.of() : provider.chatsOf(ids);
        Map<UUID, ChatMembership> memberships = provider == null ? Map.of() : provider.membershipsOf(person, ids);
        return summaries.stream()
                .map(it -> new DiaryChat(
                        it.journalId(),
                        it.subject(),
                        it.groupTitle(),
                        chats.getOrDefault(it.journalId(), withoutMessenger(it)),
                        memberships.get(it.journalId())))
                .toList();
    }

    /** Without a messenger side (a diary alone) the selector is all there is to show. */
    private static SubjectChatStatus withoutMessenger(JournalSummary journal) {
        return SubjectChatStatus.of(
                journal.subjectChatRequested()
                        ? SubjectChatStatus.State.REQUESTED
                        : SubjectChatStatus.State.NOT_REQUESTED);
    }
}
