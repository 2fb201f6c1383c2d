package ru.paragraf.sferum.school;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many of a school's pupils and parents linked the account its messenger adds them by (a VK ID, or a MAX account
 * for a school on MAX), for the readiness page: one query.
 */
@Service
@Transactional(readOnly = true)
public class PupilParentSferumAccounts {

    private final JdbcClient jdbc;

    PupilParentSferumAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The school's pupils and parents, and those of them whose account the messenger takes. */
    public record Linked(int pupils, int pupilsLinked, int parents, int parentsLinked) {}

    public Linked of(UUID organization, boolean onMax) {
        return jdbc.sql(
                        """
                        select (select count(*) from school.pupil p where p.organization_id = :organization) as pupils,
                               (select count(*) from school.pupil p where p.organization_id = :organization
                                  and case when :onMax then p.max_user_id is not null
                                           else p.sferum_user_id is not null and not p.sferum_relink_required end)
                               as pupils_linked,
                               (select count(*) from school.parent pa where pa.organization_id = :organization) as parents,
                               (select count(*) from school.parent pa where pa.organization_id = :organization
                                  and case when :onMax then pa.max_user_id is not null
                                           else pa.sferum_user_id is not null and not pa.sferum_relink_required end)
                               as parents_linked
                        """)
                .param("organization", organization)
                .param("onMax", onMax)
                .query((rs, row) -> new Linked(
                        rs.getInt("pupils"),
                        rs.getInt("pupils_linked"),
                        rs.getInt("parents"),
                        rs.getInt("parents_linked")))
                .single();
    }
}
