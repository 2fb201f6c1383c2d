package ru.paragraf.sferum.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;

/**
 * DESIGN §4 and issue 7: every change of credentials, tasks and selectors is in the school's «Журнал изменений»
 * with who and when, readable by the school's administrators and operators only, and never with a secret.
 */
@SpringBootTest(properties = "sferum.vk.api-url=http://127.0.0.1:9")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTests {

    static final String TOKEN = "vk1.a.audit-log-tests-community-token-0123456789abcdef";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @BeforeAll
    void changesOfSchoolA() throws Exception {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        assertThat(call(
                        "adminA",
                        put("/api/orgs/" + SCHOOL_A + "/sferum-community"),
                        "{\"communityId\": 227000901, \"token\": \"" + TOKEN + "\"}"))
                .isEqualTo(200);
        assertThat(call("adminA", post("/api/orgs/" + SCHOOL_A + "/exchange-tasks"), "{\"type\":\"SFERUM_SYNC\"}"))
                .isBetween(200, 201);
        assertThat(call(
                        "teacherA1",
                        put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"),
                        "{\"requested\": true}"))
                .isEqualTo(200);
    }

    @Test
    void everyChangeIsInTheSchoolsAuditLogWithWhoAndWhen() throws Exception {
        var body = mvc.perform(get("/api/orgs/" + SCHOOL_A + "/audit").with(httpBasic("adminA", PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body)
                .contains("\"action\":\"CREDENTIALS_SAVED\"", "\"action\":\"EXCHANGE_TASK_CREATED\"")
                .contains("\"action\":\"SUBJECT_CHAT_REQUESTED\"")
                .contains("(adminA)", "(teacherA1)")
                .contains("\"occurredAt\":\"" + LocalDate.now(clock).getYear());
        assertThat(body).as("never a secret").doesNotContain(TOKEN).doesNotContain("audit-log-tests-community-token");
    }

    @Test
    void thePageShowsTheChangesInRussian() throws Exception {
        var page = mvc.perform(get("/orgs/" + SCHOOL_A + "/audit").session(login("adminA")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Журнал изменений")
                .contains("Идентификатор и токен сообщества сохранены")
                .contains("Задача обмена данными добавлена")
                .contains("«Чат по предмету» включён")
                .doesNotContain(TOKEN);
    }

    @Test
    void onlyTheSchoolsAdministratorsAndOperatorsReadIt() throws Exception {
        assertThat(status("district1", SCHOOL_A)).isEqualTo(200);
        assertThat(status("city", SCHOOL_A)).isEqualTo(200);
        assertThat(status("adminB", SCHOOL_A)).isEqualTo(404);
        assertThat(status("district2", SCHOOL_A)).isEqualTo(404);
        assertThat(status("teacherA1", SCHOOL_A)).isEqualTo(403);
        assertThat(status("pupilA", SCHOOL_A)).isEqualTo(403);
        assertThat(mvc.perform(get("/api/orgs/" + SCHOOL_B + "/audit").with(httpBasic("adminB", PASSWORD)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("school B's log holds nothing of school A")
                .doesNotContain("CREDENTIALS_SAVED", "SUBJECT_CHAT_REQUESTED");
    }

    private int status(String who, java.util.UUID school) throws Exception {
        return mvc.perform(get("/api/orgs/" + school + "/audit").with(httpBasic(who, PASSWORD)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private int call(String who, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(httpBasic(who, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private MockHttpSession login(String who) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(who).password(PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    }
}
