package ru.paragraf.sferum.school.oneroster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.accounts.RosterAccountChanges;
import ru.paragraf.sferum.accounts.RosterAccounts;
import ru.paragraf.sferum.accounts.RosterPerson;
import ru.paragraf.sferum.school.oneroster.ImportPlan.PersonAccount;

/**
 * Gives the people of an import their accounts, in the import's transaction: one account per user of users.csv,
 * with the login from the configured column. A user who is several kinds of person (a teacher who is also a parent)
 * gets one account, of the first kind of employee, pupil, parent. An employee whose role in their school is
 * administrator, principal or siteAdministrator is a school admin, any other a teacher. When the package is the whole
 * truth about its schools, the accounts of people it no longer lists there are disabled.
 */
@Component
class ImportAccounts {

    private final RosterAccounts accounts;
    private final OneRosterProperties properties;

    ImportAccounts(RosterAccounts accounts, OneRosterProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    /** Must run inside the import's transaction, after the people are written. */
    RosterAccountChanges apply(ImportPlan plan) {
        var people = plan.accounts.stream()
                .collect(Collectors.toMap(
                        PersonAccount::sourcedId,
                        Function.identity(),
                        (a, b) -> a.kind().compareTo(b.kind()) <= 0 ? a : b,
                        LinkedHashMap::new))
                .values()
                .stream()
                .map(this::person)
                .toList();
        var whole = plan.wholeSchools
                ? plan.organizations.stream()
                        .map(ImportPlan.OrganizationWrite::id)
                        .toList()
                : List.<UUID>of();
        return accounts.apply(people, whole);
    }

    /** The users whom the package places in more than one school: their account is in the primary role's. */
    static List<PersonAccount> inSeveralSchools(ImportPlan plan) {
        return plan.accounts.stream()
                .filter(person -> person.schools() > 1)
                .sorted(Comparator.comparing(PersonAccount::sourcedId))
                .toList();
    }

    private RosterPerson person(PersonAccount person) {
        var login =
                switch (properties.accountLogin()) {
                    case USERNAME -> person.username();
                    case EMAIL -> person.email();
                    case SOURCED_ID -> person.sourcedId();
                };
        return new RosterPerson(
                person.person(),
                person.sourcedId(),
                login,
                role(person),
                displayName(person.name()),
                person.organizationId());
    }

    private static Role role(PersonAccount person) {
        return switch (person.kind()) {
            case EMPLOYEE -> person.administrator() ? Role.SCHOOL_ADMIN : Role.TEACHER;
            case PUPIL -> Role.PUPIL;
            case PARENT -> Role.PARENT;
        };
    }

    static String displayName(ImportPlan.Name name) {
        var parts = new ArrayList<>(List.of(name.last(), name.first()));
        if (name.middle() != null) {
            parts.add(name.middle());
        }
        return String.join(" ", parts);
    }
}
