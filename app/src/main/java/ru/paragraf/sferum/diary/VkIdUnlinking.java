package ru.paragraf.sferum.diary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * «Отвязать»: revokes the person's tokens at VK ID first (best effort, outside any transaction), then removes
 * the link. Revoking first means the diary forgets a token only after VK has ended it, unless VK did not answer.
 */
@Service
class VkIdUnlinking {

    private static final Logger log = LoggerFactory.getLogger(VkIdUnlinking.class);

    private final VkLinks links;
    private final VkIdLinkChanges changes;
    private final VkIdSecrets secrets;
    private final VkIdClient client;
    private final VkIdProperties properties;

    VkIdUnlinking(
            VkLinks links, VkIdLinkChanges changes, VkIdSecrets secrets, VkIdClient client, VkIdProperties properties) {
        this.links = links;
        this.changes = changes;
        this.secrets = secrets;
        this.client = client;
        this.properties = properties;
    }

    UnlinkResult unlink(CurrentUser user, DiaryPerson person) {
        var link = links.find(person.id());
        if (link.isEmpty()) {
            return UnlinkResult.NOT_LINKED;
        }
        var revoked = properties.configured() && client.tryRevoke(secrets.accessToken(link.get()));
        var removed = changes.unlink(user, person, revoked);
        if (removed.isEmpty()) {
            return UnlinkResult.NOT_LINKED;
        }
        log.info(
                "{} {} unlinked VK user {} (revoked at VK: {})",
                person.kind(),
                person.id(),
                removed.get().vkUserId(),
                revoked);
        return revoked ? UnlinkResult.UNLINKED : UnlinkResult.UNLINKED_VK_UNREACHABLE;
    }
}
