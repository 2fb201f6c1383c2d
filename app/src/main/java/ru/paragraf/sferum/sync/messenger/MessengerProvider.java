package ru.paragraf.sferum.sync.messenger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A messenger as the synchronization engine uses it. Implementations classify every failure; none throws for a
 * failure of the messenger. Which token each call needs is the provider's business. What a provider can do at all it
 * declares in its {@link Capabilities}; the engine calls nothing that they exclude.
 */
public interface MessengerProvider {

    Capabilities capabilities();

    /** Creates a chat owned by the community with the given members; not idempotent. */
    Outcome<CreatedChat> createChat(CommunityAccess community, String title, List<Long> memberIds);

    /**
     * A chat of the community with exactly this title that is none of {@code knownChatIds}: the one an earlier,
     * unanswered {@link #createChat} may have created. The newest if several.
     */
    Outcome<Optional<Long>> findChat(CommunityAccess community, String title, Set<Long> knownChatIds);

    /**
     * Which of these chats of the community still exist and are still the community's to manage: a chat deleted in
     * the messenger, or one the community was removed from, is left out. Asks in batches within the rate limit.
     */
    Outcome<Set<Long>> presentChats(CommunityAccess community, Collection<Long> chatIds);

    /** Whether the person's own token still works: done with true, or failed with the reason. */
    Outcome<Boolean> checkUser(UserAccess user);

    /** The chat's invite link, created if there is none yet. */
    Outcome<String> inviteLink(CommunityAccess community, long chatId);

    /**
     * A new invite link of the chat: every earlier one stops working. Not idempotent, but a repeat is harmless: it
     * only makes the link of the first call stop working too.
     */
    Outcome<String> renewInviteLink(CommunityAccess community, long chatId);

    /**
     * The chat's own link as the messenger gives it, for a messenger without invite links
     * ({@link Capabilities#inviteLinks()} false) whose chats have one; empty where it gives none. A provider with
     * invite links has none to give here.
     */
    default Outcome<Optional<String>> chatLink(CommunityAccess community, long chatId) {
        return Outcome.done(Optional.empty());
    }

    /** Adds a user to a chat: as the user by the invite link, or by the community, as the messenger allows. */
    Outcome<Boolean> addMember(CommunityAccess community, long chatId, String inviteLink, UserAccess user);

    /**
     * The community puts a user into a chat, for a messenger without invite links ({@link Capabilities#inviteLinks()}
     * false). A refusal that concerns this user alone (their privacy settings, an unknown account) is an
     * {@link Problem.Kind#ITEM} problem explaining it. A provider with invite links adds people by them only.
     */
    default Outcome<Boolean> addMember(CommunityAccess community, long chatId, long userId) {
        return Outcome.failed(new Problem(
                Problem.Kind.BUG,
                false,
                new DefaultMessageSourceResolvable(new String[] {"sync.capability.MEMBERS"}, "sync.capability.MEMBERS"),
                "This provider adds people by invite links only"));
    }

    /** Removes a user from a chat; a user who is not in it counts as removed. */
    Outcome<Boolean> removeMember(CommunityAccess community, long chatId, long userId);

    /**
     * Everyone in the chat, as the messenger lists them (the community too), with the names it gives; read page by
     * page within the community's rate limit.
     */
    Outcome<List<ChatMember>> chatMembers(CommunityAccess community, long chatId);

    /** Starts a call as the user; not idempotent, and a lost answer cannot be recovered. */
    Outcome<StartedCall> startCall(UserAccess user, @Nullable Long communityId);

    /** Finishes a call started by the same user; finishing a finished call succeeds. */
    Outcome<Boolean> finishCall(UserAccess user, String callId);

    /** Posts a message as the community; the same {@code dedupeKey} never posts twice. */
    Outcome<Boolean> post(CommunityAccess community, long chatId, long dedupeKey, String text);

    /**
     * Posts a message with its button, where the messenger has buttons, as the community; the same {@code dedupeKey}
     * never posts twice. A provider without buttons posts the text alone, which carries the button's link too.
     */
    default Outcome<Boolean> post(CommunityAccess community, long chatId, long dedupeKey, ChatMessage message) {
        return post(community, chatId, dedupeKey, message.text());
    }

    /**
     * Gives the chat a new title, unless it has that title already: a rename repeated after a lost answer tells the
     * members nothing again.
     */
    Outcome<Boolean> rename(CommunityAccess community, long chatId, String title);

    /**
     * Posts a message as the community and pins it in the chat: the same {@code dedupeKey} never posts twice (a
     * repeat pins the first message again), and pinning the pinned message again is harmless.
     */
    Outcome<Boolean> pin(CommunityAccess community, long chatId, long dedupeKey, String text);

    /** A created chat and the members the messenger actually added. */
    record CreatedChat(long chatId, Set<Long> memberIds) {}

    /**
     * Someone in a chat.
     *
     * @param id the user's id, or a community's as minus its id
     * @param name the name the messenger gives, if it gives one
     * @param owner whether this is the person who made the chat, whom the messenger lets nobody remove: no stranger
     *     however the journal stands (a chat people made and the community took over)
     */
    record ChatMember(long id, @Nullable String name, boolean owner) {

        public ChatMember(long id, @Nullable String name) {
            this(id, name, false);
        }
    }

    /** A started call. */
    record StartedCall(String callId, String joinLink) {}
}
