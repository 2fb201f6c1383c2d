package ru.paragraf.sferum.accounts;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The access policy of every endpoint, one line each: who may use it and how its resources are scoped. Derived from
 * {@link SecurityConfiguration} and the controllers' own checks (editors of journals, operators of hand-downs, the
 * teacher's diary tab). {@link EndpointAccessTests} holds the application's mapping against this table.
 */
public final class EndpointRules {

    public static final String GET = "GET", POST = "POST", PUT = "PUT", DELETE = "DELETE";
    public static final String CITY = "city", DISTRICT = "district1", ADMIN = "adminA", TEACHER = "teacherA1";
    public static final String PUPIL = "pupilA", PARENT = "parentA", ANONYMOUS = "anonymous";

    /** The six roles, in the order of DESIGN §2. */
    static final List<String> ROLES = List.of(CITY, DISTRICT, ADMIN, TEACHER, PUPIL, PARENT);

    static final Set<String> EVERYONE = Set.of(CITY, DISTRICT, ADMIN, TEACHER, PUPIL, PARENT);
    static final Set<String> PUBLIC = Set.of(CITY, DISTRICT, ADMIN, TEACHER, PUPIL, PARENT, ANONYMOUS);
    static final Set<String> STAFF = Set.of(CITY, DISTRICT, ADMIN, TEACHER);
    static final Set<String> ADMINISTRATORS = Set.of(CITY, DISTRICT, ADMIN);
    static final Set<String> OPERATORS = Set.of(CITY, DISTRICT);
    /** Who changes journals and lessons: the school's admin and the journal's teachers, not the operators. */
    static final Set<String> EDITORS = Set.of(ADMIN, TEACHER);

    static final Set<String> DIARY = Set.of(TEACHER, PUPIL, PARENT);
    static final Set<String> TEACHER_ONLY = Set.of(TEACHER);

    /** How an endpoint's resource is scoped, and so which callers get another's resource as 404. */
    public enum Scope {
        /** Nothing in the path: the caller's own data follows from the session (or the page is public). */
        SESSION(Set.of()),
        /** By what the uploaded file names: the import checks each row against the caller's scope. */
        FILE_CONTENT(Set.of()),
        /** Organization and district: another school (district) is 404; the city operator sees every school. */
        ORGANIZATION(Set.of(DISTRICT, ADMIN, TEACHER, PUPIL, PARENT)),
        /** The hand-down preview exists only for the operator who uploaded it. */
        OWN_UPLOAD(Set.of(CITY, DISTRICT)),
        /** Operator accounts: a district operator manages those of their own district only. */
        OPERATOR_ACCOUNT(Set.of(DISTRICT)),
        /** A parent's diary shows only their own children ({@code ?child=}). */
        OWN_CHILD(Set.of(PARENT));

        private final Set<String> scoped;

        Scope(Set<String> scoped) {
            this.scoped = scoped;
        }

        /** Whether another's resource exists for the caller, so that the test asks for it and expects 404. */
        boolean scopes(String who) {
            return scoped.contains(who);
        }
    }

    /** One endpoint's rule; {@code body} is a valid request body for state-changing requests, if it needs one. */
    public record Rule(String method, String pattern, Set<String> audience, Scope scope, @Nullable String body) {

        public String key() {
            return method + " " + pattern;
        }

        public boolean api() {
            return pattern.startsWith("/api/");
        }

        public boolean changesState() {
            return !method.equals(GET);
        }
    }

    private static final String TASK = "{\"type\":\"SFERUM_SYNC\",\"cron\":\"0 0 6 * * ?\",\"enabled\":false}";
    private static final String SCHEDULE = "{\"cron\":\"0 0 6 * * ?\",\"enabled\":false}";

    private static final String NEW_PASSWORD = "access-matrix-password";
    private static final String PASSWORD_BODY = "{\"password\":\"" + NEW_PASSWORD + "\"}";
    private static final String NEW_OPERATOR =
            "{\"username\":\"matrix-operator\",\"displayName\":\"Матрица\",\"role\":\"DISTRICT_OPERATOR\"}";

    /** A hold id no school has: a decision about it is refused (409) where the caller may decide at all. */
    private static final String NO_HOLD = "00000000-0000-0000-0000-00000000f00d";
    /** An academic year nobody has: closing it is refused (404), so the access tests change nothing. */
    private static final String NO_YEAR = "00000000-0000-0000-0000-00000000e4a0";

    public static final List<Rule> RULES = List.of(
            // accounts
            rule(GET, "/", EVERYONE, Scope.SESSION),
            rule(GET, "/login", PUBLIC, Scope.SESSION),
            rule(GET, "/login/sso-failure", PUBLIC, Scope.SESSION),
            rule(GET, "/api/me", EVERYONE, Scope.SESSION),
            // accounts: an administrator lifts a login lock, in their scope (another district's, school's account: 404)
            rule(DELETE, "/api/accounts/login-locks/{username}", ADMINISTRATORS, Scope.ORGANIZATION),
            // accounts: «Мои входы», everyone's own
            rule(GET, "/me/logins", EVERYONE, Scope.SESSION),
            rule(GET, "/api/me/logins", EVERYONE, Scope.SESSION),
            // notices: «Уведомления», everyone's own; the mail the demo kept, the city operator's
            rule(GET, "/notices", EVERYONE, Scope.SESSION),
            rule(POST, "/notices/read", EVERYONE, Scope.SESSION, "notice=" + NO_HOLD),
            rule(POST, "/notices/read-all", EVERYONE, Scope.SESSION),
            rule(POST, "/notices/mail", EVERYONE, Scope.SESSION, "address=&enabled=false"),
            rule(GET, "/api/notices", EVERYONE, Scope.SESSION),
            rule(POST, "/api/notices/read", EVERYONE, Scope.SESSION, "{\"notice\":\"" + NO_HOLD + "\"}"),
            rule(POST, "/api/notices/read-all", EVERYONE, Scope.SESSION),
            rule(GET, "/api/notices/mail", EVERYONE, Scope.SESSION),
            rule(PUT, "/api/notices/mail", EVERYONE, Scope.SESSION, "{\"address\":\"\",\"enabled\":false}"),
            rule(GET, "/demo/mail", Set.of(CITY), Scope.SESSION),
            // accounts: «Учётные записи» of operators
            rule(GET, "/accounts", OPERATORS, Scope.SESSION),
            rule(POST, "/accounts", OPERATORS, Scope.SESSION),
            rule(POST, "/accounts/{account}/disable", OPERATORS, Scope.OPERATOR_ACCOUNT),
            rule(POST, "/accounts/{account}/enable", OPERATORS, Scope.OPERATOR_ACCOUNT),
            rule(POST, "/accounts/{account}/password", OPERATORS, Scope.OPERATOR_ACCOUNT, "password=" + NEW_PASSWORD),
            rule(GET, "/api/accounts", OPERATORS, Scope.SESSION),
            rule(POST, "/api/accounts", OPERATORS, Scope.SESSION, NEW_OPERATOR),
            rule(POST, "/api/accounts/{account}/disable", OPERATORS, Scope.OPERATOR_ACCOUNT),
            rule(POST, "/api/accounts/{account}/enable", OPERATORS, Scope.OPERATOR_ACCOUNT),
            rule(PUT, "/api/accounts/{account}/password", OPERATORS, Scope.OPERATOR_ACCOUNT, PASSWORD_BODY),
            // school: «Учётные записи» of a school
            rule(GET, "/orgs/{organization}/accounts", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/orgs/{organization}/accounts/{account}/disable", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/orgs/{organization}/accounts/{account}/enable", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(
                    POST,
                    "/orgs/{organization}/accounts/{account}/password",
                    ADMINISTRATORS,
                    Scope.ORGANIZATION,
                    "password=" + NEW_PASSWORD),
            rule(GET, "/api/orgs/{organization}/accounts", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/api/orgs/{organization}/accounts/{account}/disable", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/api/orgs/{organization}/accounts/{account}/enable", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(
                    PUT,
                    "/api/orgs/{organization}/accounts/{account}/password",
                    ADMINISTRATORS,
                    Scope.ORGANIZATION,
                    PASSWORD_BODY),
            // school: organizations, journals, staff files
            rule(GET, "/orgs", ADMINISTRATORS, Scope.SESSION),
            rule(GET, "/orgs/{organization}/journals", STAFF, Scope.ORGANIZATION),
            rule(GET, "/journals/{journal}", STAFF, Scope.ORGANIZATION),
            rule(GET, "/orgs/{organization}/staff", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/staff/{employee}", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/orgs", ADMINISTRATORS, Scope.SESSION),
            rule(GET, "/api/orgs/{organization}", STAFF, Scope.ORGANIZATION),
            rule(GET, "/api/orgs/{organization}/journals", STAFF, Scope.ORGANIZATION),
            rule(GET, "/api/journals/{journal}", STAFF, Scope.ORGANIZATION),
            rule(GET, "/api/orgs/{organization}/employees", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/employees/{employee}", ADMINISTRATORS, Scope.ORGANIZATION),
            // school: journal actions (pages) and their API
            rule(GET, "/journals/{journal}/subject-chat", STAFF, Scope.ORGANIZATION),
            // sync: «Состав чата», with everyone's VK ids: staff of the school only, a teacher only for own journals
            rule(GET, "/journals/{journal}/chat-members", STAFF, Scope.ORGANIZATION),
            rule(GET, "/api/journals/{journal}/chat-members", STAFF, Scope.ORGANIZATION),
            rule(POST, "/journals/{journal}/subject-chat", EDITORS, Scope.ORGANIZATION, "requested=true"),
            // sync: a MAX school's journal without a chat shows a code that binds a chat made in MAX (issue 18)
            rule(POST, "/journals/{journal}/chat-adoption-code", EDITORS, Scope.ORGANIZATION),
            rule(POST, "/lessons/{lesson}/video-call", EDITORS, Scope.ORGANIZATION, "on=true"),
            rule(POST, "/lessons/{lesson}/publish", EDITORS, Scope.ORGANIZATION),
            rule(POST, "/lessons/{lesson}/withdraw", EDITORS, Scope.ORGANIZATION),
            rule(GET, "/lessons/{lesson}/edit", STAFF, Scope.ORGANIZATION),
            rule(POST, "/lessons/{lesson}", EDITORS, Scope.ORGANIZATION, "topic=Access&startsAt=10:00"),
            rule(GET, "/lessons/{lesson}/row", STAFF, Scope.ORGANIZATION),
            rule(GET, "/lessons/{lesson}/substitute", EDITORS, Scope.ORGANIZATION),
            rule(POST, "/lessons/{lesson}/substitute", EDITORS, Scope.ORGANIZATION, "employee="),
            rule(PUT, "/api/journals/{journal}/subject-chat", EDITORS, Scope.ORGANIZATION, "{\"requested\":true}"),
            rule(PUT, "/api/lessons/{lesson}/video-call", EDITORS, Scope.ORGANIZATION, "{\"on\":true}"),
            rule(PUT, "/api/lessons/{lesson}/substitute", EDITORS, Scope.ORGANIZATION, "{\"employee\":null}"),
            rule(POST, "/api/lessons/{lesson}/publish", EDITORS, Scope.ORGANIZATION),
            rule(POST, "/api/lessons/{lesson}/withdraw", EDITORS, Scope.ORGANIZATION),
            rule(PUT, "/api/lessons/{lesson}", EDITORS, Scope.ORGANIZATION, "{\"topic\":\"Access\"}"),
            // school: «Настройки чатов» of a school and their API
            rule(GET, "/orgs/{organization}/chat-policy", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/orgs/{organization}/chat-policy", ADMINISTRATORS, Scope.ORGANIZATION, "parentsInChats=true"),
            rule(GET, "/api/orgs/{organization}/chat-policy", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(
                    PUT,
                    "/api/orgs/{organization}/chat-policy",
                    ADMINISTRATORS,
                    Scope.ORGANIZATION,
                    "{\"parentsInChats\":true,\"removeStrangers\":false}"),
            // school: OneRoster import
            rule(GET, "/import/oneroster", ADMINISTRATORS, Scope.SESSION),
            rule(POST, "/import/oneroster", ADMINISTRATORS, Scope.FILE_CONTENT),
            rule(POST, "/api/import/oneroster", ADMINISTRATORS, Scope.FILE_CONTENT),
            // linkbase: «База ссылок» and the hand-down of ids and tokens
            rule(GET, "/linkbase", ADMINISTRATORS, Scope.SESSION),
            rule(GET, "/orgs/{organization}/linkbase", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/orgs/{organization}/linkbase", ADMINISTRATORS, Scope.ORGANIZATION, "communityId=1&token=x"),
            rule(POST, "/orgs/{organization}/linkbase/verify", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/orgs/{organization}/linkbase/remove", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/orgs/{organization}/linkbase/move", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/orgs/{organization}/linkbase/move/preview", ADMINISTRATORS, Scope.ORGANIZATION, "botToken=x"),
            rule(POST, "/orgs/{organization}/linkbase/move", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/orgs/{organization}/linkbase/move-back/preview", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/orgs/{organization}/linkbase/move-back", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/orgs/{organization}/linkbase/remove", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/orgs/{organization}/sferum-community", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(PUT, "/api/orgs/{organization}/sferum-community", ADMINISTRATORS, Scope.ORGANIZATION, "{}"),
            rule(POST, "/api/orgs/{organization}/sferum-community/verify", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/orgs/{organization}/messenger", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(PUT, "/api/orgs/{organization}/messenger", ADMINISTRATORS, Scope.ORGANIZATION, "{}"),
            rule(POST, "/api/orgs/{organization}/messenger/verify", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(DELETE, "/api/orgs/{organization}/messenger", ADMINISTRATORS, Scope.ORGANIZATION),
            // «Перейти на MAX» / «Вернуться в VK» (sync.MessengerMoveApi)
            rule(POST, "/api/orgs/{organization}/messenger/move/preview", ADMINISTRATORS, Scope.ORGANIZATION, "{}"),
            rule(POST, "/api/orgs/{organization}/messenger/move", ADMINISTRATORS, Scope.ORGANIZATION, "{}"),
            rule(GET, "/api/orgs/{organization}/messenger/move", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/api/orgs/{organization}/messenger/move-back/preview", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/api/orgs/{organization}/messenger/move-back", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(DELETE, "/api/orgs/{organization}/sferum-community", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/linkbase/import", OPERATORS, Scope.SESSION),
            rule(POST, "/linkbase/import", OPERATORS, Scope.FILE_CONTENT),
            rule(GET, "/linkbase/import/{id}", OPERATORS, Scope.OWN_UPLOAD),
            rule(GET, "/linkbase/import/{id}/progress", OPERATORS, Scope.OWN_UPLOAD),
            rule(POST, "/linkbase/import/{id}/apply", OPERATORS, Scope.OWN_UPLOAD),
            rule(GET, "/linkbase/import/{id}/report.csv", OPERATORS, Scope.OWN_UPLOAD),
            // exchange: «Задачи обмена данными»
            rule(GET, "/orgs/{organization}/exchange-tasks", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/orgs/{organization}/exchange-tasks", ADMINISTRATORS, Scope.ORGANIZATION, "type=SFERUM_SYNC"),
            rule(GET, "/exchange-tasks/{task}", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/exchange-tasks/{task}", ADMINISTRATORS, Scope.ORGANIZATION, "preset=DAILY&dailyAt=06:00"),
            rule(POST, "/exchange-tasks/{task}/runs", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/exchange-tasks/{task}/delete", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/exchange-runs/{run}", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/exchange-runs/{run}/progress", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/exchange-runs/{run}/cancel", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/exchange-runs/{run}/items.csv", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/exchange-task-types", ADMINISTRATORS, Scope.SESSION),
            rule(GET, "/api/orgs/{organization}/exchange-tasks", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/api/orgs/{organization}/exchange-tasks", ADMINISTRATORS, Scope.ORGANIZATION, TASK),
            rule(GET, "/api/exchange-tasks/{task}", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(PUT, "/api/exchange-tasks/{task}", ADMINISTRATORS, Scope.ORGANIZATION, SCHEDULE),
            rule(DELETE, "/api/exchange-tasks/{task}", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/api/exchange-tasks/{task}/runs", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/exchange-tasks/{task}/runs", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/exchange-runs/{run}", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/api/exchange-runs/{run}/cancel", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/exchange-runs/{run}/items.csv", ADMINISTRATORS, Scope.ORGANIZATION),
            // diary: the week, the «Чаты» tab and the VK ID link
            rule(GET, "/diary", DIARY, Scope.OWN_CHILD),
            rule(GET, "/diary/chats", DIARY, Scope.OWN_CHILD),
            rule(POST, "/diary/vkid/start", DIARY, Scope.SESSION),
            rule(GET, "/diary/vkid/callback", DIARY, Scope.SESSION),
            rule(GET, "/diary/vkid/failure", DIARY, Scope.SESSION),
            rule(GET, "/diary/chats/unlink", DIARY, Scope.SESSION),
            rule(POST, "/diary/vkid/unlink", DIARY, Scope.SESSION),
            // diary: «Привязать MAX» and «Отвязать» of the person's own MAX account (issue 18)
            rule(POST, "/diary/max/link", DIARY, Scope.SESSION),
            rule(POST, "/diary/max/unlink", DIARY, Scope.SESSION),
            // readiness: «Готовность» of a school, a district, the city
            rule(GET, "/orgs/{organization}/readiness", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/orgs/{organization}/readiness", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/districts/{district}/readiness", OPERATORS, Scope.ORGANIZATION),
            rule(GET, "/api/districts/{district}/readiness", OPERATORS, Scope.ORGANIZATION),
            rule(GET, "/readiness", Set.of(CITY), Scope.SESSION),
            rule(GET, "/orgs/{organization}/audit", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/orgs/{organization}/audit", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/readiness", Set.of(CITY), Scope.SESSION),
            // sync: «Предпросмотр» of a school's next run
            rule(GET, "/orgs/{organization}/sync-preview", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(GET, "/api/orgs/{organization}/sync-preview", ADMINISTRATORS, Scope.ORGANIZATION),
            // sync: «Удержанные удаления» of a school
            rule(GET, "/orgs/{organization}/removal-hold", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(
                    POST,
                    "/orgs/{organization}/removal-hold/release",
                    ADMINISTRATORS,
                    Scope.ORGANIZATION,
                    "hold=" + NO_HOLD + "&shown=1"),
            rule(
                    POST,
                    "/orgs/{organization}/removal-hold/discard",
                    ADMINISTRATORS,
                    Scope.ORGANIZATION,
                    "hold=" + NO_HOLD),
            rule(GET, "/api/orgs/{organization}/removal-hold", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(
                    POST,
                    "/api/orgs/{organization}/removal-hold/release",
                    ADMINISTRATORS,
                    Scope.ORGANIZATION,
                    "{\"holdId\":\"" + NO_HOLD + "\",\"removals\":1}"),
            rule(
                    POST,
                    "/api/orgs/{organization}/removal-hold/discard",
                    ADMINISTRATORS,
                    Scope.ORGANIZATION,
                    "{\"holdId\":\"" + NO_HOLD + "\",\"removals\":0}"),
            // sync: «Закрыть учебный год» of a school, and of a district's schools (operators)
            rule(GET, "/orgs/{organization}/year-close", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(POST, "/orgs/{organization}/year-close", ADMINISTRATORS, Scope.ORGANIZATION, "year=" + NO_YEAR),
            rule(GET, "/api/orgs/{organization}/year-close", ADMINISTRATORS, Scope.ORGANIZATION),
            rule(
                    POST,
                    "/api/orgs/{organization}/year-close",
                    ADMINISTRATORS,
                    Scope.ORGANIZATION,
                    "{\"year\":\"" + NO_YEAR + "\"}"),
            rule(GET, "/districts/{district}/year-close", OPERATORS, Scope.ORGANIZATION),
            rule(POST, "/districts/{district}/year-close", OPERATORS, Scope.ORGANIZATION, "year=" + NO_YEAR),
            rule(GET, "/api/districts/{district}/year-close", OPERATORS, Scope.ORGANIZATION),
            rule(
                    POST,
                    "/api/districts/{district}/year-close",
                    OPERATORS,
                    Scope.ORGANIZATION,
                    "{\"year\":\"" + NO_YEAR + "\"}"),
            // sync: the webhook MAX posts a bot's updates to; public, the bot's secret header checked (401 without)
            rule(POST, "/api/max/updates/{bot}", PUBLIC, Scope.SESSION, "{\"update_type\":\"bot_started\"}"));

    private EndpointRules() {}

    static Rule rule(String method, String pattern, Set<String> audience, Scope scope) {
        return new Rule(method, pattern, audience, scope, null);
    }

    static Rule rule(String method, String pattern, Set<String> audience, Scope scope, String body) {
        return new Rule(method, pattern, audience, scope, body);
    }
}
