package ru.paragraf.sferum.accounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.accounts.RosterAccountConflict.Reason;

/**
 * Decides which people of the school data get the login the data gives them, so that no login ever has two
 * accounts (case-insensitively). A login that two people of the data share goes to neither. A login held by an
 * account that keeps it (an operator's, a local one, one of a person outside the data or of one who keeps an old
 * login) is not taken from it: the newcomer is refused. Refusing someone who renames makes them keep their old
 * login, which may refuse another in turn; so it repeats until nothing changes. Plain logic on what was loaded.
 */
final class RosterLogins {

    /** An account stored already: one of the people's, or one that holds one of their logins. */
    record StoredAccount(UUID id, String username, Role role, @Nullable UUID rosterPerson) {

        String key() {
            return username.toLowerCase(Locale.ROOT);
        }
    }

    /** Who gets their login, and who does not. */
    record Decision(
            List<RosterPerson> accepted,
            List<RosterAccountChanges.Renamed> renamed,
            List<RosterAccountConflict> conflicts) {}

    private RosterLogins() {}

    static Decision decide(List<RosterPerson> people, List<StoredAccount> stored) {
        var byPerson = new HashMap<UUID, StoredAccount>();
        var byLogin = new HashMap<String, StoredAccount>();
        for (var account : stored) {
            byLogin.put(account.key(), account);
            if (account.rosterPerson() != null) {
                byPerson.put(account.rosterPerson(), account);
            }
        }
        var accepted = new LinkedHashMap<UUID, RosterPerson>();
        var conflicts = new ArrayList<RosterAccountConflict>();
        var sharing = people.stream().collect(Collectors.groupingBy(RosterPerson::key, Collectors.counting()));
        for (var person : people) {
            if (sharing.get(person.key()) > 1) {
                conflicts.add(conflict(Reason.SAME_LOGIN_IN_DATA, person, byPerson.get(person.person())));
            } else {
                accepted.put(person.person(), person);
            }
        }
        var changed = true;
        while (changed) {
            changed = false;
            for (var person : List.copyOf(accepted.values())) {
                var holder = byLogin.get(person.key());
                if (holder == null || person.person().equals(holder.rosterPerson()) || movesAway(holder, accepted)) {
                    continue;
                }
                accepted.remove(person.person());
                var reason = holder.role() == Role.CITY_OPERATOR || holder.role() == Role.DISTRICT_OPERATOR
                        ? Reason.LOGIN_OF_OPERATOR
                        : Reason.LOGIN_OF_ANOTHER_ACCOUNT;
                conflicts.add(conflict(reason, person, byPerson.get(person.person())));
                changed = true;
            }
        }
        var renamed = accepted.values().stream()
                .filter(person -> byPerson.containsKey(person.person())
                        && !byPerson.get(person.person()).key().equals(person.key()))
                .map(person -> new RosterAccountChanges.Renamed(
                        person.reference(), byPerson.get(person.person()).username(), person.login()))
                .toList();
        return new Decision(List.copyOf(accepted.values()), renamed, List.copyOf(conflicts));
    }

    /** Whether the holder's person gets another login in this import, freeing the holder's. */
    private static boolean movesAway(StoredAccount holder, Map<UUID, RosterPerson> accepted) {
        if (holder.rosterPerson() == null) {
            return false;
        }
        var next = accepted.get(holder.rosterPerson());
        return next != null && !next.key().equals(holder.key());
    }

    private static RosterAccountConflict conflict(Reason reason, RosterPerson person, @Nullable StoredAccount own) {
        return new RosterAccountConflict(
                reason, person.reference(), person.login(), own == null ? null : own.username());
    }
}
