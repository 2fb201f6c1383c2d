package ru.paragraf.vkemulator;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The communities, test users and VK ID clients known to the emulator. */
final class Directory {

    private final ConcurrentHashMap<Long, Community> communities = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Community> communitiesByScreenName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, VkUser> users = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, VkUser> usersByLogin = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, VkIdClient> clients = new ConcurrentHashMap<>();

    void add(Community community) {
        communities.put(community.id(), community);
        communitiesByScreenName.put(community.screenName(), community);
    }

    void add(VkUser user) {
        users.put(user.id(), user);
        usersByLogin.put(user.login().toLowerCase(Locale.ROOT), user);
    }

    void add(VkIdClient client) {
        clients.put(client.clientId(), client);
    }

    @Nullable
    Community community(long id) {
        return communities.get(id);
    }

    /** By numeric id, {@code club123}/{@code public123}, or screen name; null when unknown. */
    @Nullable
    Community communityByReference(String reference) {
        var ref = reference.trim();
        for (var prefix : List.of("club", "public", "event", "-")) {
            if (ref.startsWith(prefix) && isDigits(ref.substring(prefix.length()))) {
                return communities.get(Long.parseLong(ref.substring(prefix.length())));
            }
        }
        return isDigits(ref) ? communities.get(Long.parseLong(ref)) : communitiesByScreenName.get(ref);
    }

    @Nullable
    VkUser user(long id) {
        return users.get(id);
    }

    @Nullable
    VkUser userByLogin(@Nullable String login) {
        return login == null ? null : usersByLogin.get(login.trim().toLowerCase(Locale.ROOT));
    }

    @Nullable
    VkIdClient client(@Nullable String clientId) {
        return clientId == null ? null : clients.get(clientId);
    }

    List<Community> communities() {
        return communities.values().stream()
                .sorted(Comparator.comparingLong(Community::id))
                .toList();
    }

    List<VkUser> users() {
        return users.values().stream()
                .sorted(Comparator.comparingLong(VkUser::id))
                .toList();
    }

    List<VkIdClient> clients() {
        return clients.values().stream()
                .sorted(Comparator.comparing(VkIdClient::clientId))
                .toList();
    }

    List<SavedState.SavedCommunity> savedCommunities() {
        return communities().stream()
                .map(c -> new SavedState.SavedCommunity(
                        c.id(),
                        c.name(),
                        c.screenName(),
                        c.organizationMembers() == null
                                ? null
                                : c.organizationMembers().stream().sorted().toList()))
                .toList();
    }

    List<SavedState.SavedUser> savedUsers() {
        return users().stream()
                .map(u -> new SavedState.SavedUser(
                        u.id(),
                        u.firstName(),
                        u.lastName(),
                        u.login(),
                        u.password(),
                        u.email(),
                        u.phone(),
                        u.sex(),
                        u.birthday(),
                        u.avatar()))
                .toList();
    }

    List<SavedState.SavedClient> savedClients() {
        return clients().stream()
                .map(c -> new SavedState.SavedClient(
                        c.clientId(), c.redirectUris().stream().sorted().toList()))
                .toList();
    }

    /** Adds the saved communities, users and clients. */
    void restore(SavedState saved) {
        for (var c : saved.communities()) {
            var members = c.organizationMembers() == null ? null : Set.copyOf(c.organizationMembers());
            add(new Community(c.id(), c.name(), c.screenName(), members));
        }
        for (var u : saved.users()) {
            add(new VkUser(
                    u.id(),
                    u.firstName(),
                    u.lastName(),
                    u.login(),
                    u.password(),
                    u.email(),
                    u.phone(),
                    u.sex(),
                    u.birthday(),
                    u.avatar()));
        }
        saved.clients().forEach(c -> add(new VkIdClient(c.clientId(), Set.copyOf(c.redirectUris()))));
    }

    void clear() {
        communities.clear();
        communitiesByScreenName.clear();
        users.clear();
        usersByLogin.clear();
        clients.clear();
    }

    static boolean isDigits(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
