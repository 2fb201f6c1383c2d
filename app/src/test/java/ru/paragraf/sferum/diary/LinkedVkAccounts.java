package ru.paragraf.sferum.diary;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.school.PersonKind;

/**
 * Test support: a person's VK ID link as the diary holds it after «Привязать к VK ID», written directly — the diary's
 * sealed user tokens and the school's copy of the VK account (the staff file's for a teacher, the pupil's or the
 * parent's row otherwise) — for tests of what the engine does with people's links, not of linking itself.
 */
public final class LinkedVkAccounts {

    private final VkLinks links;
    private final VkIdSecrets secrets;
    private final JdbcClient jdbc;
    private final Clock clock;

    public LinkedVkAccounts(ApplicationContext context) {
        this(context, Clock.systemDefaultZone());
    }

    /** Links as of the {@code clock}'s now: the application's own when it runs on a day of its own. */
    public LinkedVkAccounts(ApplicationContext context, Clock clock) {
        this.links = context.getBean(VkLinks.class);
        this.secrets = context.getBean(VkIdSecrets.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.clock = clock;
    }

    /** Links the person to the VK account with this user token, valid for a day, in the diary and in school. */
    public void link(PersonKind kind, UUID person, UUID organization, long vkUser, String accessToken) {
        var now = OffsetDateTime.now(clock);
        links.save(new VkLink(
                person,
                kind,
                organization,
                UUID.randomUUID(),
                vkUser,
                secrets.sealAccessToken(person, accessToken),
                now.plusDays(1),
                secrets.sealRefreshToken(person, "refresh-" + person),
                "device-" + person,
                "vkid.personal_info",
                now,
                null,
                false));
        jdbc.sql(
                        "update school.%s set sferum_user_id = :vkUser, sferum_linked_at = :now, sferum_relink_required = false "
                                        .formatted(kind.name().toLowerCase())
                                + "where id = :person")
                .param("vkUser", vkUser)
                .param("now", now)
                .param("person", person)
                .update();
    }
}
