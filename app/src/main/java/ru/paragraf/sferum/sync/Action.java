package ru.paragraf.sferum.sync;

import java.util.UUID;

/**
 * What an operation does in the messenger, with its subject as typed values: decoded once, when the operation is
 * claimed ({@link OperationPayload}), and carried out by the handler of its family ({@link OperationExecutor}).
 *
 * <p>A new kind is a record here with its {@link OperationKind} constant and a method of {@link Cases}: the
 * compiler then names every place that has to handle it (the dispatch to a handler, the payload's decoding, the
 * run's and the preview's words).
 */
sealed interface Action
        permits Action.CreateChat,
                Action.InviteLink,
                Action.RenewInviteLink,
                Action.AddMember,
                Action.RemoveMember,
                Action.CheckMembers,
                Action.RemoveStranger,
                Action.StartCall,
                Action.FinishCall,
                Action.AnnounceCall,
                Action.AnnounceLessonChange,
                Action.RenewCall,
                Action.ArchiveChat,
                Action.AdoptChat,
                Action.Reply,
                Action.ClosePreviousChat,
                Action.AnnounceLessonLink {

    OperationKind kind();

    /** The case of {@code cases} for this kind: every kind, without a cast. */
    <R> R accept(Cases<R> cases);

    /** One method per kind of action. */
    interface Cases<R> {

        R createChat(CreateChat action);

        R inviteLink(InviteLink action);

        R renewInviteLink(RenewInviteLink action);

        R addMember(AddMember action);

        R removeMember(RemoveMember action);

        R checkMembers(CheckMembers action);

        R removeStranger(RemoveStranger action);

        R startCall(StartCall action);

        R finishCall(FinishCall action);

        R announceCall(AnnounceCall action);

        R announceLessonChange(AnnounceLessonChange action);

        R renewCall(RenewCall action);

        R archiveChat(ArchiveChat action);

        R adoptChat(AdoptChat action);

        R reply(Reply action);

        R closePreviousChat(ClosePreviousChat action);

        R announceLessonLink(AnnounceLessonLink action);
    }

    /** Creates a journal's subject chat, titled «Алгебра 7А», with the journal's teachers in it. */
    record CreateChat(ChatKey chat, String title) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.CREATE_CHAT;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.createChat(this);
        }
    }

    /** Gets the chat's invite link, for pupils and parents and for teachers to join by. */
    record InviteLink(ChatKey chat) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.INVITE_LINK;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.inviteLink(this);
        }
    }

    /**
     * Replaces the chat's invite link with a new one, so that no earlier link works: after people were taken out of
     * the chat, once for all the removals of a batch.
     */
    record RenewInviteLink(ChatKey chat) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.RENEW_INVITE_LINK;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.renewInviteLink(this);
        }
    }

    /**
     * Puts someone who belongs into the journal's chat — a teacher, a pupil, a parent — with their own token.
     *
     * @param person the employee, pupil or parent in the school's data
     * @param vkUser their messenger account
     */
    record AddMember(ChatKey chat, UUID person, MemberRole role, long vkUser) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.ADD_MEMBER;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.addMember(this);
        }
    }

    /**
     * Takes someone the engine put into the chat out of it: no longer a teacher, pupil or parent of the journal, or
     * linked to another VK account now.
     */
    record RemoveMember(ChatKey chat, long vkUser) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.REMOVE_MEMBER;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.removeMember(this);
        }
    }

    /**
     * Reads who is in the chat in the messenger and compares it with who belongs and with the ledger: finds the
     * strangers and the members who left on their own. Planned by the scheduled run only.
     */
    record CheckMembers(ChatKey chat) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.CHECK_MEMBERS;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.checkMembers(this);
        }
    }

    /** Takes a stranger the member check found out of the chat, where the school removes strangers. */
    record RemoveStranger(ChatKey chat, long vkUser) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.REMOVE_STRANGER;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.removeStranger(this);
        }
    }

    /** Starts the call of a lesson published in video-call mode, as a teacher of its journal. */
    record StartCall(CallKey call, UUID journal) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.START_CALL;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.startCall(this);
        }
    }

    /** Finishes the call of a lesson withdrawn, switched to in-person, or deleted. */
    record FinishCall(CallKey call, UUID journal) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.FINISH_CALL;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.finishCall(this);
        }
    }

    /** Posts the lesson, its time and the call's link in the journal's chat. */
    record AnnounceCall(CallKey call, ChatKey chat) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.ANNOUNCE_CALL;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.announceCall(this);
        }
    }

    /**
     * Says in the journal's chat that a lesson whose call was announced there was moved, switched to in-person,
     * withdrawn or deleted: what changed since the chat last heard of it.
     */
    record AnnounceLessonChange(CallKey call, ChatKey chat) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.ANNOUNCE_LESSON_CHANGE;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.announceLessonChange(this);
        }
    }

    /**
     * Finishes a call started before its lesson's window, shortly before the lesson, so that a new one is started
     * (VK cannot be asked whether the old one still exists): only the generation it was planned for, and only while
     * the lesson has not begun.
     */
    record RenewCall(CallKey call, UUID journal, int generation) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.RENEW_CALL;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.renewCall(this);
        }
    }

    /**
     * Archives the chat of a closed academic year: renames it with the year («Алгебра 7А · 2025/2026») and posts and
     * pins the closing message; the ledger marks it ARCHIVED.
     *
     * @param title the chat's new title
     * @param yearTitle the closed year, «2025/2026»
     */
    record ArchiveChat(ChatKey chat, String title, String yearTitle) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.ARCHIVE_CHAT;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.archiveChat(this);
        }
    }

    /**
     * Takes over a chat that people made in the messenger and bound to the journal with an adoption code (MAX): if
     * the community may manage it, renames it to the journal's title and says so in it; otherwise unbinds it again and
     * asks in it for the rights.
     *
     * @param chatId the chat that was bound
     */
    record AdoptChat(ChatKey chat, long chatId) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.ADOPT_CHAT;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.adoptChat(this);
        }
    }

    /**
     * Answers in a chat of the messenger, or in a person's dialog with the community: what came of a code sent there.
     *
     * @param what what it answers (e.g. the update's id): the same {@code what} is posted once
     * @param text the answer, in Russian, as it was worded when the code was handled
     */
    record Reply(long chatId, String what, String text) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.REPLY;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.reply(this);
        }
    }

    /**
     * Posts once, in the journal's previous chat (of the messenger the school left), where the journal's chat is now:
     * the new chat's link, or its title.
     */
    record ClosePreviousChat(ChatKey chat) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.CLOSE_PREVIOUS_CHAT;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.closePreviousChat(this);
        }
    }

    /**
     * Posts a lesson held at a video link (a school whose messenger cannot start calls) in the journal's chat: the
     * lesson, its time and the link, with a button that opens it; or, where the chat was told another link of the
     * lesson, that the link changed.
     */
    record AnnounceLessonLink(CallKey lesson, ChatKey chat) implements Action {

        @Override
        public OperationKind kind() {
            return OperationKind.ANNOUNCE_LESSON_LINK;
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.announceLessonLink(this);
        }
    }
}
