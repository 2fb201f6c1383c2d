package ru.paragraf.sferum.sync.max;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.Capabilities;
import ru.paragraf.sferum.sync.messenger.ChatMessage;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.sferum.sync.messenger.Outcome;
import ru.paragraf.sferum.sync.messenger.Problem;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/**
 * The engine's messenger for a MAX school, over the school's bot ({@code CommunityAccess} is the bot's user id and
 * token). The bot cannot create chats, hand out invite links nor start calls: chats are adopted (a teacher creates
 * one and makes the bot its admin), and the bot puts people in and takes them out by their MAX user id.
 *
 * <p>MAX has no idempotency key for messages: a post writes its attempt ({@link SentMessages}) before it sends, and
 * the {@code mid} MAX answers; an attempt whose answer was lost looks for the bot's own message with the same text in
 * the chat's recent messages, one not yet known as another post's, before it sends again.
 */
@Component
public class MaxMessengerProvider implements MessengerProvider {

    private static final Capabilities CAPABILITIES = new Capabilities(false, false, false, true, true);

    /** How many of a chat's newest messages a lost answer is looked for in (MAX's maximum). */
    private static final int RECENT = 100;

    private final MaxClient max;
    private final SentMessages sent;

    MaxMessengerProvider(MaxClient max, SentMessages sent) {
        this.max = max;
        this.sent = sent;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Outcome<CreatedChat> createChat(CommunityAccess community, String title, List<Long> memberIds) {
        return unable("CREATES_CHATS");
    }

    @Override
    public Outcome<Optional<Long>> findChat(CommunityAccess community, String title, Set<Long> knownChatIds) {
        return unable("CREATES_CHATS");
    }

    /** Present: MAX shows the chat as active, and the bot is an admin of it; a chat it answers 403/404 for is gone. */
    @Override
    public Outcome<Set<Long>> presentChats(CommunityAccess community, Collection<Long> chatIds) {
        var token = token(community);
        var present = new HashSet<Long>();
        for (var chatId : Set.copyOf(chatIds)) {
            var chat = max.call(token, new MaxChats.Get(chatId));
            if (chat instanceof MaxOutcome.Failed<MaxChats.Chat> failed) {
                if (absent(failed.failure())) {
                    continue;
                }
                return Outcome.failed(failed.failure().toProblem());
            }
            if (!chat.orThrow().active()) {
                continue;
            }
            var me = max.call(token, new MaxMembers.Me(chatId));
            if (me instanceof MaxOutcome.Failed<MaxMembers.Member> failed) {
                if (absent(failed.failure())) {
                    continue;
                }
                return Outcome.failed(failed.failure().toProblem());
            }
            if (me.orThrow().isAdmin()) {
                present.add(chatId);
            }
        }
        return Outcome.done(present);
    }

    @Override
    public Outcome<Boolean> checkUser(UserAccess user) {
        return unable("CALLS");
    }

    /** {@code GET /chats/{id}}: the chat's {@code link}, which MAX gives for some chats only. */
    @Override
    public Outcome<Optional<String>> chatLink(CommunityAccess community, long chatId) {
        return max.call(token(community), new MaxChats.Get(chatId))
                .fold(
                        chat -> Outcome.done(Optional.ofNullable(chat.link()).filter(link -> !link.isBlank())),
                        failure -> Outcome.failed(failure.toProblem()));
    }

    @Override
    public Outcome<String> inviteLink(CommunityAccess community, long chatId) {
        return unable("INVITE_LINKS");
    }

    @Override
    public Outcome<String> renewInviteLink(CommunityAccess community, long chatId) {
        return unable("INVITE_LINKS");
    }

    /** People are put in by the bot: see {@link #addMember(CommunityAccess, long, long)}. */
    @Override
    public Outcome<Boolean> addMember(CommunityAccess community, long chatId, String inviteLink, UserAccess user) {
        return addMember(community, chatId, user.userId());
    }

    /**
     * {@code POST /chats/{id}/members}; adding a member again changes nothing. MAX's refusal of this user (privacy
     * settings, an unknown account) is an item problem with its Russian reason.
     */
    @Override
    public Outcome<Boolean> addMember(CommunityAccess community, long chatId, long userId) {
        return max.call(token(community), new MaxMembers.Add(chatId, List.of(userId)))
                .fold(
                        added -> {
                            var refusal = added.refusals().get(userId);
                            return refusal == null
                                    ? Outcome.done(true)
                                    : Outcome.failed(refused(refusal, chatId, userId));
                        },
                        failure -> Outcome.failed(failure.toProblem()));
    }

    /** {@code DELETE /chats/{id}/members}; a user MAX does not find in the chat counts as removed. */
    @Override
    public Outcome<Boolean> removeMember(CommunityAccess community, long chatId, long userId) {
        return max.call(token(community), new MaxMembers.Remove(chatId, userId, false))
                .fold(removed -> Outcome.done(true), failure -> {
                    if (failure.status() == 404 && !failure.isError("chat.not.found")) {
                        return Outcome.<Boolean>done(true);
                    }
                    return Outcome.<Boolean>failed(failure.toProblem());
                });
    }

    /** Every page of {@code GET /chats/{id}/members}; the bot itself as minus its id, as the engine lists its account. */
    @Override
    public Outcome<List<ChatMember>> chatMembers(CommunityAccess community, long chatId) {
        var token = token(community);
        var members = new ArrayList<ChatMember>();
        @Nullable Long marker = null;
        do {
            var page = max.call(token, new MaxMembers.Get(chatId, MaxMembers.MAX_PAGE, marker));
            if (page instanceof MaxOutcome.Failed<MaxMembers.Page> failed) {
                return Outcome.failed(failed.failure().toProblem());
            }
            var answer = page.orThrow();
            // the bot is the school's account: listed as a community is, minus its id
            answer.members()
                    .forEach(member -> members.add(new ChatMember(
                            member.userId() == community.communityId() ? -member.userId() : member.userId(),
                            name(member),
                            member.isOwner())));
            marker = answer.marker();
        } while (marker != null);
        return Outcome.done(List.copyOf(members));
    }

    @Override
    public Outcome<StartedCall> startCall(UserAccess user, @Nullable Long communityId) {
        return unable("CALLS");
    }

    @Override
    public Outcome<Boolean> finishCall(UserAccess user, String callId) {
        return unable("CALLS");
    }

    @Override
    public Outcome<Boolean> post(CommunityAccess community, long chatId, long dedupeKey, String text) {
        return post(community, chatId, dedupeKey, ChatMessage.text(text));
    }

    /** The text and, if the message has one, its link button as an {@code inline_keyboard} attachment. */
    @Override
    public Outcome<Boolean> post(CommunityAccess community, long chatId, long dedupeKey, ChatMessage message) {
        return send(community, chatId, dedupeKey, message).fold(mid -> Outcome.done(true), Outcome::failed);
    }

    /** {@code PATCH /chats/{id}} unless the chat has that title already (read first): a repeat tells nobody again. */
    @Override
    public Outcome<Boolean> rename(CommunityAccess community, long chatId, String title) {
        var token = token(community);
        var chat = max.call(token, new MaxChats.Get(chatId));
        if (chat instanceof MaxOutcome.Failed<MaxChats.Chat> failed) {
            return Outcome.failed(failed.failure().toProblem());
        }
        if (title.equals(chat.orThrow().title())) {
            return Outcome.done(true);
        }
        return max.call(token, new MaxChats.EditTitle(chatId, title))
                .fold(renamed -> Outcome.done(true), failure -> Outcome.failed(failure.toProblem()));
    }

    /** Posts as {@link #post} does, then pins that message: a repeat pins the one message again. */
    @Override
    public Outcome<Boolean> pin(CommunityAccess community, long chatId, long dedupeKey, String text) {
        return send(community, chatId, dedupeKey, ChatMessage.text(text))
                .fold(
                        mid -> max.call(token(community), new MaxChats.Pin(chatId, mid, false))
                                .fold(pinned -> Outcome.done(true), failure -> Outcome.failed(failure.toProblem())),
                        Outcome::failed);
    }

    /** The message's {@code mid}: the one posted for this key before, found after a lost answer, or posted now. */
    private Outcome<String> send(CommunityAccess community, long chatId, long dedupeKey, ChatMessage posted) {
        var text = posted.text();
        var button = posted.button();
        if (button != null
                && (button.caption().isEmpty()
                        || button.caption().length() > 128
                        || button.url().isEmpty()
                        || button.url().length() > 2048)) {
            return Outcome.failed(new Problem(
                    Problem.Kind.BUG,
                    false,
                    new DefaultMessageSourceResolvable(
                            new String[] {"max.error.problem.BUG"}, new Object[] {0}, "max.error.problem.BUG"),
                    "A link button beyond MAX's limits: caption 1–128, url 1–2048 characters"));
        }
        if (text.isEmpty() || text.length() > MaxMessages.MAX_TEXT) {
            return Outcome.failed(new Problem(
                    Problem.Kind.BUG,
                    false,
                    new DefaultMessageSourceResolvable(
                            new String[] {"max.error.problem.BUG"}, new Object[] {0}, "max.error.problem.BUG"),
                    "A message of " + text.length() + " characters is beyond MAX's limit of " + MaxMessages.MAX_TEXT));
        }
        var bot = community.communityId();
        var token = token(community);
        var attempt = sent.find(bot, chatId, dedupeKey);
        if (attempt instanceof SentMessages.Attempt.Sent known) {
            return Outcome.done(known.mid());
        }
        if (attempt instanceof SentMessages.Attempt.Unanswered) {
            var found = lost(token, bot, chatId, text);
            if (found instanceof Outcome.Failed<Optional<String>> failed) {
                return Outcome.failed(failed.problem());
            }
            var mid = ((Outcome.Done<Optional<String>>) found).value();
            if (mid.isPresent()) {
                sent.sent(bot, chatId, dedupeKey, mid.get());
                return Outcome.done(mid.get());
            }
        }
        sent.attempting(bot, chatId, dedupeKey);
        var send = button == null
                ? MaxMessages.Send.text(chatId, text)
                : new MaxMessages.Send(chatId, text, new MaxMessages.LinkButton(button.caption(), button.url()), true);
        return max.call(token, send)
                .fold(
                        message -> {
                            sent.sent(bot, chatId, dedupeKey, message.message().mid());
                            return Outcome.done(message.message().mid());
                        },
                        failure -> {
                            if (!failure.ambiguous()) {
                                sent.notSent(bot, chatId, dedupeKey);
                            }
                            return Outcome.failed(failure.toProblem());
                        });
    }

    /**
     * The message an attempt whose answer was lost posted, if MAX has it: the bot's own, with exactly this text, among
     * the chat's newest, and not known as another post's. The oldest such, if several.
     */
    private Outcome<Optional<String>> lost(MaxToken token, long bot, long chatId, String text) {
        var recent = max.call(token, new MaxMessages.Recent(chatId, RECENT));
        if (recent instanceof MaxOutcome.Failed<MaxMessages.Messages> failed) {
            return Outcome.failed(failed.failure().toProblem());
        }
        var candidates = recent.orThrow().messages().stream()
                .filter(message -> message.sender().userId() == bot && text.equals(message.text()))
                .toList();
        var known = sent.known(
                chatId, candidates.stream().map(MaxMessages.Message::mid).collect(Collectors.toSet()));
        return Outcome.done(candidates.stream()
                .filter(message -> !known.contains(message.mid()))
                .min(Comparator.comparingLong(MaxMessages.Message::timestamp))
                .map(MaxMessages.Message::mid));
    }

    /** MAX refused to add this user: their privacy settings, or an account it does not know. */
    private static Problem refused(String code, long chatId, long userId) {
        return new Problem(
                Problem.Kind.ITEM,
                false,
                new DefaultMessageSourceResolvable(
                        new String[] {"max.error." + code, "max.error.problem.ITEM"}, new Object[] {0}),
                "POST /chats/{chatId}/members: MAX refused user " + userId + " of chat " + chatId + ": " + code);
    }

    /** A chat MAX no longer shows the bot: deleted, or the bot is no longer in it. */
    private static boolean absent(MaxFailure failure) {
        return failure.status() == 403 || failure.status() == 404;
    }

    private static @Nullable String name(MaxMembers.Member member) {
        var name = ((member.firstName() == null ? "" : member.firstName()) + " "
                        + (member.lastName() == null ? "" : member.lastName()))
                .strip();
        return name.isEmpty() ? null : name;
    }

    private static MaxToken token(CommunityAccess community) {
        return new MaxToken(community.token());
    }

    /** What the bot cannot do at all; the engine plans none of it ({@link #capabilities()}). */
    private static <T> Outcome<T> unable(String capability) {
        var key = "sync.capability." + capability;
        return Outcome.failed(new Problem(
                Problem.Kind.BUG,
                false,
                new DefaultMessageSourceResolvable(new String[] {key}, key),
                "MAX's bot API offers no " + capability));
    }
}
