package ru.paragraf.sferum.linkbase;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.secrets.SealedValues;
import ru.paragraf.sferum.secrets.SecretBox;

/** Re-seals the link base's tokens (stored credentials and pending previews) with the current key after a rotation. */
@Component
class LinkbaseSealedValues implements SealedValues {

    private record SealedCommunity(UUID organizationId, String token) {}

    private record SealedRow(UUID handdownId, int line, String token) {}

    private final JdbcClient jdbc;
    private final SferumCommunities communities;

    LinkbaseSealedValues(JdbcClient jdbc, SferumCommunities communities) {
        this.jdbc = jdbc;
        this.communities = communities;
    }

    @Override
    @Transactional
    public int resealStale(SecretBox box) {
        return resealCommunities(box) + resealKept(box) + resealPreviews(box);
    }

    private int resealCommunities(SecretBox box) {
        var stale = jdbc.sql(
                        """
                        select organization_id, token from linkbase.sferum_community
                        where token not like :current for update
                        """)
                .param("current", box.currentKeyPattern())
                .query(SealedCommunity.class)
                .list();
        for (var community : stale) {
            var context = StoredCommunity.tokenContext(community.organizationId());
            jdbc.sql("update linkbase.sferum_community set token = :token where organization_id = :organization")
                    .param("token", box.reseal(community.token(), context))
                    .param("organization", community.organizationId())
                    .update();
        }
        if (!stale.isEmpty()) {
            communities.forgetAll();
        }
        return stale.size();
    }

    /** The VK communities kept while their schools are on MAX: sealed with the same context as in place. */
    private int resealKept(SecretBox box) {
        var stale = jdbc.sql(
                        """
                        select organization_id, token from linkbase.kept_community
                        where token not like :current for update
                        """)
                .param("current", box.currentKeyPattern())
                .query(SealedCommunity.class)
                .list();
        for (var community : stale) {
            var context = StoredCommunity.tokenContext(community.organizationId());
            jdbc.sql("update linkbase.kept_community set token = :token where organization_id = :organization")
                    .param("token", box.reseal(community.token(), context))
                    .param("organization", community.organizationId())
                    .update();
        }
        return stale.size();
    }

    private int resealPreviews(SecretBox box) {
        var stale = jdbc.sql(
                        """
                        select handdown_id, line, token from linkbase.handdown_row
                        where token is not null and token not like :current for update
                        """)
                .param("current", box.currentKeyPattern())
                .query(SealedRow.class)
                .list();
        for (var row : stale) {
            jdbc.sql("update linkbase.handdown_row set token = :token where handdown_id = :handdown and line = :line")
                    .param("token", box.reseal(row.token(), HanddownRow.tokenContext(row.handdownId(), row.line())))
                    .param("handdown", row.handdownId())
                    .param("line", row.line())
                    .update();
        }
        return stale.size();
    }
}
