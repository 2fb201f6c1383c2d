package ru.paragraf.vkemulator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything an emulator instance knows, shared by its HTTP handlers and its Java API. With a state file, it starts
 * from the file's content (the seed only adds what is missing there) and every change goes through
 * {@link #durability}.
 */
final class EmulatorState {

    /** Test accounts get ids above this: VK's newest user ids are about 2·10¹¹. */
    static final long TEST_ACCOUNT_IDS = 200_000_000_000L;

    final EmulatorConfig config;
    final Directory directory = new Directory();
    final Tokens tokens = new Tokens();
    final RateLimits rateLimits;
    final Chats chats = new Chats();
    final Memberships memberships = new Memberships(this);
    final Calls calls = new Calls();
    final Stats stats = new Stats();
    final Faults faults = new Faults();
    final VkIdGrants grants = new VkIdGrants();
    final Durability durability;
    private final Clock clock;

    EmulatorState(EmulatorConfig config) {
        this.config = config;
        this.clock = config.clock();
        this.rateLimits = new RateLimits(config);
        faults.set(config.faults());
        if (config.stateFile() == null) {
            apply(config.seed());
            durability = Durability.NONE;
            return;
        }
        var file = StateFile.open(config.stateFile());
        try {
            var saved = file.read();
            if (saved == null) {
                apply(config.seed());
            } else {
                restore(saved, file.path());
                applyMissing(config.seed());
            }
            // last: saves the state once, then its writer thread reads this object
            durability = new GroupCommit(file, this::saved);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private void requireUser(long userId) {
        if (directory.user(userId) == null) {
            throw new IllegalArgumentException("unknown user " + userId);
        }
    }

    long nowMillis() {
        return clock.millis();
    }

    /** Adds the seed's communities, users and clients; returns it with generated token values filled in. */
    synchronized Seed apply(Seed seed) {
        var communities = new ArrayList<Seed.Community>();
        for (var community : seed.communities()) {
            communities.add(add(community));
        }
        seed.users().forEach(this::add);
        seed.clients().forEach(this::add);
        return new Seed(communities, seed.users(), seed.clients());
    }

    /** At start-up over a loaded state: adds the seed's communities, tokens, users and clients that it lacks. */
    private void applyMissing(Seed seed) {
        for (var community : seed.communities()) {
            if (directory.community(community.id()) == null) {
                add(community);
            } else {
                var unknown = community.tokens().stream()
                        .filter(token -> token.value() != null && tokens.find(token.value()) == null)
                        .toList();
                if (!unknown.isEmpty()) {
                    var existing = directory.community(community.id());
                    add(new Seed.Community(
                            community.id(),
                            existing.name(),
                            existing.screenName(),
                            unknown,
                            existing.organizationMembers() == null
                                    ? null
                                    : List.copyOf(existing.organizationMembers())));
                }
            }
        }
        seed.users().stream().filter(user -> directory.user(user.id()) == null).forEach(this::add);
        seed.clients().stream()
                .filter(client -> directory.client(client.clientId()) == null)
                .forEach(this::add);
    }

    Seed.Community add(Seed.Community seed) {
        if (seed.id() <= 0) {
            throw new IllegalArgumentException("community id must be positive: " + seed.id());
        }
        var name = seed.name() == null ? "Сообщество " + seed.id() : seed.name();
        var screenName = seed.screenName() == null ? "club" + seed.id() : seed.screenName();
        var members = seed.organizationMembers() == null ? null : new HashSet<>(seed.organizationMembers());
        directory.add(new Community(seed.id(), name, screenName, members));
        var tokensWithValues = new ArrayList<Seed.Token>();
        for (var token : seed.tokens()) {
            var value = token.value() == null ? "vk1.a." + Secrets.urlSafe(96) : token.value();
            var mask = CommunityPermission.mask(token.permissions().stream()
                    .map(CommunityPermission::byName)
                    .toList());
            tokens.addCommunityToken(seed.id(), value, mask);
            tokensWithValues.add(new Seed.Token(value, token.permissions()));
        }
        return new Seed.Community(seed.id(), name, screenName, tokensWithValues, seed.organizationMembers());
    }

    void add(Seed.User seed) {
        if (seed.id() <= 0) {
            throw new IllegalArgumentException("user id must be positive: " + seed.id());
        }
        directory.add(new VkUser(
                seed.id(),
                seed.firstName() == null ? "Пользователь" : seed.firstName(),
                seed.lastName() == null ? String.valueOf(seed.id()) : seed.lastName(),
                seed.login() == null ? "id" + seed.id() : seed.login(),
                seed.password(),
                seed.email(),
                seed.phone(),
                seed.sex() == null ? 0 : seed.sex(),
                seed.birthday(),
                "https://vk.com/images/camera_200.png"));
    }

    void add(Seed.Client seed) {
        if (seed.clientId() == null || seed.redirectUris().isEmpty()) {
            throw new IllegalArgumentException("a VK ID client needs a client_id and at least one redirect URI");
        }
        directory.add(new VkIdClient(seed.clientId(), Set.copyOf(seed.redirectUris())));
    }

    /** Issues a user token directly, bypassing VK ID (a test shortcut, not part of VK's protocol). */
    Token issueUserToken(long userId, @Nullable String clientId) {
        if (directory.user(userId) == null) {
            throw new IllegalArgumentException("unknown user " + userId);
        }
        long expiresAt = nowMillis() + config.userTokenLifetime().toMillis();
        return tokens.issueUserToken(userId, clientId, null, "vkid.personal_info", expiresAt);
    }

    /**
     * Makes a VK account with a user token (a test shortcut, not part of VK's protocol). Its id comes after every
     * known user's and above {@value #TEST_ACCOUNT_IDS}, where VK's newest ids are, so it never collides with a
     * seeded one.
     */
    synchronized TestAccount addAccount(@Nullable String firstName, @Nullable String lastName) {
        long id = Math.max(
                        TEST_ACCOUNT_IDS,
                        directory.users().stream().mapToLong(VkUser::id).max().orElse(0))
                + 1;
        add(new Seed.User(id, firstName, lastName, null, null, null, null, null, null));
        var token = issueUserToken(id, null);
        return new TestAccount(id, token.value(), config.userTokenLifetime().toSeconds());
    }

    /** A known user joins a chat by its invite link, as with their own messages.joinChatByInviteLink. */
    MembershipOutcome joinByLink(long userId, String link) {
        requireUser(userId);
        try {
            var joined = memberships.joinByLink(userId, link, nowMillis() / 1000);
            return MembershipOutcome.of(joined.chat().id(), joined.localId());
        } catch (ApiError refused) {
            return MembershipOutcome.refused(refused);
        }
    }

    /** A user leaves a chat on their own, as with their own messages.removeChatUser; {@code chatId} the emulator's. */
    MembershipOutcome leaveChat(long chatId, long userId) {
        requireUser(userId);
        var chat = chats.byId(chatId);
        try {
            if (chat == null) {
                throw ApiError.of(927);
            }
            chat.remove(userId, userId, nowMillis() / 1000, chats);
            return MembershipOutcome.of(chat.id(), chat.localIds().getOrDefault(userId, 0L));
        } catch (ApiError refused) {
            return MembershipOutcome.refused(refused);
        }
    }

    /** Deletes a chat for everyone, as if VK had lost it (emulator-only); false when there is no such chat. */
    boolean deleteChat(long id) {
        return chats.delete(id);
    }

    /** Ends a call as if the user who started it had ended it (emulator-only); false when there is no such call. */
    boolean finishCall(String callId) {
        return calls.finish(callId, nowMillis());
    }

    /** Back to the configured seed and faults, with no chats, calls, issued user tokens or counters. */
    synchronized void reset() {
        directory.clear();
        tokens.clear();
        rateLimits.clear();
        chats.clear();
        calls.clear();
        stats.clear();
        grants.clear();
        apply(config.seed());
        faults.set(config.faults());
    }

    EmulatorSnapshot snapshot() {
        var communities = directory.communities().stream()
                .map(c -> new EmulatorSnapshot.Community(
                        c.id(),
                        c.name(),
                        c.screenName(),
                        tokens.communityTokens(c.id()).stream()
                                .map(t -> new EmulatorSnapshot.TokenInfo(
                                        t.id(),
                                        t.masked(),
                                        t.permissionMask(),
                                        CommunityPermission.fromMask(t.permissionMask()).stream()
                                                .map(CommunityPermission::apiName)
                                                .toList(),
                                        tokens.isRevoked(t)))
                                .toList()))
                .toList();
        var users = directory.users().stream()
                .map(u -> new EmulatorSnapshot.User(u.id(), u.firstName(), u.lastName(), u.login()))
                .toList();
        var clients = directory.clients().stream()
                .map(c -> new EmulatorSnapshot.Client(
                        c.clientId(), c.redirectUris().stream().sorted().toList()))
                .toList();
        return new EmulatorSnapshot(communities, users, clients, chatSnapshots(), calls.snapshot(), stats.snapshot());
    }

    List<EmulatorSnapshot.Chat> chatSnapshots() {
        return chats.all().stream().map(Chat::snapshot).toList();
    }

    /** What the state file keeps: not the counters, faults or rate-limit windows. */
    SavedState saved() {
        return new SavedState(
                SavedState.FORMAT,
                nowMillis(),
                directory.savedCommunities(),
                directory.savedUsers(),
                directory.savedClients(),
                tokens.saved(),
                chats.saved(),
                calls.saved(),
                grants.saved());
    }

    private void restore(SavedState saved, Path file) {
        try {
            directory.restore(saved);
            tokens.restore(saved.tokens());
            chats.restore(saved.chats());
            calls.restore(saved.calls());
            grants.restore(saved.vkId());
        } catch (RuntimeException incomplete) {
            // a file edited by hand can miss parts that JSON alone does not require
            throw new StateFileException(
                    StateFileException.Problem.UNREADABLE,
                    file,
                    file + " is damaged: it does not hold a complete state of format " + SavedState.FORMAT + " ("
                            + incomplete.getClass().getSimpleName() + ")." + StateFile.AFRESH,
                    incomplete);
        }
    }
}
