package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.paragraf.sferum.SchoolFixture;

/**
 * «Учётные записи» and «Мои входы» as their rules say: who manages which accounts, what nobody may do, that a change
 * takes effect at the next login and is audited, and that logins are recorded and bounded. Its own context (and so
 * database): the tests change accounts; each restores the fixture's accounts after itself.
 */
@SpringBootTest(
        properties = {
            "sferum.test.context=account-administration",
            // the retention of login events is this test's subject, not the throttle (LoginThrottleClusterTests)
            "sferum.login.throttle.enabled=false"
        })
@AutoConfigureMockMvc
class AccountAdministrationTests {

    private static final String NEW_PASSWORD = "a-new-password-of-the-test";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration registration;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Clock clock;

    private String fixtureHash;

    @BeforeEach
    void fixture() {
        SchoolFixture.insert(jdbc, registration, LocalDate.now(clock));
        fixtureHash = jdbc.sql("select password_hash from accounts.user_account where username = 'city'")
                .query(String.class)
                .single();
    }

    @AfterEach
    void restoreAccounts() {
        jdbc.sql("delete from accounts.user_account where username not in "
                        + "('city', 'district1', 'district2', 'adminA', 'adminB', 'teacherA1', 'pupilA', 'parentA')")
                .update();
        jdbc.sql("update accounts.user_account set enabled = true, password_hash = :hash")
                .param("hash", fixtureHash)
                .update();
        jdbc.sql("delete from accounts.login_event").update();
        jdbc.sql("delete from audit.entry").update();
    }

    @Test
    void nobodyCanDisableTheLastCityOperator() throws Exception {
        var city = session("city");
        var created = api(
                "city",
                post("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                """
                {"username": "city2", "displayName": "Второй оператор", "role": "CITY_OPERATOR",
                 "password": "%s"}"""
                                        .formatted(NEW_PASSWORD)));
        assertThat(created.getStatus()).isEqualTo(201);
        var city2 = id("city2");

        assertThat(apiAs("city2", NEW_PASSWORD, post("/api/accounts/" + id("city") + "/disable"))
                        .getStatus())
                .isEqualTo(200);
        // the first operator's session outlives the disabling; it still cannot leave the city without an operator
        var refused = mvc.perform(post("/accounts/" + city2 + "/disable")
                        .session(city)
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andReturn()
                .getResponse();
        assertThat(text(refused)).contains("последний включённый оператор города");
        assertThat(enabled("city2")).isTrue();
        var apiRefusal = apiAs("city2", NEW_PASSWORD, post("/api/accounts/" + city2 + "/disable"));
        assertThat(apiRefusal.getStatus()).isEqualTo(409);
        assertThat(text(apiRefusal)).contains("\"reason\":\"SELF\"");
    }

    @Test
    void twoCityOperatorsDisablingEachOtherAtOnceLeaveOneEnabled() throws Exception {
        api(
                "city",
                post("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                """
                {"username": "city2", "displayName": "Второй оператор", "role": "CITY_OPERATOR", "password": "%s"}"""
                                        .formatted(NEW_PASSWORD)));
        var first = user("city");
        var second = user("city2");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var outcomes = new ArrayList<java.util.concurrent.Future<String>>();
            for (var pair : List.of(List.of(first, second), List.of(second, first))) {
                Callable<String> attempt = () -> {
                    start.await();
                    try {
                        administration.disable(
                                pair.get(0),
                                AccountScope.operatorsOf(pair.get(0)),
                                pair.get(1).accountId());
                        return "disabled";
                    } catch (AccountChangeRefusedException e) {
                        return e.reason().name();
                    }
                };
                outcomes.add(pool.submit(attempt));
            }
            start.countDown();
            var results = new ArrayList<String>();
            for (var outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder("disabled", "LAST_CITY_OPERATOR");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from accounts.user_account where role = 'CITY_OPERATOR' and enabled")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void nobodyCanDisableThemselves() throws Exception {
        var response = api("adminA", post("/api/orgs/" + SCHOOL_A + "/accounts/" + id("adminA") + "/disable"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(text(response)).contains("\"reason\":\"SELF\"", "Свою учётную запись отключить нельзя");
        assertThat(enabled("adminA")).isTrue();
    }

    @Test
    void aDisabledAccountCannotLogInUntilReEnabled() throws Exception {
        var pupil = id("pupilA");
        assertThat(api("adminA", post("/api/orgs/" + SCHOOL_A + "/accounts/" + pupil + "/disable"))
                        .getStatus())
                .isEqualTo(200);

        assertThat(mvc.perform(formLogin().user("pupilA").password(PASSWORD))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(api("pupilA", get("/api/me")).getStatus()).isEqualTo(401);

        assertThat(api("district1", post("/api/orgs/" + SCHOOL_A + "/accounts/" + pupil + "/enable"))
                        .getStatus())
                .isEqualTo(200);
        assertThat(api("pupilA", get("/api/me")).getStatus()).isEqualTo(200);
    }

    @Test
    void aDistrictOperatorManagesOnlyTheirDistrictsOperators() throws Exception {
        var elsewhere = api(
                "district1",
                post("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                """
                {"username": "d1-second", "displayName": "Оператор", "role": "DISTRICT_OPERATOR",
                 "districtId": "%s", "password": "%s"}"""
                                        .formatted(DISTRICT_2, NEW_PASSWORD)));
        assertThat(elsewhere.getStatus()).isEqualTo(400);
        assertThat(text(elsewhere)).contains("\"reason\":\"OUT_OF_SCOPE\"");
        var city = api(
                "district1",
                post("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                """
                {"username": "d1-city", "displayName": "Оператор", "role": "CITY_OPERATOR", "password": "%s"}"""
                                        .formatted(NEW_PASSWORD)));
        assertThat(city.getStatus()).isEqualTo(400);

        var created = api(
                "district1",
                post("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                """
                {"username": "d1-sso", "displayName": "Оператор без пароля", "role": "DISTRICT_OPERATOR"}"""));
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(text(created)).contains("\"districtId\":\"" + DISTRICT_1 + "\"", "\"localPassword\":false");

        assertThat(text(api("district1", get("/api/accounts"))))
                .contains("\"district1\"", "\"d1-sso\"")
                .doesNotContain("\"district2\"", "\"city\"");
        assertThat(api("district1", post("/api/accounts/" + id("district2") + "/disable"))
                        .getStatus())
                .isEqualTo(404);
        var taken = api(
                "city",
                post("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                """
                {"username": "D1-SSO", "displayName": "Двойник", "role": "DISTRICT_OPERATOR",
                 "districtId": "%s"}"""
                                        .formatted(DISTRICT_1)));
        assertThat(taken.getStatus()).isEqualTo(409);
    }

    @Test
    void resettingAPasswordLetsOnlyTheNewOneIn() throws Exception {
        var teacher = id("teacherA1");
        var tooShort = api(
                "adminA",
                put("/api/orgs/" + SCHOOL_A + "/accounts/" + teacher + "/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"short\"}"));
        assertThat(tooShort.getStatus()).isEqualTo(400);
        assertThat(text(tooShort)).contains("PASSWORD_TOO_SHORT");

        var reset = api(
                "adminA",
                put("/api/orgs/" + SCHOOL_A + "/accounts/" + teacher + "/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"%s\"}".formatted(NEW_PASSWORD)));
        assertThat(reset.getStatus()).isEqualTo(204);
        assertThat(api("teacherA1", get("/api/me")).getStatus()).isEqualTo(401);
        assertThat(apiAs("teacherA1", NEW_PASSWORD, get("/api/me")).getStatus()).isEqualTo(200);
    }

    @Test
    void anAccountOfSingleSignOnHasNoLocalPasswordToReset() throws Exception {
        registration.registerAllWithoutPassword(
                List.of(NewAccount.teacher("sso-teacher", "Единовходов Е.", SCHOOL_A, TEACHER_A2)));
        var response = api(
                "adminA",
                put("/api/orgs/" + SCHOOL_A + "/accounts/" + id("sso-teacher") + "/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"%s\"}".formatted(NEW_PASSWORD)));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(text(response)).contains("NO_LOCAL_PASSWORD", "локального пароля у неё нет");
        assertThat(page("adminA", "/orgs/" + SCHOOL_A + "/accounts?q=Единовходов"))
                .contains("sso-teacher", "Входит через единый вход: локального пароля нет.");
    }

    @Test
    void aSchoolAdminSeesOnlyTheirSchoolsAccountsSearchedAndPaged() throws Exception {
        var pupils = new ArrayList<NewAccount>();
        for (var i = 0; i < 120; i++) {
            pupils.add(
                    NewAccount.pupil("many%03d".formatted(i), "Многоученикова %03d".formatted(i), SCHOOL_A, PUPIL_A));
        }
        registration.registerAllWithoutPassword(pupils);
        registration.registerAllWithoutPassword(List.of(NewAccount.pupil("pupilB", "Бэшкин Б.", SCHOOL_B, PUPIL_B)));

        var first = text(api("adminA", get("/api/orgs/" + SCHOOL_A + "/accounts")));
        assertThat(first).contains("\"total\":124", "\"size\":50", "\"page\":0").doesNotContain("pupilB", "adminB");
        assertThat(first.split("\"username\"")).hasSize(51);
        var third = text(api("adminA", get("/api/orgs/" + SCHOOL_A + "/accounts?q=МНОГОУЧЕНИКОВА&page=2")));
        assertThat(third).contains("\"total\":120", "many100", "many119").doesNotContain("many099", "teacherA1");
        assertThat(text(api("adminA", get("/api/orgs/" + SCHOOL_A + "/accounts?q=pupilB"))))
                .contains("\"total\":0");
        assertThat(api("adminA", get("/api/orgs/" + SCHOOL_B + "/accounts")).getStatus())
                .isEqualTo(404);
        assertThat(page("adminA", "/orgs/" + SCHOOL_A + "/accounts?q=many&page=1"))
                .contains("Найдено: 120. Страница 2 из 3.", "many050")
                .doesNotContain("many049", "pupilB");
    }

    @Test
    void everyChangeIsAudited() throws Exception {
        api(
                "city",
                post("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                """
                {"username": "audited", "displayName": "Проверяемый", "role": "DISTRICT_OPERATOR",
                 "districtId": "%s", "password": "%s"}"""
                                        .formatted(DISTRICT_2, NEW_PASSWORD)));
        var audited = id("audited");
        api("city", post("/api/accounts/" + audited + "/disable"));
        api("city", post("/api/accounts/" + audited + "/enable"));
        api(
                "city",
                put("/api/accounts/" + audited + "/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"another-password-of-the-test\"}"));
        var pupil = id("pupilA");
        api("adminA", post("/api/orgs/" + SCHOOL_A + "/accounts/" + pupil + "/disable"));
        // refused or repeated requests change nothing and record nothing
        api("adminA", post("/api/orgs/" + SCHOOL_A + "/accounts/" + pupil + "/disable"));
        api("adminA", post("/api/orgs/" + SCHOOL_A + "/accounts/" + id("adminA") + "/disable"));

        var entries = jdbc.sql(
                        """
                        select action, subject, actor_name, coalesce(organization_id::text, '-') as organization,
                               details::text as details
                        from audit.entry order by id
                        """)
                .query((rs, row) -> String.join(
                        " | ",
                        rs.getString("action"),
                        rs.getString("subject"),
                        rs.getString("actor_name"),
                        rs.getString("organization"),
                        rs.getString("details")))
                .list();
        assertThat(entries).hasSize(5);
        assertThat(entries.stream().map(entry -> entry.split(" \\| ")[0]))
                .containsExactly(
                        "ACCOUNT_CREATED",
                        "ACCOUNT_DISABLED",
                        "ACCOUNT_ENABLED",
                        "ACCOUNT_PASSWORD_RESET",
                        "ACCOUNT_DISABLED");
        assertThat(entries.get(0))
                .contains("account:" + audited, "(city)", "\"username\": \"audited\"", "\"localPassword\": \"true\"");
        assertThat(entries.get(4)).contains("account:" + pupil, "(adminA)", SCHOOL_A.toString());
        assertThat(String.join("\n", entries)).doesNotContain(NEW_PASSWORD, "another-password", "$2a$", "bcrypt");
        assertThat(page("adminA", "/orgs/" + SCHOOL_A + "/audit")).contains("Учётная запись отключена");
    }

    @Test
    void everyoneSeesTheirOwnLoginsButNotOthersOrGuessedNames() throws Exception {
        mvc.perform(formLogin().user("parentA").password(PASSWORD)).andReturn();
        mvc.perform(formLogin().user("parentA").password("wrong-guess")).andReturn();
        mvc.perform(formLogin().user("nobody-by-that-name").password("wrong-guess"))
                .andReturn();
        api("parentA", get("/api/me"));
        api("parentA", get("/api/me"));
        mvc.perform(formLogin().user("pupilA").password(PASSWORD)).andReturn();

        var own = text(api("parentA", get("/api/me/logins")));
        assertThat(own.split("\"method\""))
                .as("form success, form failure, one HTTP Basic: %s", own)
                .hasSize(4);
        assertThat(own)
                .contains("\"method\":\"HTTP_BASIC\",\"clientAddress\":\"127.0.0.1\",\"succeeded\":true")
                .contains("\"method\":\"FORM\",\"clientAddress\":\"127.0.0.1\",\"succeeded\":false")
                .contains("\"method\":\"FORM\",\"clientAddress\":\"127.0.0.1\",\"succeeded\":true")
                .contains("+03:00");
        assertThat(jdbc.sql("select count(*) from accounts.login_event")
                        .query(Integer.class)
                        .single())
                .as("parent's three and the pupil's one; nothing for a name without an account")
                .isEqualTo(4);
        assertThat(page("parentA", "/me/logins"))
                .contains("Мои входы", "Логин и пароль", "неудачно", "API (HTTP Basic)");
    }

    @Test
    void eachAccountKeepsOnlyItsNewestLoginsOfTheLast90Days() throws Exception {
        var pupil = id("pupilA");
        jdbc.sql(
                        """
                        insert into accounts.login_event (account_id, occurred_at, method, client_address, succeeded)
                        values (:account, :at, 'FORM', '10.0.0.1', true)
                        """)
                .param("account", pupil)
                .param("at", OffsetDateTime.now(clock).minusDays(91))
                .update();
        for (var i = 0; i < LoginEvents.KEPT + 5; i++) {
            mvc.perform(formLogin().user("pupilA").password("wrong-" + i)).andReturn();
        }

        var kept = jdbc.sql("select count(*) from accounts.login_event where account_id = :account")
                .param("account", pupil)
                .query(Integer.class)
                .single();
        assertThat(kept).isEqualTo(LoginEvents.KEPT);
        assertThat(jdbc.sql("select count(*) from accounts.login_event where client_address = '10.0.0.1'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private MockHttpServletResponse api(String who, MockHttpServletRequestBuilder request) throws Exception {
        return apiAs(who, PASSWORD, request);
    }

    private MockHttpServletResponse apiAs(String who, String password, MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(httpBasic(who, password))).andReturn().getResponse();
    }

    private MockHttpSession session(String who) throws Exception {
        var result = mvc.perform(formLogin().user(who).password(PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private String page(String who, String path) throws Exception {
        return text(mvc.perform(get(path).session(session(who))).andReturn().getResponse());
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private UUID id(String username) {
        return jdbc.sql("select id from accounts.user_account where lower(username) = lower(:username)")
                .param("username", username)
                .query(UUID.class)
                .single();
    }

    private boolean enabled(String username) {
        return jdbc.sql("select enabled from accounts.user_account where username = :username")
                .param("username", username)
                .query(Boolean.class)
                .single();
    }

    private CurrentUser user(String username) {
        return jdbc.sql("select id, display_name, role from accounts.user_account where username = :username")
                .param("username", username)
                .query((rs, row) -> new CurrentUser(
                        rs.getObject("id", UUID.class),
                        username,
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        null,
                        null,
                        null,
                        null,
                        null))
                .single();
    }
}
