package ru.paragraf.sferum.school.oneroster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;

/** The school tables of the test database: emptied before each test, counted to prove what an import changed. */
final class SchoolData {

    static final List<String> TABLES = List.of(
            "district",
            "organization",
            "academic_year",
            "subject",
            "employee",
            "class_unit",
            "pupil",
            "parent",
            "pupil_parent",
            "study_group",
            "study_group_member",
            "journal",
            "journal_teacher",
            "lesson");

    static final CurrentUser CITY = user(Role.CITY_OPERATOR, null, null);

    private SchoolData() {}

    /** Also removes the accounts that imports gave to the people: they would hold the logins of the next test. */
    static void clear(JdbcClient jdbc) {
        jdbc.sql("truncate school.district, school.academic_year, school.subject cascade")
                .update();
        jdbc.sql("delete from accounts.user_account where source = 'ROSTER'").update();
    }

    static Map<String, Integer> counts(JdbcClient jdbc) {
        var counts = new LinkedHashMap<String, Integer>();
        for (var table : TABLES) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from school." + table)
                            .query(Integer.class)
                            .single());
        }
        return counts;
    }

    static UUID organization(JdbcClient jdbc, String sourcedId) {
        return jdbc.sql("select id from school.organization where external_id = :id")
                .param("id", sourcedId)
                .query(UUID.class)
                .single();
    }

    static UUID district(JdbcClient jdbc, String sourcedId) {
        return jdbc.sql("select id from school.district where external_id = :id")
                .param("id", sourcedId)
                .query(UUID.class)
                .single();
    }

    static CurrentUser schoolAdmin(UUID organization) {
        return user(Role.SCHOOL_ADMIN, null, organization);
    }

    static CurrentUser districtOperator(UUID district) {
        return user(Role.DISTRICT_OPERATOR, district, null);
    }

    private static CurrentUser user(Role role, UUID district, UUID organization) {
        return new CurrentUser(
                UUID.randomUUID(),
                role.name().toLowerCase(),
                role.name(),
                role,
                district,
                organization,
                null,
                null,
                null);
    }
}
