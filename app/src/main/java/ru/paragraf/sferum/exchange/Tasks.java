package ru.paragraf.sferum.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored exchange tasks. Callers check that the organization is visible to the person first. */
@Repository
class Tasks {

    private final JdbcClient jdbc;

    Tasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the organization has a task of the type already */
    void insert(Task task) {
        jdbc.sql(
                        """
                        insert into exchange.task (id, organization_id, type_code, cron, enabled, created_at, updated_at)
                        values (:id, :organizationId, :typeCode, :cron, :enabled, :createdAt, :updatedAt)
                        """)
                .paramSource(task)
                .update();
    }

    Optional<Task> find(UUID id) {
        return jdbc.sql("select * from exchange.task where id = :id")
                .param("id", id)
                .query(Task.class)
                .optional();
    }

    boolean exists(UUID organization, String typeCode) {
        return jdbc.sql(
                                "select count(*) from exchange.task where organization_id = :organization and type_code = :type")
                        .param("organization", organization)
                        .param("type", typeCode)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    List<Task> ofOrganization(UUID organization) {
        return jdbc.sql("select * from exchange.task where organization_id = :organization order by type_code")
                .param("organization", organization)
                .query(Task.class)
                .list();
    }

    void update(UUID id, String cron, boolean enabled, OffsetDateTime now) {
        jdbc.sql("update exchange.task set cron = :cron, enabled = :enabled, updated_at = :now where id = :id")
                .param("id", id)
                .param("cron", cron)
                .param("enabled", enabled)
                .param("now", now)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from exchange.task where id = :id").param("id", id).update();
    }
}
