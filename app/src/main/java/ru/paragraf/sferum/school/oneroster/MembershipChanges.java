package ru.paragraf.sferum.school.oneroster;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.paragraf.sferum.school.RosterChanged;
import ru.paragraf.sferum.school.RosterChanged.Reason;

/**
 * Which journals' chat members an import changed, found set-based: the members ({@code school.sync_journal_member})
 * of the journals with «Чат по предмету» switched on, in the organizations the import touches, are copied aside
 * before the write and compared with what the view answers after it. Both steps must run in the import's
 * transaction; the copies are temporary tables dropped at its end.
 */
@Repository
class MembershipChanges {

    /** One organization the import touched: its journals whose chat members changed, and why. */
    record OrganizationChanges(UUID organization, String name, Set<UUID> journals, Set<Reason> reasons) {

        boolean changed() {
            return !journals.isEmpty();
        }

        RosterChanged event() {
            return new RosterChanged(organization, journals, reasons);
        }
    }

    private static final String MEMBERS =
            """
            select m.journal_id, m.organization_id, m.role, m.person_id
            from school.sync_journal_member m join school.journal j on j.id = m.journal_id
            where j.subject_chat_requested and m.organization_id in (select id from oneroster_touched)""";

    private static final String LINKS =
            """
            select pp.pupil_id, pp.parent_id
            from school.pupil_parent pp join school.pupil p on p.id = pp.pupil_id
            where p.organization_id in (select id from oneroster_touched)""";

    private final JdbcClient jdbc;

    MembershipChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Copies aside the members of the organizations the plan writes to, and those its people belong to now (a pupil
     * moving to another school leaves the old one's journals).
     */
    void rememberBefore(ImportPlan plan) {
        jdbc.sql(
                        """
                        create temp table oneroster_touched on commit drop as
                        select id from unnest(cast(:planned as uuid[])) as planned(id)
                        union select organization_id from school.pupil where id = any(cast(:pupils as uuid[]))
                        union select organization_id from school.parent where id = any(cast(:parents as uuid[]))
                        union select organization_id from school.employee where id = any(cast(:employees as uuid[]))
                        """)
                .param("planned", strings(plannedOrganizations(plan)))
                .param(
                        "pupils",
                        strings(plan.pupils.stream()
                                .map(ImportPlan.PupilWrite::id)
                                .toList()))
                .param(
                        "parents",
                        strings(plan.parents.stream()
                                .map(ImportPlan.ParentWrite::id)
                                .toList()))
                .param(
                        "employees",
                        strings(plan.employees.stream()
                                .map(ImportPlan.EmployeeWrite::id)
                                .toList()))
                .update();
        jdbc.sql("create temp table oneroster_members_before on commit drop as " + MEMBERS)
                .update();
        jdbc.sql("create temp table oneroster_links_before on commit drop as " + LINKS)
                .update();
    }

    /** Compares with what was remembered; one entry per touched organization, by name. */
    List<OrganizationChanges> compare() {
        var changes = new LinkedHashMap<UUID, OrganizationChanges>();
        jdbc.sql("select o.id, o.short_name from school.organization o join oneroster_touched t on t.id = o.id"
                        + " order by o.short_name, o.id")
                .query((rs, n) -> new OrganizationChanges(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        new LinkedHashSet<>(),
                        EnumSet.noneOf(Reason.class)))
                .list()
                .forEach(organization -> changes.put(organization.organization(), organization));
        jdbc.sql(
                        """
                        with after as (%s),
                             before as (select * from oneroster_members_before),
                             added as (select * from after except select * from before),
                             removed as (select * from before except select * from after),
                             links_after as (%s),
                             links_added as (select * from links_after except select * from oneroster_links_before),
                             links_removed as (select * from oneroster_links_before except select * from links_after)
                        select journal_id, organization_id, 'TEACHER_CHANGED' as reason
                        from (select * from added union all select * from removed) t where role = 'TEACHER'
                        union
                        select a.journal_id, a.organization_id,
                               case when exists (select 1 from before b where b.role = 'PUPIL'
                                                   and b.person_id = a.person_id and b.organization_id = a.organization_id)
                                    then 'PUPIL_MOVED' else 'PUPIL_JOINED' end
                        from added a where a.role = 'PUPIL'
                        union
                        select r.journal_id, r.organization_id,
                               case when exists (select 1 from after a where a.role = 'PUPIL'
                                                   and a.person_id = r.person_id and a.organization_id = r.organization_id)
                                    then 'PUPIL_MOVED' else 'PUPIL_LEFT' end
                        from removed r where r.role = 'PUPIL'
                        union
                        select a.journal_id, a.organization_id, 'PARENT_LINKED'
                        from added a where a.role = 'PARENT'
                          and exists (select 1 from links_added l join after p on p.role = 'PUPIL'
                                        and p.person_id = l.pupil_id and p.journal_id = a.journal_id
                                      where l.parent_id = a.person_id)
                        union
                        select r.journal_id, r.organization_id, 'PARENT_UNLINKED'
                        from removed r where r.role = 'PARENT'
                          and exists (select 1 from links_removed l join before p on p.role = 'PUPIL'
                                        and p.person_id = l.pupil_id and p.journal_id = r.journal_id
                                      where l.parent_id = r.person_id)
                        union
                        -- a parent who came or went with a child: the child's row tells why
                        select journal_id, organization_id, null
                        from (select * from added union all select * from removed) t where role = 'PARENT'
                        """
                                .formatted(MEMBERS, LINKS))
                .query(rs -> {
                    var change = changes.get(rs.getObject("organization_id", UUID.class));
                    change.journals().add(rs.getObject("journal_id", UUID.class));
                    var reason = rs.getString("reason");
                    if (reason != null) {
                        change.reasons().add(Reason.valueOf(reason));
                    }
                });
        return List.copyOf(changes.values());
    }

    private static Set<UUID> plannedOrganizations(ImportPlan plan) {
        return Stream.of(
                        ids(plan.organizations, ImportPlan.OrganizationWrite::id),
                        ids(plan.employees, ImportPlan.EmployeeWrite::organizationId),
                        ids(plan.pupils, ImportPlan.PupilWrite::organizationId),
                        ids(plan.parents, ImportPlan.ParentWrite::organizationId),
                        ids(plan.classUnits, ImportPlan.ClassUnitWrite::organizationId),
                        ids(plan.studyGroups, ImportPlan.StudyGroupWrite::organizationId),
                        ids(plan.journals, ImportPlan.JournalWrite::organizationId))
                .flatMap(Collection::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static <T> List<UUID> ids(List<T> rows, Function<T, UUID> id) {
        return rows.stream().map(id).toList();
    }

    private static String[] strings(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
