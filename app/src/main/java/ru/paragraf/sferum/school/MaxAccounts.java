package ru.paragraf.sferum.school;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The MAX user ids of employees, pupils and parents ({@code max_user_id}, {@code max_linked_at}), as the diary's MAX
 * links fill them. The tables are constants of this module, never text from outside.
 */
final class MaxAccounts {

    private static final List<String> TABLES = List.of("school.employee", "school.pupil", "school.parent");

    private MaxAccounts() {}

    static void record(JdbcClient jdbc, String table, UUID person, long maxUserId, Instant linkedAt) {
        for (var other : TABLES) {
            jdbc.sql(
                            "update %s set max_user_id = null, max_linked_at = null where max_user_id = :user and id <> :person"
                                    .formatted(other))
                    .param("user", maxUserId)
                    .param("person", person)
                    .update();
        }
        jdbc.sql("update %s set max_user_id = :user, max_linked_at = :linkedAt where id = :person".formatted(table))
                .param("user", maxUserId)
                .param("linkedAt", OffsetDateTime.ofInstant(linkedAt, ZoneOffset.UTC))
                .param("person", person)
                .update();
    }

    static void clear(JdbcClient jdbc, String table, UUID person) {
        jdbc.sql("update %s set max_user_id = null, max_linked_at = null where id = :person".formatted(table))
                .param("person", person)
                .update();
    }
}
