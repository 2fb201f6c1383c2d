package ru.paragraf.sferum.accounts;

import static ru.paragraf.sferum.SchoolFixture.*;
import static ru.paragraf.sferum.accounts.EndpointRules.CITY;
import static ru.paragraf.sferum.accounts.EndpointRules.DISTRICT;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.EndpointRules.Scope;
import ru.paragraf.sferum.exchange.ExchangeFixture;

/**
 * Fixture ids for path variables, by variable name: the caller's own (school A), and another's: school B for the
 * school's people, school C (district 2) for district 1's operator. Hand-down previews belong to an operator's
 * account: the city operator's and district 1's, each the other's «another».
 */
final class FixtureIds {

    static final UUID HANDDOWN_OF_CITY = SchoolFixture.id(101), HANDDOWN_OF_DISTRICT = SchoolFixture.id(102);

    /** Variable name → ids in schools A, B and C. */
    private static final Map<String, List<UUID>> BY_NAME = Map.of(
            "organization", List.of(SCHOOL_A, SCHOOL_B, SCHOOL_C),
            "journal", List.of(JOURNAL_A_MATHS, JOURNAL_B_MATHS, JOURNAL_C_MATHS),
            "lesson", List.of(id(71), id(75), id(76)),
            "employee", List.of(TEACHER_A1, TEACHER_B1, TEACHER_C1),
            "task", List.of(ExchangeFixture.TASK_A, ExchangeFixture.TASK_B, ExchangeFixture.TASK_C),
            "run", List.of(ExchangeFixture.RUN_A, ExchangeFixture.RUN_B, ExchangeFixture.RUN_C),
            "child", List.of(PUPIL_A, PUPIL_B, PUPIL_B));

    private FixtureIds() {}

    /** The id of {@code variable} for {@code who}: their own resource, or another's; empty when the name is unknown. */
    static Optional<UUID> of(String variable, Scope scope, String who, boolean own) {
        if (scope == Scope.OWN_UPLOAD && variable.equals("id")) {
            var mine = who.equals(DISTRICT) ? HANDDOWN_OF_DISTRICT : HANDDOWN_OF_CITY;
            var theirs = mine.equals(HANDDOWN_OF_CITY) ? HANDDOWN_OF_DISTRICT : HANDDOWN_OF_CITY;
            return Optional.of(own ? mine : theirs);
        }
        var ids = BY_NAME.get(variable);
        if (ids == null) {
            return Optional.empty();
        }
        return Optional.of(own ? ids.get(0) : ids.get(who.equals(DISTRICT) ? 2 : 1));
    }

    /** Fills {@code {name}} placeholders; the names without a fixture id are returned instead. */
    static Filled fill(String template, Scope scope, String who, boolean own) {
        var values = new LinkedHashMap<String, UUID>();
        var unknown = new java.util.ArrayList<String>();
        var matcher = java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(template);
        while (matcher.find()) {
            var name = matcher.group(1);
            of(name, scope, who, own).ifPresentOrElse(id -> values.put(name, id), () -> unknown.add(name));
        }
        var path = template;
        for (var value : values.entrySet()) {
            path = path.replaceAll(
                    "\\{" + value.getKey() + "(:[^}]*)?}", value.getValue().toString());
        }
        return new Filled(path, unknown);
    }

    record Filled(String path, List<String> unknown) {}

    /** Two hand-down previews, ready and unexpired, one of the city operator's and one of district 1's. */
    static void insertHanddowns(JdbcClient jdbc) {
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
