package ru.paragraf.sferum.accounts;

import java.util.List;

/**
 * What {@link RosterAccounts} did: accounts created, changed (login, role, name or school; or enabled again),
 * left as they were, disabled because their person left the data, enabled again because they came back, people
 * without a login in the data, the people whose login changed (the old one stays in the account's history), and the
 * people who got no account or kept their old login because of a conflict.
 */
public record RosterAccountChanges(
        int created,
        int updated,
        int unchanged,
        int disabled,
        int enabled,
        int withoutLogin,
        List<Renamed> renamed,
        List<RosterAccountConflict> conflicts) {

    /** A person whose account's login changed. */
    public record Renamed(String reference, String from, String to) {}
}
