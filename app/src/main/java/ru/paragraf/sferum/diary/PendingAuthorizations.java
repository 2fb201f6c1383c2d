package ru.paragraf.sferum.diary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Started VK ID authorizations, in the database so that any node can take the callback. */
@Repository
class PendingAuthorizations {

    /** Finished and expired authorizations are kept this long, so a late callback is told "expired", not "unknown". */
    static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;

    PendingAuthorizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void add(PendingAuthorization authorization) {
        jdbc.sql("delete from diary.vkid_authorization where expires_at < :before")
                .param("before", authorization.createdAt().minus(KEPT))
                .update();
        jdbc.sql(
                        """
                        insert into diary.vkid_authorization (state, account_id, person_id, person_kind,
                                                              organization_id, code_verifier, redirect_uri,
                                                              created_at, expires_at)
                        values (:state, :accountId, :personId, :kind, :organizationId, :sealedVerifier, :redirectUri,
                                :createdAt, :expiresAt)
                        """)
                .param("state", authorization.state())
                .param("accountId", authorization.accountId())
                .param("personId", authorization.personId())
                .param("kind", authorization.personKind().name())
                .param("organizationId", authorization.organizationId())
                .param("sealedVerifier", authorization.sealedVerifier())
                .param("redirectUri", authorization.redirectUri())
                .param("createdAt", authorization.createdAt())
                .param("expiresAt", authorization.expiresAt())
                .update();
    }

    Optional<PendingAuthorization> find(String state) {
        return jdbc.sql(
                        """
                        select state, account_id, person_id, person_kind, organization_id,
                               code_verifier as sealed_verifier,
                               redirect_uri, created_at, expires_at, used_at
                        from diary.vkid_authorization where state = :state
                        """)
                .param("state", state)
                .query(PendingAuthorization.class)
                .optional();
    }

    /** Marks the authorization used; false when another request used it first. */
    @Transactional
    boolean claim(String state, OffsetDateTime now) {
        return jdbc.sql(
                                """
                        update diary.vkid_authorization set used_at = :now
                        where state = :state and used_at is null and expires_at > :now
                        """)
                        .param("state", state)
                        .param("now", now)
                        .update()
                == 1;
    }
}
