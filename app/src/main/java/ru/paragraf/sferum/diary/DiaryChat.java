package ru.paragraf.sferum.diary;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.SubjectChatStatus;

/** A line of the «Чаты» tab: a journal and its subject chat, with the invite link only while the chat is kept. */
record DiaryChat(UUID journalId, String subject, String groupTitle, SubjectChatStatus chat) {

    /** «Вступить в чат» leads here: only a created chat that is still synchronized, never a stale link. */
    public @Nullable String inviteLink() {
        return chat.state() == SubjectChatStatus.State.CREATED ? chat.inviteLink() : null;
    }

    public String state() {
        return chat.state().name();
    }
}
