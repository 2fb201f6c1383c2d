package ru.paragraf.sferum.school.oneroster;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A full package (users.csv and enrollments.csv both bulk) is the whole truth about the pupils of the schools its
 * orgs.csv lists: a pupil of such a school whom the package does not list as one of its pupils has left it (or
 * moved to another school). They leave their class and study groups; the row stays, never deleted, with the
 * parents and the VK account, so that a pupil who comes back is the same person. Must run inside the import's
 * transaction, before the pupils are written (a pupil who moved gets the new class afterwards).
 */
@Repository
class LeavingPupils {

    private final JdbcClient jdbc;

    LeavingPupils(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the unlisted pupils out of their classes and groups; how many left, by school. */
    Map<UUID, Integer> leave(ImportPlan plan) {
        var left = new HashMap<UUID, Integer>();
        if (!plan.wholeSchools || plan.organizations.isEmpty()) {
            return left;
        }
        jdbc.sql(
                        """
                        with listed as (select * from unnest(cast(:pupils as uuid[]), cast(:schoolsOfPupils as uuid[]))
                                            as listed(id, organization_id)),
                             leaving as (select p.id, p.organization_id from school.pupil p
                                         where p.organization_id = any(cast(:schools as uuid[]))
                                           and not exists (select 1 from listed l
                                                           where l.id = p.id and l.organization_id = p.organization_id)
                                           and (p.class_unit_id is not null
                                                or exists (select 1 from school.study_group_member m
                                                           where m.pupil_id = p.id))),
                             unclassed as (update school.pupil p set class_unit_id = null from leaving l
                                           where p.id = l.id and p.class_unit_id is not null returning p.id),
                             ungrouped as (delete from school.study_group_member m using leaving l
                                           where m.pupil_id = l.id returning m.pupil_id)
                        select organization_id, count(*) as pupils from leaving group by organization_id
                        """)
                .param("pupils", strings(plan.pupils.stream().map(ImportPlan.PupilWrite::id)))
                .param("schoolsOfPupils", strings(plan.pupils.stream().map(ImportPlan.PupilWrite::organizationId)))
                .param("schools", strings(plan.organizations.stream().map(ImportPlan.OrganizationWrite::id)))
                .query(rs -> {
                    left.put(rs.getObject("organization_id", UUID.class), rs.getInt("pupils"));
                });
        return left;
    }

    private static String[] strings(java.util.stream.Stream<UUID> ids) {
        return ids.map(UUID::toString).toArray(String[]::new);
    }
}
