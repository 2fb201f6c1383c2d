package ru.paragraf.sferum.linkbase;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.secrets.SecretBox;
import ru.paragraf.sferum.secrets.SecretMask;

/** Verified Sferum communities of the fixture schools A, B and C, written straight into the link base. */
public final class LinkbaseFixture {

    public static final long COMMUNITY_A = 227_000_011L, COMMUNITY_B = 227_000_012L, COMMUNITY_C = 227_000_013L;
    public static final String TOKEN_A = LinkbaseWorld.TOKEN_A;
    public static final String TOKEN_B = LinkbaseWorld.TOKEN_B;
    public static final String TOKEN_C = LinkbaseWorld.TOKEN_C;

    private LinkbaseFixture() {}

    public static void insert(JdbcClient jdbc, SecretBox box) {
        community(jdbc, box, SchoolFixture.SCHOOL_A, COMMUNITY_A, TOKEN_A);
        community(jdbc, box, SchoolFixture.SCHOOL_B, COMMUNITY_B, TOKEN_B);
        community(jdbc, box, SchoolFixture.SCHOOL_C, COMMUNITY_C, TOKEN_C);
    }

    private static void community(JdbcClient jdbc, SecretBox box, UUID organization, long id, String token) {
        jdbc.sql(
                        """
                        insert into linkbase.sferum_community
                            (organization_id, community_id, community_name, token, token_masked, state, verdict_at,
                             attempted_at, saved_at, saved_by)
                        values (:organization, :id, :name, :token, :masked, 'VERIFIED', now(), now(), now(), 'fixture')
                        """)
                .param("organization", organization)
                .param("id", id)
                .param("name", "Community " + id)
                .param("token", box.seal(token, StoredCommunity.tokenContext(organization)))
                .param("masked", SecretMask.mask(token))
                .update();
    }
}
