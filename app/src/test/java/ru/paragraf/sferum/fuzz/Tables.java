package ru.paragraf.sferum.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of tables (row count and a digest of every row), to prove that a refusal wrote nothing. A table may
 * carry a condition ({@code "audit.entry where action <> 'X'"}) to leave out what a refusal records on purpose.
 */
final class Tables {

    private Tables() {}

    static List<String> snapshot(JdbcClient jdbc, String... tables) {
        var result = new ArrayList<String>();
        for (var table : tables) {
            result.add(table + ": "
                    + jdbc.sql("select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                                    + " from (" + (table.startsWith("select ") ? table : "select * from " + table)
                                    + ") t")
                            .query(String.class)
                            .single());
        }
        return result;
    }

    /** Counts the case as refused and fails it, counting a partial write, when the tables changed. */
    static void assertUnchangedAfterRefusal(String property, JdbcClient jdbc, List<String> before, String... tables) {
        FuzzFigures.refused(property);
        var after = snapshot(jdbc, tables);
        if (!after.equals(before)) {
            FuzzFigures.partialWrite(property);
        }
        assertThat(after).as("tables after a refusal in %s", property).isEqualTo(before);
    }
}
