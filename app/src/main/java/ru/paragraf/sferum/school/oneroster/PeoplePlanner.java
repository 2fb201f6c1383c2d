package ru.paragraf.sferum.school.oneroster;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.oneroster.ImportPlan.EmployeeWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.Link;
import ru.paragraf.sferum.school.oneroster.ImportPlan.Name;
import ru.paragraf.sferum.school.oneroster.ImportPlan.ParentWrite;
import ru.paragraf.sferum.school.oneroster.ImportPlan.PersonAccount;
import ru.paragraf.sferum.school.oneroster.ImportPlan.PupilWrite;
import ru.paragraf.sferum.school.oneroster.PlanContext.Org;
import ru.paragraf.sferum.school.oneroster.RosterRows.RoleRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.UserRow;

/**
 * Plans users.csv with their roles: a user becomes an employee, a pupil or a parent (or more than one of them, a
 * teacher who is also a parent), each in one organization: the only one of the role, or the primary one.
 * Parents and pupils are linked through agentSourcedIds, in either direction.
 */
final class PeoplePlanner {

    /** A planned person of one kind, in one organization. */
    record Person(UUID id, UUID organizationId) {}

    /** The existing employees, pupils and parents with sourcedIds of the package. */
    record Existing(
            List<ExistingRecords.Person> employees,
            List<ExistingRecords.Person> pupils,
            List<ExistingRecords.Person> parents) {}

    private record Role(Org org, boolean primary, RoleRow row) {}

    /** OneRoster roles of employees who administer their school (a school admin's account). */
    static final List<String> ADMINISTRATORS = List.of("administrator", "principal", "siteAdministrator");

    private final PlanContext context;
    private final Map<PersonKind, Map<String, ExistingRecords.Person>> existing = new EnumMap<>(PersonKind.class);
    private final Function<String, String> defaultPosition;
    private final Map<String, Map<PersonKind, Person>> people = new HashMap<>();

    PeoplePlanner(PlanContext context, Existing existing, Function<String, String> defaultPosition) {
        this.context = context;
        this.existing.put(PersonKind.EMPLOYEE, byExternalId(existing.employees()));
        this.existing.put(PersonKind.PUPIL, byExternalId(existing.pupils()));
        this.existing.put(PersonKind.PARENT, byExternalId(existing.parents()));
        this.defaultPosition = defaultPosition;
    }

    /** The person a user is as one kind, if the user has a valid role of that kind. */
    @Nullable
    Person person(String userSourcedId, PersonKind kind) {
        return people.getOrDefault(userSourcedId, Map.of()).get(kind);
    }

    boolean isKnown(String userSourcedId) {
        return people.containsKey(userSourcedId);
    }

    void plan() {
        var users = context.roster.users().stream()
                .collect(Collectors.toMap(UserRow::sourcedId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        var roles = roles(users);
        var withRoleRows = context.roster.source().rows(OneRosterFile.ROLES).stream()
                .map(row -> row.get("userSourcedId"))
                .collect(Collectors.toSet());
        for (var user : users.values()) {
            var own = roles.getOrDefault(user.sourcedId(), Map.of());
            if (own.isEmpty()
                    && !withRoleRows.contains(user.sourcedId())
                    && !user.row().has("role")) {
                context.problems.at(user.row(), "sourcedId", "noRole");
            }
            own.forEach((kind, list) -> person(user, kind, list));
        }
        users.values().forEach(this::agents);
        context.plan.replacePupilParents = context.roster.source().isBulk(OneRosterFile.USERS);
    }

    private Map<String, Map<PersonKind, List<Role>>> roles(Map<String, UserRow> users) {
        var roles = new HashMap<String, Map<PersonKind, List<Role>>>();
        for (var role : context.roster.roles()) {
            if (!users.containsKey(role.userSourcedId())) {
                if (!context.roster.seen(OneRosterFile.USERS, role.userSourcedId())) {
                    context.problems.at(role.row(), "userSourcedId", "unknownReference", "users.csv");
                }
                continue;
            }
            var kind = PersonKind.of(role.role()).orElseThrow();
            context.organization(role.row(), role.orgColumn(), role.orgSourcedId(), true)
                    .ifPresent(
                            org -> roles.computeIfAbsent(role.userSourcedId(), key -> new EnumMap<>(PersonKind.class))
                                    .computeIfAbsent(kind, key -> new ArrayList<>())
                                    .add(new Role(org, role.primary(), role)));
        }
        return roles;
    }

    private void person(UserRow user, PersonKind kind, List<Role> roles) {
        var role = organizationRole(roles);
        if (role == null) {
            var first = roles.get(0).row();
            context.problems.at(first.row(), first.orgColumn(), "ambiguousOrganization");
            return;
        }
        var organization = role.org().id();
        var current = existing.get(kind).get(user.sourcedId());
        if (current != null && !context.mayChange(current.organizationId())) {
            context.problems.at(user.row(), "sourcedId", "outOfScope");
            return;
        }
        var id = current == null ? UUID.randomUUID() : current.id();
        people.computeIfAbsent(user.sourcedId(), key -> new EnumMap<>(PersonKind.class))
                .put(kind, new Person(id, organization));
        var name = new Name(user.familyName(), user.givenName(), blankToNull(user.middleName()));
        var created = current == null;
        var administrator = roles.stream()
                .anyMatch(r -> r.org().id().equals(organization)
                        && ADMINISTRATORS.contains(r.row().role()));
        context.plan.accounts.add(new PersonAccount(
                id,
                kind,
                administrator,
                organization,
                (int) roles.stream().map(r -> r.org().id()).distinct().count(),
                name,
                user.sourcedId(),
                user.username(),
                user.email()));
        switch (kind) {
            case EMPLOYEE:
                var position = !user.position().isEmpty()
                        ? user.position()
                        : current != null && current.position() != null
                                ? current.position()
                                : defaultPosition.apply(role.row().role());
                context.plan.employees.add(new EmployeeWrite(
                        id,
                        created,
                        organization,
                        name,
                        position,
                        blankToNull(user.email()),
                        blankToNull(user.phone()),
                        user.sourcedId()));
                break;
            case PUPIL:
                var classUnit = current == null ? null : current.classUnitId();
                context.plan.pupils.add(new PupilWrite(id, created, organization, classUnit, name, user.sourcedId()));
                break;
            default:
                context.plan.parents.add(new ParentWrite(
                        id,
                        created,
                        organization,
                        name,
                        blankToNull(user.phone()),
                        blankToNull(user.email()),
                        user.sourcedId()));
        }
    }

    /** The role that decides the organization: the only organization, or else the only primary one. */
    private static @Nullable Role organizationRole(List<Role> roles) {
        Set<UUID> organizations = roles.stream().map(r -> r.org().id()).collect(Collectors.toSet());
        if (organizations.size() == 1) {
            return roles.get(0);
        }
        var primary = roles.stream().filter(Role::primary).toList();
        var primaryOrganizations = primary.stream().map(r -> r.org().id()).collect(Collectors.toSet());
        return primaryOrganizations.size() == 1 ? primary.get(0) : null;
    }

    private void agents(UserRow user) {
        for (var agent : user.agentSourcedIds()) {
            if (!isKnown(agent)) {
                if (!context.roster.seen(OneRosterFile.USERS, agent)) {
                    context.problems.at(user.row(), "agentSourcedIds", "unknownAgent", agent);
                }
                continue;
            }
            var parentOfPupil = link(person(agent, PersonKind.PUPIL), person(user.sourcedId(), PersonKind.PARENT));
            var pupilOfParent = link(person(user.sourcedId(), PersonKind.PUPIL), person(agent, PersonKind.PARENT));
            if (parentOfPupil == null && pupilOfParent == null && isKnown(user.sourcedId())) {
                context.problems.at(user.row(), "agentSourcedIds", "agentNotParentOrPupil", agent);
            }
        }
    }

    private @Nullable Link link(@Nullable Person pupil, @Nullable Person parent) {
        if (pupil == null || parent == null) {
            return null;
        }
        var link = new Link(pupil.id(), parent.id());
        context.plan.pupilParents.add(link);
        return link;
    }

    private static Map<String, ExistingRecords.Person> byExternalId(List<ExistingRecords.Person> persons) {
        return persons.stream().collect(Collectors.toMap(ExistingRecords.Person::externalId, Function.identity()));
    }

    static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
