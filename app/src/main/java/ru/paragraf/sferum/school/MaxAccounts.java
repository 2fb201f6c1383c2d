package ru.paragraf.sferum.school;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The MAX user ids of employees, pupils and parents ({@code max_user_id}, {@code max_linked_at}), as the diary's MAX
 * links fill them. The tables are constants of this module, never text from outside.
 */
final class MaxAccounts {

    private static final List<String> TABLES = List.of("school.employee", "school.pupil", "school.parent");

    private MaxAccounts() {}

    /** Records the account; the event to publish when the person's account changed, else empty. */
    static Optional<MaxAccountRecorded> record(
            JdbcClient jdbc, String table, UUID person, long maxUserId, Instant linkedAt) {
        for (var other : TABLES) {
            jdbc.sql(
                            "update %s set max_user_id = null, max_linked_at = null where max_user_id = :user and id <> :person"
                                    .formatted(other))
                    .param("user", maxUserId)
                    .param("person", person)
                    .update();
        }
        return jdbc.sql(
                        """
                        update %s set max_user_id = :user, max_linked_at = :linkedAt
                        where id = :person and max_user_id is distinct from :user
                        returning organization_id
                        """
                                .formatted(table))
                .param("user", maxUserId)
                .param("linkedAt", OffsetDateTime.ofInstant(linkedAt, ZoneOffset.UTC))
                .param("person", person)
                .query(UUID.class)
                .optional()
                .map(organization -> new MaxAccountRecorded(person, organization, maxUserId));
    }

    /** Clears the account; the event to publish when the person had one, else empty. */
    static Optional<MaxAccountRecorded> clear(JdbcClient jdbc, String table, UUID person) {
        return jdbc.sql(
                        """
                        update %s set max_user_id = null, max_linked_at = null
                        where id = :person and max_user_id is not null
                        returning organization_id
                        """
                                .formatted(table))
                .param("person", person)
                .query(UUID.class)
                .optional()
                .map(organization -> new MaxAccountRecorded(person, organization, null));
    }
}
