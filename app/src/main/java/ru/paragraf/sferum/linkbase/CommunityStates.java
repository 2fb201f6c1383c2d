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
 * The verdicts on organizations' messenger accounts (VK communities, MAX bots) for overviews such as readiness, without any token. Set-based
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
                        select organization_id, coalesce(community_id, bot_user_id, 0) as community_id, state, failure,
                               verdict_at, messenger, bot_username
                        from linkbase.sferum_community where organization_id in (:organizations)
                        """)
                .param("organizations", List.copyOf(organizations))
                .query(CommunityState.class)
                .list();
    }

    /**
     * An organization's messenger account (a VK community, or a MAX bot) and the verdict on its credentials.
     *
     * @param communityId the VK community's id, or the MAX bot's user id (0 while MAX never confirmed the token)
     * @param failure why the messenger refused the credentials, when the state is {@code FAILED}
     * @param verdictAt when the messenger last confirmed or refused them; {@code null} if it never could be asked
     * @param messenger {@code VK} or {@code MAX}
     * @param botUsername MAX: the bot's {@code @username} (without the {@code @}) once MAX confirmed the token
     */
    public record CommunityState(
            UUID organizationId,
            long communityId,
            VerificationState state,
            @Nullable RejectionReason failure,
            @Nullable OffsetDateTime verdictAt,
            String messenger,
            @Nullable String botUsername) {

        public CommunityState(
                UUID organizationId,
                long communityId,
                VerificationState state,
                @Nullable RejectionReason failure,
                @Nullable OffsetDateTime verdictAt,
                String messenger) {
            this(organizationId, communityId, state, failure, verdictAt, messenger, null);
        }

        public boolean max() {
            return "MAX".equals(messenger);
        }
    }
}
