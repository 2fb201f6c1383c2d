package ru.paragraf.sferum.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;

/** The demo logins created with the demo city, kept so that every later start can show them again. */
@Repository
@ConditionalOnDemoData
class DemoLogins {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DemoLogins(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void saveAll(List<DemoLogin> logins) {
        batch.batchUpdate(
                """
                insert into demo.demo_login
                    (username, role, school, organization_id, place, person, detail, featured, sort_order)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                logins,
                1000,
                (statement, login) -> {
                    statement.setString(1, login.username());
                    statement.setString(2, login.role().name());
                    statement.setObject(3, login.school());
                    statement.setObject(4, login.organizationId());
                    statement.setString(5, login.place());
                    statement.setString(6, login.person());
                    statement.setString(7, login.detail());
                    statement.setBoolean(8, login.featured());
                    statement.setInt(9, login.sortOrder());
                });
    }

    List<DemoLogin> featured() {
        return list("where featured");
    }

    /** Every teacher's login, school by school, featured ones first. */
    List<DemoLogin> teachers() {
        return list("where role = 'TEACHER'");
    }

    private List<DemoLogin> list(String where) {
        return jdbc.sql(
                        """
                        select username, role, school, organization_id, place, person, detail, featured, sort_order
                        from demo.demo_login %s order by sort_order
                        """
                                .formatted(where))
                .query((rs, row) -> new DemoLogin(
                        rs.getString("username"),
                        Role.valueOf(rs.getString("role")),
                        (Integer) rs.getObject("school"),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("place"),
                        rs.getString("person"),
                        rs.getString("detail"),
                        rs.getBoolean("featured"),
                        rs.getInt("sort_order")))
                .list();
    }

    List<DemoLoginRange> ranges() {
        return jdbc.sql(
                        """
                        select school, role, count(*) as count, min(username) as first, max(username) as last
                        from demo.demo_login where school is not null
                        group by school, role order by school, min(sort_order)
                        """)
                .query((rs, row) -> new DemoLoginRange(
                        rs.getInt("school"),
                        Role.valueOf(rs.getString("role")),
                        rs.getInt("count"),
                        rs.getString("first"),
                        rs.getString("last")))
                .list();
    }

    /** The featured operators' logins, then each school with its featured logins and all its ranges. */
    Overview overview() {
        var operators = new ArrayList<DemoLogin>();
        var schools = new LinkedHashMap<Integer, List<DemoLogin>>();
        for (var login : featured()) {
            var school = login.school();
            if (school == null) {
                operators.add(login);
            } else {
                schools.computeIfAbsent(school, number -> new ArrayList<>()).add(login);
            }
        }
        var ranges = ranges();
        var views = schools.entrySet().stream()
                .map(entry -> new DemoSchoolView(
                        entry.getKey(),
                        entry.getValue().get(0).place(),
                        entry.getValue(),
                        ranges.stream()
                                .filter(range -> range.school() == entry.getKey())
                                .toList()))
                .toList();
        return new Overview(operators, views);
    }

    /** What the log and the Demo page show; empty when the database had schools before demo mode was on. */
    record Overview(List<DemoLogin> operators, List<DemoSchoolView> schools) {

        boolean isEmpty() {
            return operators.isEmpty() && schools.isEmpty();
        }
    }
}
