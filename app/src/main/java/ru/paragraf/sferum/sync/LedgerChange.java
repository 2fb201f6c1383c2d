package ru.paragraf.sferum.sync;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.sferum.sync.messenger.Problem;

/**
 * What an operation changes in the ledger, as data: a handler returns it in its {@link Completion}, and
 * {@link Outcomes} writes it in the transaction that records the operation's end, so the two never disagree. A
 * change that makes more work possible in its journal says so ({@link #followUp()}); that is planned in the same
 * transaction.
 */
sealed interface LedgerChange {

    void applyTo(Ledger ledger);

    /** What to plan in the journal once the change is written; null: nothing. */
    default @Nullable FollowUp followUp() {
        return null;
    }

    /**
     * Work that a change makes possible in a journal: the operations of these kinds are planned for it. Outcomes of
     * the same journal are recorded one after the other, so that planning what follows sees what the other did.
     */
    record FollowUp(UUID journal, Set<OperationKind> kinds) {

        static FollowUp of(UUID journal, OperationKind first, OperationKind... rest) {
            return new FollowUp(journal, EnumSet.of(first, rest));
        }

        /** Everything the journal needs: the change altered what it needs (a lost chat is replaced). */
        static FollowUp everything(UUID journal) {
            return new FollowUp(journal, EnumSet.allOf(OperationKind.class));
        }
    }

    /**
     * A chat people made and bound to the journal by a code is the community's to manage now (renamed, told so): its
     * row was written at the binding, and the journal's members follow at once.
     */
    record ChatAdopted(ChatKey chat, long chatId, @Nullable String link) implements LedgerChange {

        /**
         * The chat's link as the messenger gives it, shown where a chat's invite link is; marked adopted: the
         * journal's previous chat, if the school moved, may be told where the chat is now.
         */
        @Override
        public void applyTo(Ledger ledger) {
            ledger.chatLink(chat, chatId, link);
            ledger.chatAdopted(chat);
        }

        @Override
        public FollowUp followUp() {
            return FollowUp.of(
                    chat.journal(),
                    OperationKind.ADD_MEMBER,
                    OperationKind.REMOVE_MEMBER,
                    OperationKind.CHECK_MEMBERS,
                    OperationKind.CLOSE_PREVIOUS_CHAT);
        }
    }

    /** The journal's previous chat got its closing message: never again. */
    record PreviousChatClosed(ChatKey chat) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.previousChatClosed(chat);
        }
    }

    /** Someone in a chat: their messenger account, who they are in the school's data, and why they belong. */
    record Member(long vkUser, @Nullable UUID person, MemberRole role) {}

    /** The chat exists in the messenger with these of the journal's teachers in it. */
    record ChatCreated(ChatKey chat, long chatId, Collection<Member> members) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.chatCreated(chat, chatId, members);
        }

        /** A new chat gets its invite link and the announcements of the calls already running. */
        @Override
        public FollowUp followUp() {
            return FollowUp.of(chat.journal(), OperationKind.INVITE_LINK, OperationKind.ANNOUNCE_CALL);
        }
    }

    /**
     * The chat of a closed year is renamed with the year and its closing message pinned: archived. Its pupils and
     * parents are taken out next where the school chose it.
     */
    record ChatArchived(ChatKey chat, String title) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.chatArchived(chat, title);
        }

        @Override
        public FollowUp followUp() {
            return FollowUp.of(chat.journal(), OperationKind.REMOVE_MEMBER);
        }
    }

    record ChatFailed(ChatKey chat, Problem.Kind category, String problem) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.chatFailed(chat, category, problem);
        }
    }

    /** The messenger no longer has the chat: recorded as lost at this first error, and replaced. */
    record ChatLost(ChatKey chat, long chatId, String problem) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.chatLost(chat, chatId, problem);
        }

        @Override
        public FollowUp followUp() {
            return FollowUp.everything(chat.journal());
        }
    }

    /**
     * The chat's invite link, first or renewed ({@code renewal}), asked for at {@code asked}: the old one is never
     * shown again, and a removal recorded after {@code asked} makes the link due for renewal again.
     */
    record InviteLinkReceived(ChatKey chat, String link, OffsetDateTime asked, boolean renewal)
            implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.inviteLink(chat, link, asked);
        }

        /**
         * The people who belong join by the invite link; and after a renewal, a removal that ended while the link was
         * asked for, its own renewal kept out by this one, gets one now: the person removed may have seen this link.
         * (A chat's first link follows no removal but, rarely, a former teacher's; the next run renews it then.)
         */
        @Override
        public FollowUp followUp() {
            return renewal
                    ? FollowUp.of(chat.journal(), OperationKind.ADD_MEMBER, OperationKind.RENEW_INVITE_LINK)
                    : FollowUp.of(chat.journal(), OperationKind.ADD_MEMBER);
        }
    }

    /** Someone who belongs is in the chat now. */
    record MemberAdded(ChatKey chat, long vkUser, UUID person, MemberRole role) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.memberAdded(chat, new Member(vkUser, person, role));
        }

        /** A new teacher in: a former one may go now (a chat never has no teacher). */
        @Override
        public @Nullable FollowUp followUp() {
            return role == MemberRole.TEACHER ? FollowUp.of(chat.journal(), OperationKind.REMOVE_MEMBER) : null;
        }
    }

    /** Someone who belongs could not be put into the chat: the diary tells them why. */
    record MemberFailed(ChatKey chat, Member member, String problem) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.memberFailed(chat, member, problem);
        }
    }

    /** Someone who no longer belongs is out of the chat. */
    record MemberRemoved(ChatKey chat, long vkUser) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.memberRemoved(chat, vkUser);
        }

        /** Every removal renews the invite link: once the chat's last open removal is done. */
        @Override
        public FollowUp followUp() {
            return FollowUp.of(chat.journal(), OperationKind.RENEW_INVITE_LINK);
        }
    }

    /**
     * The chat's members as the messenger listed them at {@code asked}: strangers are recorded, members who left on
     * their own too.
     *
     * @param community the community that owns the chat, a member itself and never a stranger
     */
    record MembersChecked(ChatKey chat, long community, List<MessengerProvider.ChatMember> listed, OffsetDateTime asked)
            implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.strangers().checked(chat, community, listed, asked);
        }

        /** Who left on their own and still belongs is put in again (docs/architecture.md, «Состав чата»). */
        @Override
        public FollowUp followUp() {
            return FollowUp.of(chat.journal(), OperationKind.ADD_MEMBER);
        }
    }

    /** A stranger is out of the chat: the invite link they may have come by is renewed. */
    record StrangerRemoved(ChatKey chat, long vkUser, OffsetDateTime at) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.strangers().removed(chat, vkUser, at);
        }

        @Override
        public FollowUp followUp() {
            return FollowUp.of(chat.journal(), OperationKind.RENEW_INVITE_LINK);
        }
    }

    /**
     * The call is live, started by this teacher.
     *
     * @param vkUser the teacher's messenger account, whose token alone may finish the call
     * @param afterFailure the call had failed for good before: its teachers were told, and are told it is fixed
     */
    record CallStarted(
            CallKey call,
            UUID journal,
            String callId,
            String joinLink,
            UUID employee,
            long vkUser,
            boolean afterFailure)
            implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.callStarted(call, callId, joinLink, employee, vkUser);
        }

        /** A new call gets announced in the journal's chat. */
        @Override
        public FollowUp followUp() {
            return FollowUp.of(journal, OperationKind.ANNOUNCE_CALL);
        }
    }

    record CallFailed(CallKey call, Problem.Kind category, String problem, @Nullable String link)
            implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.callFailed(call, category, problem, link);
        }
    }

    record CallFinished(CallKey call) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.callFinished(call);
        }
    }

    /**
     * The call started before its lesson's window is finished: a new one, of the next generation, is started for the
     * lesson and announced; the old link is never shown again.
     */
    record CallReplaced(CallKey call, UUID journal) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.callFinished(call);
        }

        @Override
        public FollowUp followUp() {
            return FollowUp.of(journal, OperationKind.START_CALL);
        }
    }

    /** The call's link is in chat {@code chatId}, which knows the lesson as held by video call at this time. */
    record CallAnnounced(CallKey call, long chatId, LocalDateTime start, LocalDateTime end) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.callAnnounced(call, chatId, start, end);
        }
    }

    /** The chat was told that its lesson changed: it knows the lesson as {@code news} has it now. */
    record LessonChangeSaid(CallKey call, LessonNews news) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.told().said(call, news);
        }
    }

    /** The chat was told the lesson's link: it knows the lesson at that link, held by video at its time now. */
    record LessonLinkTold(LessonLinks.LinkLesson lesson, long chatId) implements LedgerChange {

        @Override
        public void applyTo(Ledger ledger) {
            ledger.lessonLinks().told(lesson, chatId);
        }
    }
}
