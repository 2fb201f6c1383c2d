package ru.paragraf.sferum.linkbase;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a school's MAX bot is, for the pages that tell people to add it to a chat or to open it by a deep link: its
 * user id, name and {@code @username}, never its token. Empty for a school whose messenger is not MAX.
 */
@Component
public class SchoolMaxBots {

    /** A school's MAX bot as people find it in MAX; {@code username} is known once MAX confirmed the token. */
    public record SchoolMaxBot(
            UUID organization, @Nullable Long userId, @Nullable String name, @Nullable String username) {}

    private final JdbcClient jdbc;

    SchoolMaxBots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<SchoolMaxBot> of(UUID organization) {
        return jdbc.sql(
                        """
                        select organization_id, bot_user_id, bot_name, bot_username from linkbase.sferum_community
                        where organization_id = :organization and messenger = 'MAX'
                        """)
                .param("organization", organization)
                .query((rs, row) -> new SchoolMaxBot(
                        rs.getObject("organization_id", UUID.class),
                        (Long) rs.getObject("bot_user_id"),
                        rs.getString("bot_name"),
                        rs.getString("bot_username")))
                .optional();
    }
}
