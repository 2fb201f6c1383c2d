package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.exchange.ExchangeFixture;
import ru.paragraf.sferum.linkbase.LinkbaseFixture;
import ru.paragraf.sferum.secrets.SecretBox;

/**
 * Who may see what, role by role and resource by resource, in pages and in the API. School data of another
 * school, district or teacher does not exist for the caller (404); pages of another role are forbidden (403).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

    static final int OK = 200, REDIRECT = 302, SEE_OTHER = 303, UNAUTHORIZED = 401, FORBIDDEN = 403, NOT_FOUND = 404;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    final Map<String, MockHttpSession> sessions = new HashMap<>();

    @BeforeAll
    void createSchools() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        ExchangeFixture.insert(jdbc);
    }

    static Stream<Arguments> pages() {
        var paths = new String[] {
            "/orgs",
            orgs(SCHOOL_A, "journals"),
            orgs(SCHOOL_B, "journals"),
            orgs(SCHOOL_C, "journals"),
            "/journals/" + JOURNAL_A_MATHS,
            "/journals/" + JOURNAL_A_RUSSIAN,
            "/journals/" + JOURNAL_B_MATHS,
            "/journals/" + JOURNAL_C_MATHS,
            orgs(SCHOOL_A, "staff"),
            orgs(SCHOOL_B, "staff"),
            orgs(SCHOOL_C, "staff"),
            "/staff/" + TEACHER_A1,
            "/staff/" + TEACHER_B1,
            "/staff/" + TEACHER_C1,
            "/diary/chats",
            "/diary/chats/unlink",
            "/diary/vkid/callback",
            "/diary/vkid/failure?reason=UNKNOWN_STATE",
            "/diary"
        };
        var expected = Map.of(
                "city",
                        new int[] {
                            OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN,
                            FORBIDDEN, FORBIDDEN
                        },
                "district1",
                        new int[] {
                            OK, OK, OK, NOT_FOUND, OK, OK, OK, NOT_FOUND, OK, OK, NOT_FOUND, OK, OK, NOT_FOUND,
                            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN
                        },
                "adminA",
                        new int[] {
                            OK, OK, NOT_FOUND, NOT_FOUND, OK, OK, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, OK,
                            NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN
                        },
                "teacherA1",
                        new int[] {
                            FORBIDDEN, OK, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN,
                            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, SEE_OTHER, SEE_OTHER, OK, OK
                        },
                "pupilA", allowOnly(paths, "/diary/chats", "/diary"),
                "parentA", allowOnly(paths, "/diary/chats", "/diary"),
                "anonymous", fill(paths.length, REDIRECT));
        return expected.entrySet().stream().flatMap(row -> Stream.of(paths)
                .map(path -> Arguments.of(row.getKey(), path, row.getValue()[indexOf(paths, path)])));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("pages")
    void pageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        var request = get(path);
        if (!who.equals("anonymous")) {
            request.session(sessionOf(who));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("%s GET %s", who, path).isEqualTo(status);
    }

    static Stream<Arguments> api() {
        var paths = new String[] {
            "/api/orgs",
            "/api/orgs/" + SCHOOL_A,
            "/api/orgs/" + SCHOOL_C,
            "/api/orgs/" + SCHOOL_A + "/journals",
            "/api/orgs/" + SCHOOL_B + "/journals",
            "/api/journals/" + JOURNAL_A_MATHS,
            "/api/journals/" + JOURNAL_A_RUSSIAN,
            "/api/journals/" + JOURNAL_C_MATHS,
            "/api/orgs/" + SCHOOL_A + "/employees",
            "/api/orgs/" + SCHOOL_B + "/employees",
            "/api/employees/" + TEACHER_A1,
            "/api/employees/" + TEACHER_C1,
            "/api/me"
        };
        var expected = Map.of(
                "city", fill(paths.length, OK),
                "district1", new int[] {OK, OK, NOT_FOUND, OK, OK, OK, OK, NOT_FOUND, OK, OK, OK, NOT_FOUND, OK},
                "adminA",
                        new int[] {OK, OK, NOT_FOUND, OK, NOT_FOUND, OK, OK, NOT_FOUND, OK, NOT_FOUND, OK, NOT_FOUND, OK
                        },
                "teacherA1",
                        new int[] {
                            FORBIDDEN, OK, NOT_FOUND, OK, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN,
                            FORBIDDEN, FORBIDDEN, OK
                        },
                "pupilA", denyAllBut(paths.length, OK),
                "parentA", denyAllBut(paths.length, OK),
                "anonymous", fill(paths.length, UNAUTHORIZED));
        return expected.entrySet().stream().flatMap(row -> Stream.of(paths)
                .map(path -> Arguments.of(row.getKey(), path, row.getValue()[indexOf(paths, path)])));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("api")
    void apiAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        var request = get(path);
        if (!who.equals("anonymous")) {
            request.with(httpBasic(who, PASSWORD));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("%s GET %s", who, path).isEqualTo(status);
    }

    /** «Задачи обмена данными»: administrators within their scope; teachers, pupils and parents never. */
    static Stream<Arguments> exchangePages() {
        var paths = new String[] {
            orgs(SCHOOL_A, "exchange-tasks"),
            orgs(SCHOOL_B, "exchange-tasks"),
            orgs(SCHOOL_C, "exchange-tasks"),
            "/exchange-tasks/" + ExchangeFixture.TASK_A,
            "/exchange-tasks/" + ExchangeFixture.TASK_B,
            "/exchange-tasks/" + ExchangeFixture.TASK_C,
            "/exchange-runs/" + ExchangeFixture.RUN_A,
            "/exchange-runs/" + ExchangeFixture.RUN_B,
            "/exchange-runs/" + ExchangeFixture.RUN_C,
            "/exchange-runs/" + ExchangeFixture.RUN_A + "/progress",
            "/exchange-runs/" + ExchangeFixture.RUN_B + "/progress",
            "/exchange-runs/" + ExchangeFixture.RUN_A + "/items.csv",
            "/exchange-runs/" + ExchangeFixture.RUN_B + "/items.csv"
        };
        int o = OK, n = NOT_FOUND;
        var expected = Map.of(
                "city", fill(paths.length, OK),
                "district1", new int[] {o, o, n, o, o, n, o, o, n, o, o, o, o},
                "adminA", new int[] {o, n, n, o, n, n, o, n, n, o, n, o, n},
                "teacherA1", fill(paths.length, FORBIDDEN),
                "pupilA", fill(paths.length, FORBIDDEN),
                "parentA", fill(paths.length, FORBIDDEN),
                "anonymous", fill(paths.length, REDIRECT));
        return matrix(paths, expected);
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("exchangePages")
    void exchangePageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        pageAccessFollowsRoleAndScope(who, path, status);
    }

    static Stream<Arguments> exchangeApi() {
        var paths = new String[] {
            "/api/exchange-task-types",
            "/api/orgs/" + SCHOOL_A + "/exchange-tasks",
            "/api/orgs/" + SCHOOL_B + "/exchange-tasks",
            "/api/orgs/" + SCHOOL_C + "/exchange-tasks",
            "/api/exchange-tasks/" + ExchangeFixture.TASK_A,
            "/api/exchange-tasks/" + ExchangeFixture.TASK_B,
            "/api/exchange-tasks/" + ExchangeFixture.TASK_A + "/runs",
            "/api/exchange-tasks/" + ExchangeFixture.TASK_C + "/runs",
            "/api/exchange-runs/" + ExchangeFixture.RUN_A,
            "/api/exchange-runs/" + ExchangeFixture.RUN_B,
            "/api/exchange-runs/" + ExchangeFixture.RUN_C,
            "/api/exchange-runs/" + ExchangeFixture.RUN_A + "/items.csv",
            "/api/exchange-runs/" + ExchangeFixture.RUN_C + "/items.csv"
        };
        int o = OK, n = NOT_FOUND;
        var expected = Map.of(
                "city", fill(paths.length, OK),
                "district1", new int[] {o, o, o, n, o, o, o, n, o, o, n, o, n},
                "adminA", new int[] {o, o, n, n, o, n, o, n, o, n, n, o, n},
                "teacherA1", fill(paths.length, FORBIDDEN),
                "pupilA", fill(paths.length, FORBIDDEN),
                "parentA", fill(paths.length, FORBIDDEN),
                "anonymous", fill(paths.length, UNAUTHORIZED));
        return matrix(paths, expected);
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("exchangeApi")
    void exchangeApiAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        apiAccessFollowsRoleAndScope(who, path, status);
    }

    @Test
    void schoolAdminCannotSeeAnotherSchoolsTasksOrRuns() throws Exception {
        assertThat(body("adminA", orgs(SCHOOL_A, "exchange-tasks")))
                .contains("/exchange-tasks/" + ExchangeFixture.TASK_A)
                .doesNotContain(ExchangeFixture.TASK_B.toString(), ExchangeFixture.TASK_C.toString());
        assertThat(body("district1", "/exchange-tasks/" + ExchangeFixture.TASK_B))
                .contains("Школа B")
                .doesNotContain("Школа A");
    }

    private static Stream<Arguments> matrix(String[] paths, Map<String, int[]> expected) {
        return expected.entrySet().stream().flatMap(row -> Stream.of(paths)
                .map(path -> Arguments.of(row.getKey(), path, row.getValue()[indexOf(paths, path)])));
    }

    @Test
    void listsShowOnlyTheCallersSchoolsAndJournals() throws Exception {
        assertThat(body("district1", "/orgs")).contains("Школа A", "Школа B").doesNotContain("Школа C");
        assertThat(body("adminA", "/orgs")).contains("Школа A").doesNotContain("Школа B", "Школа C");
        assertThat(body("teacherA1", orgs(SCHOOL_A, "journals")))
                .contains("Математика", "Шахматы")
                .doesNotContain("Русский язык");
        assertThat(body("adminA", orgs(SCHOOL_A, "journals"))).contains("Математика", "Шахматы", "Русский язык");
    }

    @Test
    void diaryLinksTheChatsTabForEveryDiaryRoleAndTheVkIdCardForTeachersOnly() throws Exception {
        for (var who : new String[] {"teacherA1", "pupilA", "parentA"}) {
            assertThat(body(who, "/diary")).as(who).contains("id=\"diary-nav-chats\"");
        }
        assertThat(body("teacherA1", "/diary/chats")).contains("id=\"vkid-card\"", "id=\"subject-chats\"");
        assertThat(body("pupilA", "/diary/chats"))
                .contains("id=\"subject-chats\"")
                .doesNotContain("vkid");
        assertThat(body("parentA", "/diary/chats"))
                .contains("id=\"subject-chats\"")
                .doesNotContain("vkid");
    }

    /** «Предпросмотр» of a school's synchronization: administrators within their scope, nobody else. */
    static Stream<Arguments> syncPreviewPages() {
        var paths = new String[] {
            orgs(SCHOOL_A, "sync-preview"), orgs(SCHOOL_B, "sync-preview"), orgs(SCHOOL_C, "sync-preview")
        };
        int o = OK, n = NOT_FOUND;
        var expected = Map.of(
                "city", fill(paths.length, OK),
                "district1", new int[] {o, o, n},
                "adminA", new int[] {o, n, n},
                "teacherA1", fill(paths.length, FORBIDDEN),
                "pupilA", fill(paths.length, FORBIDDEN),
                "parentA", fill(paths.length, FORBIDDEN),
                "anonymous", fill(paths.length, REDIRECT));
        return matrix(paths, expected);
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("syncPreviewPages")
    void syncPreviewPageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        pageAccessFollowsRoleAndScope(who, path, status);
    }

    static Stream<Arguments> syncPreviewApi() {
        var paths = new String[] {
            "/api/orgs/" + SCHOOL_A + "/sync-preview",
            "/api/orgs/" + SCHOOL_B + "/sync-preview",
            "/api/orgs/" + SCHOOL_C + "/sync-preview"
        };
        int o = OK, n = NOT_FOUND;
        var expected = Map.of(
                "city", fill(paths.length, OK),
                "district1", new int[] {o, o, n},
                "adminA", new int[] {o, n, n},
                "teacherA1", fill(paths.length, FORBIDDEN),
                "pupilA", fill(paths.length, FORBIDDEN),
                "parentA", fill(paths.length, FORBIDDEN),
                "anonymous", fill(paths.length, UNAUTHORIZED));
        return matrix(paths, expected);
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("syncPreviewApi")
    void syncPreviewApiAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        apiAccessFollowsRoleAndScope(who, path, status);
    }

    @Test
    void schoolAdminsPreviewShowsOnlyTheirOwnSchool() throws Exception {
        assertThat(body("adminA", orgs(SCHOOL_A, "sync-preview")))
                .contains("Предпросмотр синхронизации", "Школа A")
                .doesNotContain("Школа B", "Школа C");
    }

    @Test
    void apiAnswersWithProblemDetailsAndNoInternals() throws Exception {
        var response = mvc.perform(get("/api/journals/" + JOURNAL_B_MATHS).with(httpBasic("adminA", PASSWORD)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(NOT_FOUND);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":404").doesNotContain("Exception");
    }

    @Test
    void apiDoesNotAcceptABrowserSession() throws Exception {
        var response = mvc.perform(get("/api/me").session(sessionOf("adminA")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void wrongPasswordDoesNotLogIn() throws Exception {
        var result = mvc.perform(formLogin().user("adminA").password("wrong")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Autowired
    SecretBox box;

    @BeforeAll
    void enterSferumCommunities() {
        LinkbaseFixture.insert(jdbc, box);
    }

    /** «База ссылок» and the hand-down of ids and tokens: administrators within their scope, operators only for CSV. */
    static Stream<Arguments> linkbasePages() {
        var paths = new String[] {
            "/linkbase",
            orgs(SCHOOL_A, "linkbase"),
            orgs(SCHOOL_B, "linkbase"),
            orgs(SCHOOL_C, "linkbase"),
            orgs(SCHOOL_A, "linkbase/remove"),
            orgs(SCHOOL_B, "linkbase/remove"),
            "/linkbase/import"
        };
        int o = OK, n = NOT_FOUND;
        var expected = Map.of(
                "city", fill(paths.length, OK),
                "district1", new int[] {o, o, o, n, o, o, o},
                "adminA", new int[] {REDIRECT, o, n, n, o, n, FORBIDDEN},
                "teacherA1", fill(paths.length, FORBIDDEN),
                "pupilA", fill(paths.length, FORBIDDEN),
                "parentA", fill(paths.length, FORBIDDEN),
                "anonymous", fill(paths.length, REDIRECT));
        return expected.entrySet().stream().flatMap(row -> Stream.of(paths)
                .map(path -> Arguments.of(row.getKey(), path, row.getValue()[indexOf(paths, path)])));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("linkbasePages")
    void linkbasePageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        pageAccessFollowsRoleAndScope(who, path, status);
    }

    static Stream<Arguments> linkbaseApi() {
        var paths = new String[] {
            "/api/orgs/" + SCHOOL_A + "/sferum-community",
            "/api/orgs/" + SCHOOL_B + "/sferum-community",
            "/api/orgs/" + SCHOOL_C + "/sferum-community"
        };
        int o = OK, n = NOT_FOUND;
        var expected = Map.of(
                "city", fill(paths.length, OK),
                "district1", new int[] {o, o, n},
                "adminA", new int[] {o, n, n},
                "teacherA1", fill(paths.length, FORBIDDEN),
                "pupilA", fill(paths.length, FORBIDDEN),
                "parentA", fill(paths.length, FORBIDDEN),
                "anonymous", fill(paths.length, UNAUTHORIZED));
        return expected.entrySet().stream().flatMap(row -> Stream.of(paths)
                .map(path -> Arguments.of(row.getKey(), path, row.getValue()[indexOf(paths, path)])));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("linkbaseApi")
    void linkbaseApiAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        apiAccessFollowsRoleAndScope(who, path, status);
    }

    @Test
    void schoolAdminSeesOnlyTheirOwnCommunityAndNoTokenAnywhere() throws Exception {
        assertThat(body("adminA", orgs(SCHOOL_A, "linkbase")))
                .contains(String.valueOf(LinkbaseFixture.COMMUNITY_A), "vk1.a.****")
                .doesNotContain(String.valueOf(LinkbaseFixture.COMMUNITY_B), LinkbaseFixture.TOKEN_A);
        assertThat(body("district1", "/linkbase"))
                .contains("Школа A", "Школа B", String.valueOf(LinkbaseFixture.COMMUNITY_B))
                .doesNotContain("Школа C", String.valueOf(LinkbaseFixture.COMMUNITY_C), LinkbaseFixture.TOKEN_B);
        var api = mvc.perform(get("/api/orgs/" + SCHOOL_A + "/sferum-community").with(httpBasic("city", PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(api).contains("vk1.a.****").doesNotContain(LinkbaseFixture.TOKEN_A);
    }

    /**
     * «Готовность к работе со Сферум»: a school's for administrators within their scope, a district's for operators of
     * it, the city's for the city operator only.
     */
    static Stream<Arguments> readinessPages() {
        var paths = new String[] {
            orgs(SCHOOL_A, "readiness"),
            orgs(SCHOOL_B, "readiness"),
            orgs(SCHOOL_C, "readiness"),
            "/districts/" + DISTRICT_1 + "/readiness",
            "/districts/" + DISTRICT_2 + "/readiness",
            "/readiness"
        };
        int o = OK, n = NOT_FOUND, f = FORBIDDEN;
        var expected = Map.of(
                "city", fill(paths.length, OK),
                "district1", new int[] {o, o, n, o, n, f},
                "adminA", new int[] {o, n, n, f, f, f},
                "teacherA1", fill(paths.length, FORBIDDEN),
                "pupilA", fill(paths.length, FORBIDDEN),
                "parentA", fill(paths.length, FORBIDDEN),
                "anonymous", fill(paths.length, REDIRECT));
        return matrix(paths, expected);
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("readinessPages")
    void readinessPageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        pageAccessFollowsRoleAndScope(who, path, status);
    }

    static Stream<Arguments> readinessApi() {
        var paths = new String[] {
            "/api/orgs/" + SCHOOL_A + "/readiness",
            "/api/orgs/" + SCHOOL_B + "/readiness",
            "/api/orgs/" + SCHOOL_C + "/readiness",
            "/api/districts/" + DISTRICT_1 + "/readiness",
            "/api/districts/" + DISTRICT_2 + "/readiness",
            "/api/readiness"
        };
        int o = OK, n = NOT_FOUND, f = FORBIDDEN;
        var expected = Map.of(
                "city", fill(paths.length, OK),
                "district1", new int[] {o, o, n, o, n, f},
                "adminA", new int[] {o, n, n, f, f, f},
                "teacherA1", fill(paths.length, FORBIDDEN),
                "pupilA", fill(paths.length, FORBIDDEN),
                "parentA", fill(paths.length, FORBIDDEN),
                "anonymous", fill(paths.length, UNAUTHORIZED));
        return matrix(paths, expected);
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("readinessApi")
    void readinessApiAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        apiAccessFollowsRoleAndScope(who, path, status);
    }

    @Test
    void readinessShowsOnlyTheCallersSchools() throws Exception {
        assertThat(body("adminA", orgs(SCHOOL_A, "readiness")))
                .contains("Школа A", "Учителев Пётр", "Словесникова Мария")
                .doesNotContain("Школа B", "Бэшкин", "Цешкин");
        assertThat(body("district1", "/districts/" + DISTRICT_1 + "/readiness"))
                .contains("Школа A", "Школа B")
                .doesNotContain("Школа C");
        assertThat(body("city", "/readiness")).contains("Школа A", "Школа B", "Школа C");
    }

    private String body(String who, String path) throws Exception {
        return mvc.perform(get(path).session(sessionOf(who)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private MockHttpSession sessionOf(String who) {
        return sessions.computeIfAbsent(who, username -> {
            try {
                var result = mvc.perform(formLogin().user(username).password(PASSWORD))
                        .andReturn();
                assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
                return (MockHttpSession) result.getRequest().getSession(false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String orgs(UUID organization, String page) {
        return "/orgs/" + organization + "/" + page;
    }

    private static int[] fill(int length, int status) {
        var statuses = new int[length];
        java.util.Arrays.fill(statuses, status);
        return statuses;
    }

    /** Forbidden everywhere except the given paths, which are OK. */
    private static int[] allowOnly(String[] paths, String... allowed) {
        var statuses = fill(paths.length, FORBIDDEN);
        for (var path : allowed) {
            statuses[indexOf(paths, path)] = OK;
        }
        return statuses;
    }

    /** Forbidden everywhere except the last path. */
    private static int[] denyAllBut(int length, int lastStatus) {
        var statuses = fill(length, FORBIDDEN);
        statuses[length - 1] = lastStatus;
        return statuses;
    }

    private static int indexOf(String[] paths, String path) {
        return java.util.Arrays.asList(paths).indexOf(path);
    }
}
