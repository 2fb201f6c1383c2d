package ru.paragraf.sferum.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-object items of runs. */
@Repository
class RunItems {

    private static final String ERRORS_ONLY = " and (not :errorsOnly or result = 'ERROR')";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RunItems(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insert(UUID run, List<ExchangeRunItem> items, Instant now) {
        template.batchUpdate(
                """
                insert into exchange.run_item (run_id, recorded_at, object_type, object_id, object_title, action, result,
                                               message, link)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                items,
                items.size(),
                (statement, item) -> {
                    statement.setObject(1, run);
                    statement.setTimestamp(2, Timestamp.from(now));
                    statement.setString(3, item.objectType());
                    statement.setString(4, item.objectId());
                    statement.setString(5, item.objectTitle());
                    statement.setString(6, item.action());
                    statement.setString(7, item.result().name());
                    statement.setString(8, item.message());
                    statement.setString(9, item.link());
                });
    }

    List<ItemRow> page(UUID run, boolean errorsOnly, int offset, int limit) {
        return jdbc.sql("select * from exchange.run_item where run_id = :run" + ERRORS_ONLY
                        + " order by id limit :limit offset :offset")
                .param("run", run)
                .param("errorsOnly", errorsOnly)
                .param("offset", offset)
                .param("limit", limit)
                .query(ItemRow.class)
                .list();
    }

    int count(UUID run, boolean errorsOnly) {
        return jdbc.sql("select count(*) from exchange.run_item where run_id = :run" + ERRORS_ONLY)
                .param("run", run)
                .param("errorsOnly", errorsOnly)
                .query(Integer.class)
                .single();
    }

    /** Every item of the run in order, one at a time, for exports of any size. */
    void forEach(UUID run, boolean errorsOnly, Consumer<ItemRow> consumer) {
        var mapper = new org.springframework.jdbc.core.DataClassRowMapper<>(ItemRow.class);
        jdbc.sql("select * from exchange.run_item where run_id = :run" + ERRORS_ONLY + " order by id")
                .param("run", run)
                .param("errorsOnly", errorsOnly)
                .query(resultSet -> {
                    consumer.accept(mapper.mapRow(resultSet, resultSet.getRow()));
                });
    }
}
