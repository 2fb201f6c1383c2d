package ru.paragraf.sferum.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the accounts of the people of the school data: creates the missing ones (without a password: they log in
 * through the identity provider), changes login, role, name and school where the data changed them (the previous
 * login is kept on the account), disables the accounts of people who left the schools a full package describes,
 * and enables those who came back. Runs in the caller's transaction, so an import is applied whole or not at all,
 * and with a few statements over arrays whatever the number of people.
 */
@Service
public class RosterAccounts {

    static final String LEFT_ROSTER = "LEFT_ROSTER";

    private final JdbcClient jdbc;
    private final Clock clock;

    RosterAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Applies the people of an import.
     *
     * @param people everyone the data lists, with or without a login
     * @param wholeOrganizations the schools whose people the data lists in full: accounts of their other people are
     *     disabled
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RosterAccountChanges apply(List<RosterPerson> people, Collection<UUID> wholeOrganizations) {
        var withLogin = people.stream().filter(p -> !p.login().isEmpty()).toList();
        var decision = RosterLogins.decide(withLogin, stored(withLogin));
        var accepted = decision.accepted();
        var enabled = enableReturned(accepted);
        renameAway(accepted);
        var updated = new HashSet<>(enabled);
        updated.addAll(update(accepted));
        var created = insertMissing(accepted);
        var disabled = disableLeft(people, wholeOrganizations);
        var unchanged = accepted.size() - created - updated.size();
        return new RosterAccountChanges(
                created,
                updated.size(),
                unchanged,
                disabled,
                enabled.size(),
                people.size() - withLogin.size(),
                decision.renamed(),
                decision.conflicts());
    }

    /** The accounts of these people and those holding their logins, in one query. */
    private List<RosterLogins.StoredAccount> stored(List<RosterPerson> people) {
        return jdbc.sql(
                        """
                        select id, username, role, roster_person from accounts.user_account
                        where roster_person = any(cast(:persons as uuid[]))
                           or lower(username) = any(cast(:logins as text[]))
                        """)
                .param("persons", ids(people, RosterPerson::person))
                .param("logins", people.stream().map(RosterPerson::key).toArray(String[]::new))
                .query((rs, row) -> new RosterLogins.StoredAccount(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        Role.valueOf(rs.getString("role")),
                        rs.getObject("roster_person", UUID.class)))
                .list();
    }

    private List<UUID> enableReturned(List<RosterPerson> people) {
        return jdbc.sql(
                        """
                        update accounts.user_account
                        set enabled = true, disabled_at = null, disabled_reason = null
                        where roster_person = any(cast(:persons as uuid[])) and disabled_reason = :reason
                        returning id
                        """)
                .param("persons", ids(people, RosterPerson::person))
                .param("reason", LEFT_ROSTER)
                .query(UUID.class)
                .list();
    }

    /**
     * Parks the accounts whose login changes under their own id, keeping the old login in their history, so that
     * two people who swap logins never hold one login at once (the unique index checks each row).
     */
    private void renameAway(List<RosterPerson> people) {
        jdbc.sql(
                        """
                        update accounts.user_account a
                        set previous_usernames = a.previous_usernames || a.username, username = a.id::text
                        from unnest(cast(:persons as uuid[]), cast(:logins as text[])) as p(person, login)
                        where a.roster_person = p.person and lower(a.username) <> lower(p.login)
                        """)
                .param("persons", ids(people, RosterPerson::person))
                .param("logins", texts(people, RosterPerson::login))
                .update();
    }

    private List<UUID> update(List<RosterPerson> people) {
        return jdbc.sql(
                        """
                        update accounts.user_account a
                        set username = p.login, role = p.role, display_name = p.display_name,
                            organization_id = p.organization,
                            employee_id = case when p.role in ('SCHOOL_ADMIN', 'TEACHER') then p.person end,
                            pupil_id = case when p.role = 'PUPIL' then p.person end,
                            parent_id = case when p.role = 'PARENT' then p.person end
                        from unnest(cast(:persons as uuid[]), cast(:logins as text[]), cast(:roles as text[]),
                                    cast(:names as text[]), cast(:organizations as uuid[]))
                             as p(person, login, role, display_name, organization)
                        where a.roster_person = p.person
                          and (a.username, a.role, a.display_name, a.organization_id)
                              is distinct from (p.login, p.role, p.display_name, p.organization)
                        returning a.id
                        """)
                .param("persons", ids(people, RosterPerson::person))
                .param("logins", texts(people, RosterPerson::login))
                .param("roles", texts(people, p -> p.role().name()))
                .param("names", texts(people, RosterPerson::displayName))
                .param("organizations", ids(people, RosterPerson::organization))
                .query(UUID.class)
                .list();
    }

    private int insertMissing(List<RosterPerson> people) {
        return jdbc.sql(
                        """
                        insert into accounts.user_account
                            (id, username, password_hash, role, display_name, organization_id,
                             employee_id, pupil_id, parent_id, source, roster_person)
                        select gen_random_uuid(), p.login, null, p.role, p.display_name, p.organization,
                               case when p.role in ('SCHOOL_ADMIN', 'TEACHER') then p.person end,
                               case when p.role = 'PUPIL' then p.person end,
                               case when p.role = 'PARENT' then p.person end,
                               'ROSTER', p.person
                        from unnest(cast(:persons as uuid[]), cast(:logins as text[]), cast(:roles as text[]),
                                    cast(:names as text[]), cast(:organizations as uuid[]))
                             as p(person, login, role, display_name, organization)
                        where not exists (select 1 from accounts.user_account a where a.roster_person = p.person)
                        """)
                .param("persons", ids(people, RosterPerson::person))
                .param("logins", texts(people, RosterPerson::login))
                .param("roles", texts(people, p -> p.role().name()))
                .param("names", texts(people, RosterPerson::displayName))
                .param("organizations", ids(people, RosterPerson::organization))
                .update();
    }

    private int disableLeft(List<RosterPerson> people, Collection<UUID> wholeOrganizations) {
        if (wholeOrganizations.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        """
                        update accounts.user_account
                        set enabled = false, disabled_at = :now, disabled_reason = :reason
                        where source = 'ROSTER' and enabled
                          and organization_id = any(cast(:organizations as uuid[]))
                          and not roster_person = any(cast(:persons as uuid[]))
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", LEFT_ROSTER)
                .param(
                        "organizations",
                        wholeOrganizations.stream().map(UUID::toString).toArray(String[]::new))
                .param("persons", ids(people, RosterPerson::person))
                .update();
    }

    private static String[] ids(List<RosterPerson> people, Function<RosterPerson, UUID> id) {
        return people.stream().map(id).map(UUID::toString).toArray(String[]::new);
    }

    private static String[] texts(List<RosterPerson> people, Function<RosterPerson, String> text) {
        return people.stream().map(text).toArray(String[]::new);
    }
}
