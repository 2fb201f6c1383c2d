package ru.paragraf.sferum.school;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many of a school's pupils and parents linked a VK ID, for the readiness page: one query. */
@Service
@Transactional(readOnly = true)
public class PupilParentSferumAccounts {

    private final JdbcClient jdbc;

    PupilParentSferumAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The school's pupils and parents, and those of them whose VK ID the messenger takes. */
    public record Linked(int pupils, int pupilsLinked, int parents, int parentsLinked) {}

    public Linked of(UUID organization) {
        return jdbc.sql(
                        """
                        select (select count(*) from school.pupil p where p.organization_id = :organization) as pupils,
                               (select count(*) from school.pupil p where p.organization_id = :organization
                                  and p.sferum_user_id is not null and not p.sferum_relink_required) as pupils_linked,
                               (select count(*) from school.parent pa where pa.organization_id = :organization) as parents,
                               (select count(*) from school.parent pa where pa.organization_id = :organization
                                  and pa.sferum_user_id is not null and not pa.sferum_relink_required) as parents_linked
                        """)
                .param("organization", organization)
                .query((rs, row) -> new Linked(
                        rs.getInt("pupils"),
                        rs.getInt("pupils_linked"),
                        rs.getInt("parents"),
                        rs.getInt("parents_linked")))
                .single();
    }
}
