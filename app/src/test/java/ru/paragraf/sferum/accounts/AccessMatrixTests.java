package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;
import static ru.paragraf.sferum.exchange.ExchangeFixture.RUN_A;
import static ru.paragraf.sferum.exchange.ExchangeFixture.RUN_B;
import static ru.paragraf.sferum.exchange.ExchangeFixture.RUN_C;
import static ru.paragraf.sferum.exchange.ExchangeFixture.TASK_A;
import static ru.paragraf.sferum.exchange.ExchangeFixture.TASK_B;
import static ru.paragraf.sferum.exchange.ExchangeFixture.TASK_C;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.linkbase.LinkbaseFixture;

/**
 * Who may see what, role by role and resource by resource, in pages and in the API. School data of another
 * school, district or teacher does not exist for the caller (404); pages of another role are forbidden (403).
 */
@AccessTest
class AccessMatrixTests {

    /** The callers, in the order of the columns of every table below: one row per path, one column per caller. */
    static final List<String> CALLERS =
            List.of("city", "district1", "adminA", "teacherA1", "pupilA", "parentA", "anonymous");

    /** The answers: REDIRECT is 302 (anonymous callers: to the login page), AUTH 401, NO 403 and NF 404. */
    static final int OK = 200, REDIRECT = 302, SEE_OTHER = 303, AUTH = 401, NO = 403, NF = 404;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessWorld world;

    static Stream<Arguments> pages() {
        return table(
                row("/orgs", OK, OK, OK, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_A, "journals"), OK, OK, OK, OK, NO, NO, REDIRECT),
                row(orgs(SCHOOL_B, "journals"), OK, OK, NF, NF, NO, NO, REDIRECT),
                row(orgs(SCHOOL_C, "journals"), OK, NF, NF, NF, NO, NO, REDIRECT),
                row("/journals/" + JOURNAL_A_MATHS, OK, OK, OK, OK, NO, NO, REDIRECT),
                row("/journals/" + JOURNAL_A_RUSSIAN, OK, OK, OK, NF, NO, NO, REDIRECT),
                row("/journals/" + JOURNAL_B_MATHS, OK, OK, NF, NF, NO, NO, REDIRECT),
                row("/journals/" + JOURNAL_C_MATHS, OK, NF, NF, NF, NO, NO, REDIRECT),
                row(orgs(SCHOOL_A, "staff"), OK, OK, OK, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_B, "staff"), OK, OK, NF, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_C, "staff"), OK, NF, NF, NO, NO, NO, REDIRECT),
                row("/staff/" + TEACHER_A1, OK, OK, OK, NO, NO, NO, REDIRECT),
                row("/staff/" + TEACHER_B1, OK, OK, NF, NO, NO, NO, REDIRECT),
                row("/staff/" + TEACHER_C1, OK, NF, NF, NO, NO, NO, REDIRECT),
                row("/diary/chats", NO, NO, NO, OK, OK, OK, REDIRECT),
                row("/diary/chats/unlink", NO, NO, NO, SEE_OTHER, SEE_OTHER, SEE_OTHER, REDIRECT),
                row("/diary/vkid/callback", NO, NO, NO, SEE_OTHER, SEE_OTHER, SEE_OTHER, REDIRECT),
                row("/diary/vkid/failure?reason=UNKNOWN_STATE", NO, NO, NO, OK, OK, OK, REDIRECT),
                row("/diary", NO, NO, NO, OK, OK, OK, REDIRECT));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("pages")
    void pageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        var request = get(path);
        if (!who.equals("anonymous")) {
            request.session(world.sessionOf(who));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("%s GET %s", who, path).isEqualTo(status);
    }

    static Stream<Arguments> api() {
        return table(
                row("/api/orgs", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_A, OK, OK, OK, OK, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_C, OK, NF, NF, NF, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_A + "/journals", OK, OK, OK, OK, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_B + "/journals", OK, OK, NF, NF, NO, NO, AUTH),
                row("/api/journals/" + JOURNAL_A_MATHS, OK, OK, OK, OK, NO, NO, AUTH),
                row("/api/journals/" + JOURNAL_A_RUSSIAN, OK, OK, OK, NF, NO, NO, AUTH),
                row("/api/journals/" + JOURNAL_C_MATHS, OK, NF, NF, NF, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_A + "/employees", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_B + "/employees", OK, OK, NF, NO, NO, NO, AUTH),
                row("/api/employees/" + TEACHER_A1, OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/employees/" + TEACHER_C1, OK, NF, NF, NO, NO, NO, AUTH),
                row("/api/me", OK, OK, OK, OK, OK, OK, AUTH));
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
        return table(
                row(orgs(SCHOOL_A, "exchange-tasks"), OK, OK, OK, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_B, "exchange-tasks"), OK, OK, NF, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_C, "exchange-tasks"), OK, NF, NF, NO, NO, NO, REDIRECT),
                row("/exchange-tasks/" + TASK_A, OK, OK, OK, NO, NO, NO, REDIRECT),
                row("/exchange-tasks/" + TASK_B, OK, OK, NF, NO, NO, NO, REDIRECT),
                row("/exchange-tasks/" + TASK_C, OK, NF, NF, NO, NO, NO, REDIRECT),
                row("/exchange-runs/" + RUN_A, OK, OK, OK, NO, NO, NO, REDIRECT),
                row("/exchange-runs/" + RUN_B, OK, OK, NF, NO, NO, NO, REDIRECT),
                row("/exchange-runs/" + RUN_C, OK, NF, NF, NO, NO, NO, REDIRECT),
                row("/exchange-runs/" + RUN_A + "/progress", OK, OK, OK, NO, NO, NO, REDIRECT),
                row("/exchange-runs/" + RUN_B + "/progress", OK, OK, NF, NO, NO, NO, REDIRECT),
                row("/exchange-runs/" + RUN_A + "/items.csv", OK, OK, OK, NO, NO, NO, REDIRECT),
                row("/exchange-runs/" + RUN_B + "/items.csv", OK, OK, NF, NO, NO, NO, REDIRECT));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("exchangePages")
    void exchangePageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        pageAccessFollowsRoleAndScope(who, path, status);
    }

    static Stream<Arguments> exchangeApi() {
        return table(
                row("/api/exchange-task-types", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_A + "/exchange-tasks", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_B + "/exchange-tasks", OK, OK, NF, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_C + "/exchange-tasks", OK, NF, NF, NO, NO, NO, AUTH),
                row("/api/exchange-tasks/" + TASK_A, OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/exchange-tasks/" + TASK_B, OK, OK, NF, NO, NO, NO, AUTH),
                row("/api/exchange-tasks/" + TASK_A + "/runs", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/exchange-tasks/" + TASK_C + "/runs", OK, NF, NF, NO, NO, NO, AUTH),
                row("/api/exchange-runs/" + RUN_A, OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/exchange-runs/" + RUN_B, OK, OK, NF, NO, NO, NO, AUTH),
                row("/api/exchange-runs/" + RUN_C, OK, NF, NF, NO, NO, NO, AUTH),
                row("/api/exchange-runs/" + RUN_A + "/items.csv", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/exchange-runs/" + RUN_C + "/items.csv", OK, NF, NF, NO, NO, NO, AUTH));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("exchangeApi")
    void exchangeApiAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        apiAccessFollowsRoleAndScope(who, path, status);
    }

    @Test
    void schoolAdminCannotSeeAnotherSchoolsTasksOrRuns() throws Exception {
        assertThat(body("adminA", orgs(SCHOOL_A, "exchange-tasks")))
                .contains("/exchange-tasks/" + TASK_A)
                .doesNotContain(TASK_B.toString(), TASK_C.toString());
        assertThat(body("district1", "/exchange-tasks/" + TASK_B))
                .contains("Школа B")
                .doesNotContain("Школа A");
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
    void diaryLinksTheChatsTabAndTheVkIdCardForEveryDiaryRole() throws Exception {
        for (var who : new String[] {"teacherA1", "pupilA", "parentA"}) {
            assertThat(body(who, "/diary")).as(who).contains("id=\"diary-nav-chats\"");
            assertThat(body(who, "/diary/chats")).as(who).contains("id=\"vkid-card\"", "id=\"subject-chats\"");
        }
        assertThat(body("teacherA1", "/diary/chats")).contains("diary-chat-journal");
        for (var who : new String[] {"pupilA", "parentA"}) {
            assertThat(body(who, "/diary/chats"))
                    .as("%s sees no teacher's links to journals", who)
                    .doesNotContain("diary-chat-journal");
        }
    }

    /** «Предпросмотр» of a school's synchronization: administrators within their scope, nobody else. */
    static Stream<Arguments> syncPreviewPages() {
        return table(
                row(orgs(SCHOOL_A, "sync-preview"), OK, OK, OK, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_B, "sync-preview"), OK, OK, NF, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_C, "sync-preview"), OK, NF, NF, NO, NO, NO, REDIRECT));
    }

    /** «Удержанные удаления» of a school, page and API: administrators within their scope; a teacher is refused. */
    static Stream<Arguments> removalHolds() {
        return table(
                row(orgs(SCHOOL_A, "removal-hold"), OK, OK, OK, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_B, "removal-hold"), OK, OK, NF, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_C, "removal-hold"), OK, NF, NF, NO, NO, NO, REDIRECT));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("removalHolds")
    void removalHoldPageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        pageAccessFollowsRoleAndScope(who, path, status);
    }

    static Stream<Arguments> removalHoldApi() {
        return table(
                row("/api/orgs/" + SCHOOL_A + "/removal-hold", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_B + "/removal-hold", OK, OK, NF, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_C + "/removal-hold", OK, NF, NF, NO, NO, NO, AUTH));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("removalHoldApi")
    void removalHoldApiAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        apiAccessFollowsRoleAndScope(who, path, status);
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("syncPreviewPages")
    void syncPreviewPageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        pageAccessFollowsRoleAndScope(who, path, status);
    }

    static Stream<Arguments> syncPreviewApi() {
        return table(
                row("/api/orgs/" + SCHOOL_A + "/sync-preview", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_B + "/sync-preview", OK, OK, NF, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_C + "/sync-preview", OK, NF, NF, NO, NO, NO, AUTH));
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
        assertThat(response.getStatus()).isEqualTo(NF);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":404").doesNotContain("Exception");
    }

    @Test
    void apiDoesNotAcceptABrowserSession() throws Exception {
        var response = mvc.perform(get("/api/me").session(world.sessionOf("adminA")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(AUTH);
    }

    @Test
    void wrongPasswordDoesNotLogIn() throws Exception {
        var result = mvc.perform(formLogin().user("adminA").password("wrong")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    /** «Настройки чатов» of a school: administrators within their scope, nobody else. */
    static Stream<Arguments> chatPolicyPages() {
        return table(
                row(orgs(SCHOOL_A, "chat-policy"), OK, OK, OK, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_B, "chat-policy"), OK, OK, NF, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_C, "chat-policy"), OK, NF, NF, NO, NO, NO, REDIRECT));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("chatPolicyPages")
    void chatPolicyPageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        pageAccessFollowsRoleAndScope(who, path, status);
    }

    static Stream<Arguments> chatPolicyApi() {
        return table(
                row("/api/orgs/" + SCHOOL_A + "/chat-policy", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_B + "/chat-policy", OK, OK, NF, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_C + "/chat-policy", OK, NF, NF, NO, NO, NO, AUTH));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("chatPolicyApi")
    void chatPolicyApiAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        apiAccessFollowsRoleAndScope(who, path, status);
    }

    /**
     * A change of another school's «Настройки чатов», or by a role that may not change them, is refused before it
     * changes anything (so this read-only suite may ask): 404 out of scope, 403 for other roles, 401 anonymous.
     */
    static Stream<Arguments> refusedChatPolicyChanges() {
        return Stream.of(
                Arguments.of("district1", SCHOOL_C, NF),
                Arguments.of("adminA", SCHOOL_B, NF),
                Arguments.of("adminA", SCHOOL_C, NF),
                Arguments.of("teacherA1", SCHOOL_A, NO),
                Arguments.of("pupilA", SCHOOL_A, NO),
                Arguments.of("parentA", SCHOOL_A, NO),
                Arguments.of("anonymous", SCHOOL_A, AUTH));
    }

    @ParameterizedTest(name = "{0} PUT chat-policy of {1} -> {2}")
    @MethodSource("refusedChatPolicyChanges")
    void chatPolicyChangesAreRefusedOutsideRoleAndScope(String who, UUID organization, int status) throws Exception {
        var request = put("/api/orgs/" + organization + "/chat-policy")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentsInChats\": true, \"removeStrangers\": false}");
        if (!who.equals("anonymous")) {
            request.with(httpBasic(who, PASSWORD));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus())
                .as("%s PUT chat-policy of %s", who, organization)
                .isEqualTo(status);
    }

    /**
     * Lifting a login lock: administrators, each only for the accounts of their scope; another district's or school's
     * account (or an operator's, for a school admin) does not exist for them (404), before anything changes.
     */
    static Stream<Arguments> refusedLoginLockLifts() {
        return Stream.of(
                Arguments.of("district1", "district2", NF),
                Arguments.of("district1", "city", NF),
                Arguments.of("adminA", "adminB", NF),
                Arguments.of("adminA", "district1", NF),
                Arguments.of("adminA", "nobody", NF),
                Arguments.of("teacherA1", "teacherA1", NO),
                Arguments.of("pupilA", "pupilA", NO),
                Arguments.of("parentA", "pupilA", NO),
                Arguments.of("anonymous", "adminA", AUTH));
    }

    @ParameterizedTest(name = "{0} DELETE login lock of {1} -> {2}")
    @MethodSource("refusedLoginLockLifts")
    void loginLockLiftsAreRefusedOutsideRoleAndScope(String who, String username, int status) throws Exception {
        var request = delete("/api/accounts/login-locks/" + username);
        if (!who.equals("anonymous")) {
            request.with(httpBasic(who, PASSWORD));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus())
                .as("%s lifts the lock of %s", who, username)
                .isEqualTo(status);
    }

    /** «База ссылок» and the hand-down of ids and tokens: administrators within their scope, operators only for CSV. */
    static Stream<Arguments> linkbasePages() {
        return table(
                row("/linkbase", OK, OK, REDIRECT, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_A, "linkbase"), OK, OK, OK, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_B, "linkbase"), OK, OK, NF, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_C, "linkbase"), OK, NF, NF, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_A, "linkbase/remove"), OK, OK, OK, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_B, "linkbase/remove"), OK, OK, NF, NO, NO, NO, REDIRECT),
                row("/linkbase/import", OK, OK, NO, NO, NO, NO, REDIRECT));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("linkbasePages")
    void linkbasePageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        pageAccessFollowsRoleAndScope(who, path, status);
    }

    static Stream<Arguments> linkbaseApi() {
        return table(
                row("/api/orgs/" + SCHOOL_A + "/sferum-community", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_B + "/sferum-community", OK, OK, NF, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_C + "/sferum-community", OK, NF, NF, NO, NO, NO, AUTH));
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
        return table(
                row(orgs(SCHOOL_A, "readiness"), OK, OK, OK, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_B, "readiness"), OK, OK, NF, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_C, "readiness"), OK, NF, NF, NO, NO, NO, REDIRECT),
                row("/districts/" + DISTRICT_1 + "/readiness", OK, OK, NO, NO, NO, NO, REDIRECT),
                row("/districts/" + DISTRICT_2 + "/readiness", OK, NF, NO, NO, NO, NO, REDIRECT),
                row("/readiness", OK, NO, NO, NO, NO, NO, REDIRECT));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("readinessPages")
    void readinessPageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        pageAccessFollowsRoleAndScope(who, path, status);
    }

    static Stream<Arguments> readinessApi() {
        return table(
                row("/api/orgs/" + SCHOOL_A + "/readiness", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_B + "/readiness", OK, OK, NF, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_C + "/readiness", OK, NF, NF, NO, NO, NO, AUTH),
                row("/api/districts/" + DISTRICT_1 + "/readiness", OK, OK, NO, NO, NO, NO, AUTH),
                row("/api/districts/" + DISTRICT_2 + "/readiness", OK, NF, NO, NO, NO, NO, AUTH),
                row("/api/readiness", OK, NO, NO, NO, NO, NO, AUTH));
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

    /**
     * «Учётные записи» and «Мои входы»: operators' accounts for operators only, a school's for administrators within
     * their scope (another school 404, a teacher 403); everyone their own logins.
     */
    static Stream<Arguments> accountPages() {
        return table(
                row("/accounts", OK, OK, NO, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_A, "accounts"), OK, OK, OK, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_B, "accounts"), OK, OK, NF, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_C, "accounts"), OK, NF, NF, NO, NO, NO, REDIRECT),
                row(orgs(SCHOOL_A, "accounts?q=учител&page=0"), OK, OK, OK, NO, NO, NO, REDIRECT),
                row("/me/logins", OK, OK, OK, OK, OK, OK, REDIRECT));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("accountPages")
    void accountPageAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        pageAccessFollowsRoleAndScope(who, path, status);
    }

    static Stream<Arguments> accountApi() {
        return table(
                row("/api/accounts", OK, OK, NO, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_A + "/accounts", OK, OK, OK, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_B + "/accounts", OK, OK, NF, NO, NO, NO, AUTH),
                row("/api/orgs/" + SCHOOL_C + "/accounts", OK, NF, NF, NO, NO, NO, AUTH),
                row("/api/me/logins", OK, OK, OK, OK, OK, OK, AUTH));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @MethodSource("accountApi")
    void accountApiAccessFollowsRoleAndScope(String who, String path, int status) throws Exception {
        apiAccessFollowsRoleAndScope(who, path, status);
    }

    /**
     * Disabling an account outside the caller's reach is refused before anything changes: another school's account,
     * also when asked through the caller's own school (404), another district's operator (404), other roles (403).
     */
    static Stream<Arguments> refusedAccountChanges() {
        return Stream.of(
                Arguments.of("adminA", "/api/orgs/" + SCHOOL_B + "/accounts/" + FixtureIds.ACCOUNT_B + "/disable", NF),
                Arguments.of("adminA", "/api/orgs/" + SCHOOL_A + "/accounts/" + FixtureIds.ACCOUNT_B + "/disable", NF),
                Arguments.of(
                        "district1", "/api/orgs/" + SCHOOL_C + "/accounts/" + FixtureIds.ACCOUNT_C + "/disable", NF),
                Arguments.of(
                        "district1", "/api/orgs/" + SCHOOL_A + "/accounts/" + FixtureIds.ACCOUNT_C + "/disable", NF),
                Arguments.of("district1", "/api/accounts/" + FixtureIds.OPERATOR_OF_DISTRICT_2 + "/disable", NF),
                Arguments.of(
                        "adminA",
                        "/api/orgs/" + SCHOOL_A + "/accounts/" + FixtureIds.OPERATOR_OF_DISTRICT_1 + "/disable",
                        NF),
                Arguments.of("adminA", "/api/accounts/" + FixtureIds.OPERATOR_OF_DISTRICT_1 + "/disable", NO),
                Arguments.of(
                        "teacherA1", "/api/orgs/" + SCHOOL_A + "/accounts/" + FixtureIds.ACCOUNT_A + "/disable", NO),
                Arguments.of("pupilA", "/api/orgs/" + SCHOOL_A + "/accounts/" + FixtureIds.ACCOUNT_A + "/disable", NO),
                Arguments.of(
                        "anonymous", "/api/orgs/" + SCHOOL_A + "/accounts/" + FixtureIds.ACCOUNT_A + "/disable", AUTH));
    }

    @ParameterizedTest(name = "{0} POST {1} -> {2}")
    @MethodSource("refusedAccountChanges")
    void accountChangesAreRefusedOutsideRoleAndScope(String who, String path, int status) throws Exception {
        var request = post(path);
        if (!who.equals("anonymous")) {
            request.with(httpBasic(who, PASSWORD));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("%s POST %s", who, path).isEqualTo(status);
        if (status == NF) {
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void aSchoolAdminSeesOnlyTheirSchoolsAccounts() throws Exception {
        assertThat(body("adminA", orgs(SCHOOL_A, "accounts")))
                .contains("teacherA1", "pupilA", "parentA", "adminA")
                .doesNotContain("adminB", "teacherC1", "district1", "city<");
        assertThat(body("district1", "/accounts")).contains("district1").doesNotContain("district2", ">city<");
        assertThat(body("city", "/accounts")).contains("district1", "district2", ">city<");
    }

    private String body(String who, String path) throws Exception {
        return mvc.perform(get(path).session(world.sessionOf(who)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String orgs(UUID organization, String page) {
        return "/orgs/" + organization + "/" + page;
    }

    /** One path and what each of {@link #CALLERS} gets for it. */
    record Row(String path, int... statuses) {

        Row {
            if (statuses.length != CALLERS.size()) {
                throw new IllegalArgumentException(
                        "%s: %d statuses for %d callers".formatted(path, statuses.length, CALLERS.size()));
            }
        }
    }

    private static Row row(String path, int... statuses) {
        return new Row(path, statuses);
    }

    /** Every caller on every path of the table: (who, path, status). */
    private static Stream<Arguments> table(Row... rows) {
        return Stream.of(rows).flatMap(row -> IntStream.range(0, CALLERS.size())
                .mapToObj(column -> Arguments.of(CALLERS.get(column), row.path(), row.statuses()[column])));
    }
}
