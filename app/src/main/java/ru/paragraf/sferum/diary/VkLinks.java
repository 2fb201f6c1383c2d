package ru.paragraf.sferum.diary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.paragraf.sferum.secrets.OpenedSecrets;

/** The stored VK ID links, one per person (teacher, pupil, parent) at most and one per VK account at most. */
@Repository
class VkLinks {

    private static final String SELECT =
            """
            select person_id, person_kind, organization_id, account_id, vk_user_id,
                   access_token as sealed_access_token, access_expires_at, refresh_token as sealed_refresh_token,
                   device_id, scope, linked_at, refreshed_at, relink_required
            from diary.vk_link
            """;

    /**
     * How long a person's opened access is kept ({@link #remembered}): another node's change of the link is seen
     * after this at the latest, this node's at once.
     */
    static final Duration REMEMBERED_FOR = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final OpenedSecrets<UUID, VkUserAccess> remembered = new OpenedSecrets<>(REMEMBERED_FOR, 100_000);

    VkLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The persons' opened accesses, kept for {@link PersonVkAccess}; every change of a link here forgets its
     * person's.
     */
    OpenedSecrets<UUID, VkUserAccess> remembered() {
        return remembered;
    }

    Optional<VkLink> find(UUID person) {
        return jdbc.sql(SELECT + " where person_id = :person")
                .param("person", person)
                .query(VkLink.class)
                .optional();
    }

    /** Locks the row until the transaction ends: refreshes of one link run one at a time, across nodes. */
    Optional<VkLink> lock(UUID person) {
        return jdbc.sql(SELECT + " where person_id = :person for update")
                .param("person", person)
                .query(VkLink.class)
                .optional();
    }

    Optional<VkLink> findByVkUser(long vkUserId) {
        return jdbc.sql(SELECT + " where vk_user_id = :vkUserId")
                .param("vkUserId", vkUserId)
                .query(VkLink.class)
                .optional();
    }

    /** Inserts the link or replaces the person's previous one. */
    void save(VkLink link) {
        remembered.forget(link.personId());
        jdbc.sql(
                        """
                        insert into diary.vk_link (person_id, person_kind, organization_id, account_id, vk_user_id,
                                                   access_token, access_expires_at, refresh_token, device_id, scope,
                                                   linked_at, refreshed_at, relink_required)
                        values (:personId, :personKind, :organizationId, :accountId, :vkUserId, :sealedAccessToken,
                                :accessExpiresAt, :sealedRefreshToken, :deviceId, :scope, :linkedAt, :refreshedAt,
                                :relinkRequired)
                        on conflict (person_id) do update set
                            person_kind = excluded.person_kind,
                            organization_id = excluded.organization_id, account_id = excluded.account_id,
                            vk_user_id = excluded.vk_user_id, access_token = excluded.access_token,
                            access_expires_at = excluded.access_expires_at, refresh_token = excluded.refresh_token,
                            device_id = excluded.device_id, scope = excluded.scope, linked_at = excluded.linked_at,
                            refreshed_at = excluded.refreshed_at, relink_required = excluded.relink_required
                        """)
                .param("personId", link.personId())
                .param("personKind", link.personKind().name())
                .param("organizationId", link.organizationId())
                .param("accountId", link.accountId())
                .param("vkUserId", link.vkUserId())
                .param("sealedAccessToken", link.sealedAccessToken())
                .param("accessExpiresAt", link.accessExpiresAt())
                .param("sealedRefreshToken", link.sealedRefreshToken())
                .param("deviceId", link.deviceId())
                .param("scope", link.scope())
                .param("linkedAt", link.linkedAt())
                .param("refreshedAt", link.refreshedAt())
                .param("relinkRequired", link.relinkRequired())
                .update();
    }

    void updateTokens(
            UUID person,
            String sealedAccessToken,
            OffsetDateTime accessExpiresAt,
            String sealedRefreshToken,
            OffsetDateTime refreshedAt) {
        remembered.forget(person);
        jdbc.sql(
                        """
                        update diary.vk_link
                        set access_token = :access, access_expires_at = :expiresAt, refresh_token = :refresh,
                            refreshed_at = :refreshedAt
                        where person_id = :person
                        """)
                .param("person", person)
                .param("access", sealedAccessToken)
                .param("expiresAt", accessExpiresAt)
                .param("refresh", sealedRefreshToken)
                .param("refreshedAt", refreshedAt)
                .update();
    }

    /** Marks the link; tells whether it was not marked before. */
    boolean markRelinkRequired(UUID person) {
        remembered.forget(person);
        return jdbc.sql(
                                "update diary.vk_link set relink_required = true where person_id = :person and not relink_required")
                        .param("person", person)
                        .update()
                > 0;
    }

    void delete(UUID person) {
        remembered.forget(person);
        jdbc.sql("delete from diary.vk_link where person_id = :person")
                .param("person", person)
                .update();
    }
}
