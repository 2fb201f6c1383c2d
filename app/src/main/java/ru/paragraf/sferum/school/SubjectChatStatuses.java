package ru.paragraf.sferum.school;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the messenger side knows about subject chats and lesson calls. Implemented by the synchronization module;
 * the school module only shows it, so it never depends on the messenger.
 */
public interface SubjectChatStatuses {

    /** The chat of a journal; {@code requested} is the journal's «Чат по предмету» selector. */
    SubjectChatStatus chatOf(UUID journal, boolean requested);

    /** The chats of several journals at once, each by its own selector; every given journal is in the map. */
    Map<UUID, SubjectChatStatus> chatsOf(Collection<UUID> journals);

    /**
     * The person's own place in the chats of these journals — a teacher's, a pupil's or a parent's (a parent's in
     * the chats of their child's journals); journals whose chat does not exist (or is not kept) are absent.
     */
    Map<UUID, ChatMembership> membershipsOf(UUID person, Collection<UUID> journals);

    /** The archived chats (of closed years) that the person — a teacher, a pupil or a parent — was put into. */
    List<ArchivedChat> archivedChatsOf(UUID person);

    /** The calls of the given lessons; lessons without a call are absent from the map. */
    Map<UUID, LessonCallStatus> callsOf(Collection<UUID> lessons);

    /**
     * Whether the organization's messenger starts calls for its video lessons; where it does not, they are held at
     * the links pasted on them or at the journals' standing rooms.
     */
    default boolean startsCalls(UUID organization) {
        return true;
    }
}
