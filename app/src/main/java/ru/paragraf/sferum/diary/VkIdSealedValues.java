package ru.paragraf.sferum.diary;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.secrets.SealedValues;
import ru.paragraf.sferum.secrets.SecretBox;

/** Re-seals the diary's sealed columns (VK user tokens, PKCE verifiers) with the current key after a rotation. */
@Component
class VkIdSealedValues implements SealedValues {

    private record SealedLink(UUID personId, String accessToken, String refreshToken) {}

    private record SealedVerifier(String state, String codeVerifier) {}

    private final JdbcClient jdbc;

    private final VkLinks links;

    VkIdSealedValues(JdbcClient jdbc, VkLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    @Override
    @Transactional
    public int resealStale(SecretBox box) {
        return resealLinks(box) + resealVerifiers(box);
    }

    private int resealLinks(SecretBox box) {
        var stale = jdbc.sql(
                        """
                        select person_id, access_token, refresh_token from diary.vk_link
                        where access_token not like :current or refresh_token not like :current
                        for update
                        """)
                .param("current", box.currentKeyPattern())
                .query(SealedLink.class)
                .list();
        for (var link : stale) {
            var person = link.personId();
            jdbc.sql("update diary.vk_link set access_token = :access, refresh_token = :refresh where person_id = :id")
                    .param("access", resealed(box, link.accessToken(), VkLink.accessTokenContext(person)))
                    .param("refresh", resealed(box, link.refreshToken(), VkLink.refreshTokenContext(person)))
                    .param("id", person)
                    .update();
        }
        if (!stale.isEmpty()) {
            links.remembered().forgetAll();
        }
        return stale.size();
    }

    private int resealVerifiers(SecretBox box) {
        var stale = jdbc.sql(
                        """
                        select state, code_verifier from diary.vkid_authorization
                        where used_at is null and code_verifier not like :current
                        for update
                        """)
                .param("current", box.currentKeyPattern())
                .query(SealedVerifier.class)
                .list();
        for (var pending : stale) {
            jdbc.sql("update diary.vkid_authorization set code_verifier = :verifier where state = :state")
                    .param(
                            "verifier",
                            resealed(
                                    box, pending.codeVerifier(), PendingAuthorization.verifierContext(pending.state())))
                    .param("state", pending.state())
                    .update();
        }
        return stale.size();
    }

    private static String resealed(SecretBox box, String sealed, String context) {
        return box.isStale(sealed) ? box.reseal(sealed, context) : sealed;
    }
}
