package ru.paragraf.sferum.sync;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import ru.paragraf.sferum.sync.messenger.Capabilities;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.sferum.sync.messenger.Outcome;
import ru.paragraf.sferum.sync.messenger.UserAccess;
import ru.paragraf.sferum.sync.vk.VkMessengerProvider;

/**
 * The VK provider as a messenger that cannot do everything would be, as MAX's bot API (no calls, no chats of its
 * own): VK does the work, and the engine is told the capabilities a test declares. Everything else is VK's.
 */
final class DeclaredCapabilities implements MessengerProvider {

    private final VkMessengerProvider vk;
    private volatile @Nullable Capabilities declared;

    DeclaredCapabilities(VkMessengerProvider vk) {
        this.vk = vk;
    }

    /** From now on the engine is told these capabilities. */
    void declare(Capabilities capabilities) {
        declared = capabilities;
    }

    /** From now on the engine is told VK's own capabilities. */
    void reset() {
        declared = null;
    }

    @Override
    public Capabilities capabilities() {
        var capabilities = declared;
        return capabilities == null ? vk.capabilities() : capabilities;
    }

    @Override
    public Outcome<CreatedChat> createChat(CommunityAccess community, String title, List<Long> memberIds) {
        return vk.createChat(community, title, memberIds);
    }

    @Override
    public Outcome<Optional<Long>> findChat(CommunityAccess community, String title, Set<Long> knownChatIds) {
        return vk.findChat(community, title, knownChatIds);
    }

    @Override
    public Outcome<Set<Long>> presentChats(CommunityAccess community, Collection<Long> chatIds) {
        return vk.presentChats(community, chatIds);
    }

    @Override
    public Outcome<Boolean> checkUser(UserAccess user) {
        return vk.checkUser(user);
    }

    @Override
    public Outcome<String> inviteLink(CommunityAccess community, long chatId) {
        return vk.inviteLink(community, chatId);
    }

    @Override
    public Outcome<String> renewInviteLink(CommunityAccess community, long chatId) {
        return vk.renewInviteLink(community, chatId);
    }

    @Override
    public Outcome<Boolean> addMember(CommunityAccess community, long chatId, String inviteLink, UserAccess user) {
        return vk.addMember(community, chatId, inviteLink, user);
    }

    @Override
    public Outcome<Boolean> removeMember(CommunityAccess community, long chatId, long userId) {
        return vk.removeMember(community, chatId, userId);
    }

    @Override
    public Outcome<List<ChatMember>> chatMembers(CommunityAccess community, long chatId) {
        return vk.chatMembers(community, chatId);
    }

    @Override
    public Outcome<StartedCall> startCall(UserAccess user, @Nullable Long communityId) {
        return vk.startCall(user, communityId);
    }

    @Override
    public Outcome<Boolean> finishCall(UserAccess user, String callId) {
        return vk.finishCall(user, callId);
    }

    @Override
    public Outcome<Boolean> post(CommunityAccess community, long chatId, long dedupeKey, String text) {
        return vk.post(community, chatId, dedupeKey, text);
    }

    @Override
    public Outcome<Boolean> rename(CommunityAccess community, long chatId, String title) {
        return vk.rename(community, chatId, title);
    }

    @Override
    public Outcome<Boolean> pin(CommunityAccess community, long chatId, long dedupeKey, String text) {
        return vk.pin(community, chatId, dedupeKey, text);
    }

    /** The engine's messenger, declaring what a test says. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Installed {

        @Bean
        @Primary
        DeclaredCapabilities declaredCapabilities(VkMessengerProvider vk) {
            return new DeclaredCapabilities(vk);
        }
    }
}
