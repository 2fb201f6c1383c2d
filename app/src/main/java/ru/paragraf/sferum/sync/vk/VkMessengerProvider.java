package ru.paragraf.sferum.sync.vk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.sync.messenger.Capabilities;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.sferum.sync.messenger.Outcome;
import ru.paragraf.sferum.sync.messenger.Problem;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/**
 * VK Sferum as a messenger provider. Which token does what follows the public VK API (DESIGN §5.6, kept here in
 * one place): the community token creates chats, hands out invite links, finds and edits chats, removes members
 * and posts; the teacher's own token starts and finishes calls and joins a chat by its invite link, because VK
 * allows only a user token there. A credential failure of a teacher's token concerns that teacher only.
 */
@Component
public class VkMessengerProvider implements MessengerProvider {

    /** VK's largest {@code peer_ids} list of messages.getConversationsById. */
    private static final int MAX_PEERS = 100;

    /** Codes that say a user token as such is dead (bad, revoked, expired), not that one method is refused. */
    private static final Set<Integer> DEAD_USER_TOKEN = Set.of(5, 1117);

    /**
     * Answers to a community's call about a chat that say the chat is not there for it any more: no access (the
     * community was removed from it), the chat does not exist, the chat was deleted.
     */
    private static final Set<Integer> CHAT_GONE = Set.of(917, 927, 1017);

    private final VkClient vk;

    public VkMessengerProvider(VkClient vk) {
        this.vk = vk;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true, true, true);
    }

    @Override
    public Outcome<CreatedChat> createChat(CommunityAccess community, String title, List<Long> memberIds) {
        return community(
                community,
                new VkChats.CreateChat(community.communityId(), memberIds, title),
                created -> new CreatedChat(created.chatId(), Set.copyOf(created.peerIds())));
    }

    @Override
    public Outcome<Optional<Long>> findChat(CommunityAccess community, String title, Set<Long> knownChatIds) {
        return map(
                vk.allConversations(token(community), community.communityId()),
                conversations -> conversations.stream()
                        .map(VkConversations.ConversationItem::conversation)
                        .filter(it -> it.peer().isChat() && it.chatSettings() != null)
                        .filter(it -> title.equals(it.chatSettings().title()))
                        .map(it -> VkPeers.chatIdOf(it.peer().id()))
                        .filter(chatId -> !knownChatIds.contains(chatId))
                        .max(Long::compare),
                false);
    }

    @Override
    public Outcome<Set<Long>> presentChats(CommunityAccess community, Collection<Long> chatIds) {
        var present = new HashSet<Long>();
        var ids = List.copyOf(chatIds);
        for (int from = 0; from < ids.size(); from += MAX_PEERS) {
            var peers = ids.subList(from, Math.min(ids.size(), from + MAX_PEERS)).stream()
                    .map(VkPeers::ofChat)
                    .toList();
            var outcome =
                    vk.call(token(community), new VkConversations.GetConversationsById(peers, community.communityId()));
            if (outcome instanceof VkOutcome.Failed<VkConversations.Conversations> failed) {
                return Outcome.failed(problem(failed.failure(), false));
            }
            if (outcome instanceof VkOutcome.Ok<VkConversations.Conversations> ok) {
                ok.value().items().stream()
                        .filter(it -> it.peer().isChat() && it.chatSettings() != null)
                        .filter(it -> "in".equals(it.chatSettings().state()))
                        .forEach(it -> present.add(VkPeers.chatIdOf(it.peer().id())));
            }
        }
        return Outcome.done(Set.copyOf(present));
    }

    @Override
    public Outcome<Boolean> checkUser(UserAccess user) {
        return user(user, VkUsers.Get.of(), users -> true);
    }

    @Override
    public Outcome<String> inviteLink(CommunityAccess community, long chatId) {
        return chat(
                vk.call(
                        token(community),
                        new VkChats.GetInviteLink(VkPeers.ofChat(chatId), false, community.communityId())),
                VkChats.InviteLink::link);
    }

    @Override
    public Outcome<String> renewInviteLink(CommunityAccess community, long chatId) {
        return chat(
                vk.call(
                        token(community),
                        new VkChats.GetInviteLink(VkPeers.ofChat(chatId), true, community.communityId())),
                VkChats.InviteLink::link);
    }

    @Override
    public Outcome<Boolean> addMember(CommunityAccess community, long chatId, String inviteLink, UserAccess user) {
        return user(user, new VkChats.JoinChatByInviteLink(inviteLink), joined -> true);
    }

    @Override
    public Outcome<Boolean> removeMember(CommunityAccess community, long chatId, long userId) {
        var outcome = vk.call(token(community), new VkChats.RemoveChatUser(chatId, userId));
        if (outcome instanceof VkOutcome.Failed<VkDone> failed
                && failed.failure().isApiError(935)) {
            return Outcome.done(true);
        }
        return chat(outcome, done -> true);
    }

    /** Page by page, each a request of the community's within its rate limit; a chat gone says so. */
    @Override
    public Outcome<List<ChatMember>> chatMembers(CommunityAccess community, long chatId) {
        var members = new ArrayList<ChatMember>();
        var offset = 0;
        while (true) {
            var page = vk.call(
                    token(community),
                    VkConversations.GetConversationMembers.withNames(
                            VkPeers.ofChat(chatId), offset, community.communityId()));
            if (page instanceof VkOutcome.Failed<VkConversations.Members> failed) {
                return Outcome.failed(chatProblem(failed.failure()));
            }
            var found = ((VkOutcome.Ok<VkConversations.Members>) page).value();
            members.addAll(membersOf(found));
            offset += found.items().size();
            if (found.items().isEmpty() || offset >= found.count()) {
                return Outcome.done(List.copyOf(members));
            }
        }
    }

    private static List<ChatMember> membersOf(VkConversations.Members page) {
        var names = new HashMap<Long, String>();
        page.profiles().forEach(user -> names.put(user.id(), (user.firstName() + " " + user.lastName()).strip()));
        page.groups().forEach(group -> names.put(-group.id(), group.name()));
        return page.items().stream()
                .map(member -> new ChatMember(member.memberId(), names.get(member.memberId())))
                .toList();
    }

    @Override
    public Outcome<StartedCall> startCall(UserAccess user, @Nullable Long communityId) {
        return user(user, new VkCalls.Start(null), started -> new StartedCall(started.callId(), started.joinLink()));
    }

    @Override
    public Outcome<Boolean> finishCall(UserAccess user, String callId) {
        var outcome = vk.call(new UserToken(user.token()), new VkCalls.ForceFinish(callId));
        if (outcome instanceof VkOutcome.Failed<VkDone> failed
                && failed.failure().isApiError(104)) {
            return Outcome.done(true);
        }
        return map(outcome, done -> true, true);
    }

    @Override
    public Outcome<Boolean> post(CommunityAccess community, long chatId, long dedupeKey, String text) {
        var outcome = vk.call(
                token(community),
                new VkMessages.SendToPeers(List.of(VkPeers.ofChat(chatId)), dedupeKey, text, community.communityId()));
        if (outcome instanceof VkOutcome.Ok<VkMessages.Sent> ok) {
            var refused = ok.value().results().stream()
                    .filter(it -> it.error() != null)
                    .findFirst();
            if (refused.isPresent()) {
                var error = refused.get().error();
                var failure = VkFailure.apiError(
                        "messages.send",
                        error.code(),
                        error.description() == null ? "" : error.description(),
                        java.util.Map.of());
                return Outcome.failed(chatProblem(failure));
            }
        }
        return chat(outcome, sent -> true);
    }

    /**
     * messages.getConversationsById, then messages.editChat only if the chat's title is another: an editChat posts a
     * service message to the members («… изменило название беседы»; for the same title UNCONFIRMED, the emulator
     * does), so a rename repeated after its answer was lost (a crash, a timeout) is not sent again.
     */
    @Override
    public Outcome<Boolean> rename(CommunityAccess community, long chatId, String title) {
        var read = vk.call(
                token(community),
                new VkConversations.GetConversationsById(List.of(VkPeers.ofChat(chatId)), community.communityId()));
        if (read instanceof VkOutcome.Ok<VkConversations.Conversations> ok
                && ok.value().items().stream()
                        .anyMatch(it -> it.chatSettings() != null
                                && title.equals(it.chatSettings().title()))) {
            return Outcome.done(true);
        }
        if (read instanceof VkOutcome.Failed<VkConversations.Conversations> failed) {
            return Outcome.failed(chatProblem(failed.failure()));
        }
        return chat(vk.call(token(community), new VkChats.EditChat(chatId, title)), done -> true);
    }

    /**
     * messages.send to the chat's peer (VK answers a repeated {@code random_id} with the first message), then
     * messages.pin of the message by its {@code conversation_message_id}.
     */
    @Override
    public Outcome<Boolean> pin(CommunityAccess community, long chatId, long dedupeKey, String text) {
        var peer = VkPeers.ofChat(chatId);
        var outcome = vk.call(
                token(community), new VkMessages.SendToPeers(List.of(peer), dedupeKey, text, community.communityId()));
        if (outcome instanceof VkOutcome.Ok<VkMessages.Sent> ok) {
            var sent = ok.value().results().stream().findFirst().orElse(null);
            if (sent != null && sent.error() != null) {
                var error = sent.error();
                return Outcome.failed(chatProblem(VkFailure.apiError(
                        "messages.send",
                        error.code(),
                        error.description() == null ? "" : error.description(),
                        java.util.Map.of())));
            }
            if (sent == null || sent.conversationMessageId() == null) {
                return Outcome.failed(chatProblem(VkFailure.apiError(
                        "messages.send", 0, "no conversation_message_id in the answer", java.util.Map.of())));
            }
            return chat(
                    vk.call(
                            token(community),
                            new VkMessages.Pin(peer, sent.conversationMessageId(), community.communityId())),
                    pinned -> true);
        }
        return chat(outcome, sent -> true);
    }

    /** A community's call about one chat: an answer that the chat is gone says so ({@link Problem.Kind#GONE}). */
    private static <T, R> Outcome<R> chat(VkOutcome<T> outcome, Function<T, R> answer) {
        return outcome.fold(
                value -> Outcome.done(answer.apply(value)), failure -> Outcome.failed(chatProblem(failure)));
    }

    private static Problem chatProblem(VkFailure failure) {
        var problem = problem(failure, false);
        if (failure.kind() == VkFailure.Kind.API_ERROR && CHAT_GONE.contains(failure.code())) {
            return new Problem(Problem.Kind.GONE, false, problem.explanation(), problem.detail());
        }
        return problem;
    }

    private <T, R> Outcome<R> community(CommunityAccess community, VkRequest<T> request, Function<T, R> answer) {
        return map(vk.call(token(community), request), answer, false);
    }

    private <T, R> Outcome<R> user(UserAccess user, VkRequest<T> request, Function<T, R> answer) {
        return map(vk.call(new UserToken(user.token()), request), answer, true);
    }

    private static <T, R> Outcome<R> map(VkOutcome<T> outcome, Function<T, R> answer, boolean userToken) {
        return outcome.fold(
                value -> Outcome.done(answer.apply(value)), failure -> Outcome.failed(problem(failure, userToken)));
    }

    /** A teacher's rejected token is that teacher's matter (re-link the VK ID), not the school's credentials. */
    static Problem problem(VkFailure failure, boolean userToken) {
        var kind =
                switch (failure.category()) {
                    case RETRY -> Problem.Kind.RETRY;
                    case CREDENTIALS -> !userToken
                            ? Problem.Kind.CREDENTIALS
                            : deadUserToken(failure) ? Problem.Kind.USER_CREDENTIALS : Problem.Kind.ITEM;
                    case ITEM -> Problem.Kind.ITEM;
                    case BUG -> Problem.Kind.BUG;
                };
        var explanation = userToken && failure.category() == VkErrorCategory.CREDENTIALS
                ? new DefaultMessageSourceResolvable(new String[] {"sync.problem.teacherToken"})
                : failure.explanation();
        return new Problem(kind, failure.ambiguous(), explanation, failure.describe());
    }

    private static boolean deadUserToken(VkFailure failure) {
        return failure.kind() == VkFailure.Kind.API_ERROR && DEAD_USER_TOKEN.contains(failure.code());
    }

    private static CommunityToken token(CommunityAccess community) {
        return new CommunityToken(community.token());
    }
}
