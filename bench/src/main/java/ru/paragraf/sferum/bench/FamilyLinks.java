package ru.paragraf.sferum.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.secrets.SecretBox;
import ru.paragraf.vkemulator.Seed;

/**
 * Pupils' and parents' VK ID links written in bulk, as the diary stores them after «Привязать к VK ID» (the
 * teachers' are written the same way by {@link CityConnection}): a VK account in the emulator with a user token, the
 * diary's link with the token sealed for the person, and the school's copy of the account in the pupil's or
 * parent's row. 80,000 OAuth round trips would take longer than the benchmark; the flow itself is the diary's tests'.
 */
final class FamilyLinks {

    static final long FIRST_PUPIL_VK = 730_000_001L;
    static final long FIRST_PARENT_VK = 770_000_001L;

    private FamilyLinks() {}

    /** Links every pupil of these schools; returns how many. */
    static int pupils(ConfigurableApplicationContext node, CityWorld world, List<UUID> organizations) {
        return link(node, world, "pupil", "PUPIL", organizations, FIRST_PUPIL_VK);
    }

    /** Links every parent recorded by these schools; returns how many. */
    static int parents(ConfigurableApplicationContext node, CityWorld world, List<UUID> organizations) {
        return link(node, world, "parent", "PARENT", organizations, FIRST_PARENT_VK);
    }

    /** «Родители в предметных чатах» switched on for these schools, as «Настройки чатов» stores it. */
    static void parentsInChats(JdbcClient jdbc, List<UUID> organizations) {
        for (var organization : organizations) {
            jdbc.sql(
                            """
                            insert into school.chat_policy (organization_id, parents_in_chats, updated_at, updated_by)
                            values (:organization, true, now(), 'citybench')
                            on conflict (organization_id) do update set parents_in_chats = true""")
                    .param("organization", organization)
                    .update();
        }
    }

    private static int link(
            ConfigurableApplicationContext node,
            CityWorld world,
            String table,
            String kind,
            List<UUID> organizations,
            long firstVkUser) {
        if (organizations.isEmpty()) {
            return 0;
        }
        var jdbc = node.getBean(JdbcClient.class);
        var box = node.getBean(SecretBox.class);
        var people = jdbc.sql("select id, organization_id from school.%s where organization_id in (:organizations)"
                                .formatted(table)
                        + " order by id")
                .param("organizations", organizations)
                .query((rs, row) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list();
        var now = OffsetDateTime.now();
        var links = new ArrayList<Object[]>();
        var rows = new ArrayList<Object[]>();
        long vkUser = firstVkUser;
        for (var person : people) {
            var id = vkUser++;
            world.vk.addUser(Seed.User.of(
                    id, kind.equals("PUPIL") ? "Ученик" : "Родитель", "№" + id, "u" + id + "@vk.test", null));
            var token = world.vk.issueUserToken(id);
            links.add(new Object[] {
                person[0],
                kind,
                person[1],
                UUID.randomUUID(),
                id,
                box.seal(token, "vk-access-token:" + person[0]),
                now.plusDays(30),
                box.seal("citybench-refresh-" + id, "vk-refresh-token:" + person[0]),
                "citybench",
                "vkid.personal_info",
                now
            });
            rows.add(new Object[] {id, now, person[0]});
        }
        var template = node.getBean(JdbcTemplate.class);
        template.batchUpdate(
                """
                insert into diary.vk_link (person_id, person_kind, organization_id, account_id, vk_user_id,
                    access_token, access_expires_at, refresh_token, device_id, scope, linked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                links);
        template.batchUpdate(
                "update school.%s set sferum_user_id = ?, sferum_linked_at = ? where id = ?".formatted(table), rows);
        return people.size();
    }
}
