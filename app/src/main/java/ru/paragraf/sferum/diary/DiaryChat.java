package ru.paragraf.sferum.diary;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.ChatMembership;
import ru.paragraf.sferum.school.SubjectChatStatus;

/**
 * A line of the «Чаты» tab: a journal and its subject chat, with the invite link only while the chat is kept, and the
 * person's own place in it.
 *
 * @param membership the person's own place in the chat; null while there is no chat to be in
 */
record DiaryChat(
        UUID journalId,
        String subject,
        String groupTitle,
        SubjectChatStatus chat,
        @Nullable ChatMembership membership) {

    /**
     * «Вступить в чат» leads here: only a created chat that is still synchronized, never a stale link, and only for
     * people who belong in it.
     */
    public @Nullable String inviteLink() {
        var belongs = membership == null || membership.belongs();
        return belongs && chat.state() == SubjectChatStatus.State.CREATED ? chat.inviteLink() : null;
    }

    /** The person's own state in the chat ({@code diary.chats.member.*}); null when there is none to show. */
    public @Nullable String memberState() {
        return membership == null ? null : membership.state().name();
    }

    public String state() {
        return chat.state().name();
    }
}
