package ru.paragraf.sferum.accounts;

import static ru.paragraf.sferum.SchoolFixture.*;
import static ru.paragraf.sferum.accounts.EndpointRules.CITY;
import static ru.paragraf.sferum.accounts.EndpointRules.DISTRICT;
import static ru.paragraf.sferum.accounts.EndpointRules.TEACHER;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.EndpointRules.Scope;
import ru.paragraf.sferum.exchange.ExchangeFixture;

/**
 * Fixture ids for path variables, by variable name: the caller's own (school A), and another's: school B for the
 * school's people (and a colleague's journal for the teacher), school C (district 2) for district 1's operator. Hand-down previews belong to an operator's
 * account: the city operator's and district 1's, each the other's «another».
 */
public final class FixtureIds {

    static final UUID HANDDOWN_OF_CITY = SchoolFixture.id(101), HANDDOWN_OF_DISTRICT = SchoolFixture.id(102);

    /** Accounts of schools A (teacherA1), B (adminB) and C (teacherC1), and of the operators of districts 1 and 2. */
    static final UUID ACCOUNT_A = SchoolFixture.id(111),
            ACCOUNT_B = SchoolFixture.id(112),
            ACCOUNT_C = SchoolFixture.id(113);

    static final UUID OPERATOR_OF_DISTRICT_1 = SchoolFixture.id(114), OPERATOR_OF_DISTRICT_2 = SchoolFixture.id(115);

    /** Variable name → ids (or user names) in schools A, B and C. */
    private static final Map<String, List<?>> BY_NAME = Map.of(
            "organization", List.of(SCHOOL_A, SCHOOL_B, SCHOOL_C),
            "district", List.of(DISTRICT_1, DISTRICT_2, DISTRICT_2),
            "journal", List.of(JOURNAL_A_MATHS, JOURNAL_B_MATHS, JOURNAL_C_MATHS),
            "lesson", List.of(id(71), id(75), id(76)),
            "employee", List.of(TEACHER_A1, TEACHER_B1, TEACHER_C1),
            "task", List.of(ExchangeFixture.TASK_A, ExchangeFixture.TASK_B, ExchangeFixture.TASK_C),
            "run", List.of(ExchangeFixture.RUN_A, ExchangeFixture.RUN_B, ExchangeFixture.RUN_C),
            "child", List.of(PUPIL_A, PUPIL_B, PUPIL_B),
            "account", List.of(ACCOUNT_A, ACCOUNT_B, ACCOUNT_C),
            // accounts: school A's teacher; school B's admin; district 2's operator (not district 1's)
            "username", List.of("teacherA1", "adminB", "district2"));

    /** A MAX bot user id no school has. */
    static final long BOT_OF_NO_SCHOOL = 900_000_999L;

    private FixtureIds() {}

    /**
     * The ids of {@code variable} for {@code who}: their own resource (one), or others' resources; empty when the
     * name is unknown. A teacher's others include a colleague's journal and lesson in their own school.
     */
    static List<?> of(String variable, Scope scope, String who, boolean own) {
        if (scope == Scope.OPERATOR_ACCOUNT && variable.equals("account")) {
            return List.of(own ? OPERATOR_OF_DISTRICT_1 : OPERATOR_OF_DISTRICT_2);
        }
        if (scope == Scope.OWN_UPLOAD && variable.equals("id")) {
            var mine = who.equals(DISTRICT) ? HANDDOWN_OF_DISTRICT : HANDDOWN_OF_CITY;
            var theirs = mine.equals(HANDDOWN_OF_CITY) ? HANDDOWN_OF_DISTRICT : HANDDOWN_OF_CITY;
            return List.of(own ? mine : theirs);
        }
        if (variable.equals("bot")) {
            return List.of(BOT_OF_NO_SCHOOL); // a MAX bot's webhook: no school's, so every call is refused (401)
        }
        var ids = BY_NAME.get(variable);
        if (ids == null) {
            return List.of();
        }
        if (own) {
            return List.of(ids.get(0));
        }
        var other = ids.get(who.equals(DISTRICT) ? 2 : 1);
        if (who.equals(TEACHER) && variable.equals("journal")) {
            return List.of(other, JOURNAL_A_RUSSIAN);
        }
        if (who.equals(TEACHER) && variable.equals("lesson")) {
            return List.of(other, id(73));
        }
        return List.of(other);
    }

    /**
     * Fills {@code {name}} placeholders: with the caller's own ids (one path), or with each of the others' ids (a path
     * per alternative). The names without a fixture id are returned in {@link Filled#unknown}.
     */
    public static List<Filled> fill(String template, Scope scope, String who, boolean own) {
        var values = new LinkedHashMap<String, List<?>>();
        var unknown = new ArrayList<String>();
        var matcher = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(template);
        while (matcher.find()) {
            var name = matcher.group(1);
            var ids = of(name, scope, who, own);
            if (ids.isEmpty()) {
                unknown.add(name);
            } else {
                values.put(name, ids);
            }
        }
        var alternatives = values.values().stream().mapToInt(List::size).max().orElse(1);
        var filled = new ArrayList<Filled>();
        for (var i = 0; i < alternatives; i++) {
            var path = template;
            for (var value : values.entrySet()) {
                var ids = value.getValue();
                path = path.replaceAll(
                        "\\{" + value.getKey() + "(:[^}]*)?}",
                        ids.get(Math.min(i, ids.size() - 1)).toString());
            }
            filled.add(new Filled(path, unknown));
        }
        return filled;
    }

    public record Filled(String path, List<String> unknown) {}

    /**
     * Gives the accounts that «Учётные записи» is asked about known ids, with a teacher's account in school C; before
     * anything refers to an account's id (hand-downs, logins).
     */
    public static void insertAccounts(JdbcClient jdbc, AccountRegistration registration) {
        if (!registration.exists("teacherC1")) {
            registration.register(
                    NewAccount.teacher("teacherC1", "Цешкин Ц.", SCHOOL_C, TEACHER_C1), SchoolFixture.PASSWORD);
        }
        var known = Map.of(
                "teacherA1", ACCOUNT_A,
                "adminB", ACCOUNT_B,
                "teacherC1", ACCOUNT_C,
                "district1", OPERATOR_OF_DISTRICT_1,
                "district2", OPERATOR_OF_DISTRICT_2);
        known.forEach((username, id) -> jdbc.sql("update accounts.user_account set id = :id where username = :username")
                .param("id", id)
                .param("username", username)
                .update());
    }

    /** Two hand-down previews, ready and unexpired, one of the city operator's and one of district 1's. */
    public static void insertHanddowns(JdbcClient jdbc) {
        handdown(jdbc, HANDDOWN_OF_CITY, CITY);
        handdown(jdbc, HANDDOWN_OF_DISTRICT, DISTRICT);
    }

    private static void handdown(JdbcClient jdbc, UUID id, String username) {
        var account = jdbc.sql("select id from accounts.user_account where username = :username")
                .param("username", username)
                .query(UUID.class)
                .single();
        var now = OffsetDateTime.now();
        jdbc.sql(
                        """
                        insert into linkbase.handdown (id, account_id, file_name, created_at, expires_at, status,
                                                       heartbeat_at)
                        values (:id, :account, 'access.csv', :now, :expires, 'READY', :now)
                        """)
                .param("id", id)
                .param("account", account)
                .param("now", now)
                .param("expires", now.plusDays(1))
                .update();
    }
}
