package ru.paragraf.sferum.linkbase;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verdicts on organizations' Sferum communities for overviews such as readiness, without any token. Set-based
 * and unscoped: the caller decides which organizations a person may see.
 */
@Service
public class CommunityStates {

    private final JdbcClient jdbc;

    CommunityStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The communities of these organizations; an organization without one is absent. */
    @Transactional(readOnly = true)
    public List<CommunityState> of(Collection<UUID> organizations) {
        if (organizations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select organization_id, community_id, state, failure, verdict_at
                        from linkbase.sferum_community where organization_id in (:organizations) and messenger = 'VK'
                        """)
                .param("organizations", List.copyOf(organizations))
                .query(CommunityState.class)
                .list();
    }

    /**
     * An organization's community id and the verdict on its credentials.
     *
     * @param failure why Sferum refused the pair, when the state is {@code FAILED}
     * @param verdictAt when Sferum last confirmed or refused the pair; {@code null} if it never could be asked
     */
    public record CommunityState(
            UUID organizationId,
            long communityId,
            VerificationState state,
            @Nullable RejectionReason failure,
            @Nullable OffsetDateTime verdictAt) {}
}
