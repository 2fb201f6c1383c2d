package ru.paragraf.sferum.school;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teachers (employees who teach at least one journal) and their VK Sferum accounts as the staff files show them, for
 * readiness figures. Set-based and unscoped: the caller decides which organizations a person may see.
 */
@Service
public class TeacherSferumAccounts {

    private final JdbcClient jdbc;

    TeacherSferumAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per organization, how many teachers it has and how many of them linked a VK ID; absent when none teach. */
    @Transactional(readOnly = true)
    public Map<UUID, LinkedTeachers> countsOf(Collection<UUID> organizations) {
        return countsOf(organizations, List.of());
    }

    /**
     * As {@link #countsOf(Collection)}, counting for the organizations {@code onMax} the teachers who linked a MAX
     * account instead of a VK ID: the account the school's messenger adds them by.
     */
    @Transactional(readOnly = true)
    public Map<UUID, LinkedTeachers> countsOf(Collection<UUID> organizations, Collection<UUID> onMax) {
        var counts = new HashMap<UUID, LinkedTeachers>();
        if (organizations.isEmpty()) {
            return counts;
        }
        jdbc.sql(
                        """
                        select e.organization_id, count(*) as teachers,
                               case when e.organization_id in (:onMax) then count(e.max_user_id)
                                    else count(e.sferum_user_id) filter (where not e.sferum_relink_required)
                               end as linked
                        from school.employee e
                        where e.organization_id in (:organizations)
                          and exists (select 1 from school.journal_teacher jt where jt.employee_id = e.id)
                        group by e.organization_id
                        """)
                .param("organizations", List.copyOf(organizations))
                // never an empty list: an "in ()" is no valid SQL
                .param("onMax", onMax.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(onMax))
                .query(rs -> {
                    counts.put(
                            rs.getObject("organization_id", UUID.class),
                            new LinkedTeachers(rs.getInt("teachers"), rs.getInt("linked")));
                });
        return counts;
    }

    /**
     * The organization's teachers by name, each with the VK Sferum account of the staff file, if any; for an
     * organization {@code onMax}, with the MAX account the teacher linked instead: the account the school's messenger
     * adds them by (MAX asks no relinking).
     */
    @Transactional(readOnly = true)
    public List<TeacherAccount> of(UUID organization, boolean onMax) {
        return jdbc.sql(
                        """
                        select e.id as employee_id,
                               e.last_name || ' ' || e.first_name || coalesce(' ' || e.middle_name, '') as full_name,
                               e.position,
                               case when :onMax then e.max_user_id else e.sferum_user_id end as sferum_user_id,
                               case when :onMax then e.max_linked_at else e.sferum_linked_at end as linked_at,
                               not :onMax and e.sferum_relink_required as relink_required
                        from school.employee e
                        where e.organization_id = :organization
                          and exists (select 1 from school.journal_teacher jt where jt.employee_id = e.id)
                        order by e.last_name, e.first_name, e.middle_name, e.id
                        """)
                .param("organization", organization)
                .param("onMax", onMax)
                .query(TeacherAccount.class)
                .list();
    }

    /** How many teachers an organization has, and how many of them have a working VK ID link. */
    public record LinkedTeachers(int teachers, int linked) {}

    /**
     * A teacher and the VK Sferum account in the staff file; {@code sferumUserId} is empty while not linked, and
     * {@code relinkRequired} says VK no longer accepts the link: the teacher has to link it again.
     */
    public record TeacherAccount(
            UUID employeeId,
            String fullName,
            String position,
            @Nullable Long sferumUserId,
            @Nullable OffsetDateTime linkedAt,
            boolean relinkRequired) {

        /** Linked and working. */
        public boolean linked() {
            return sferumUserId != null && !relinkRequired;
        }
    }
}
