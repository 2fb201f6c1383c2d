package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.SchoolFixture;

/**
 * With {@code sferum.sso.local-login=false} the pages offer only «Войти через …»: no password form, and a password
 * posted to {@code /login} logs nobody in. The API keeps HTTP Basic for the school systems' accounts.
 */
@SpringBootTest(
        properties = {
            "sferum.sso.issuer-uri=http://127.0.0.1:9/realms/school",
            "sferum.sso.client-id=sferum",
            "sferum.sso.client-secret=never-shown-9c1e",
            "sferum.sso.local-login=false"
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoOnlyLoginTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @BeforeAll
    void insert() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
    }

    @Test
    void loginPageOffersOnlyTheProvider() throws Exception {
        var page = mvc.perform(get("/login")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString())
                .contains("id=\"login-sso\"", "href=\"/oauth2/authorization/city\"", "Войти через службу единого входа")
                .doesNotContain("id=\"login-form\"", "never-shown-9c1e");
        assertThat(page.getHeader("Content-Security-Policy"))
                .as("logout may be redirected to the provider")
                .contains("form-action 'self' https://id.vk.com http://127.0.0.1:9");
    }

    @Test
    void passwordPostedToTheLoginPageLogsNobodyIn() throws Exception {
        var result = mvc.perform(formLogin().user("adminA").password(PASSWORD)).andReturn();
        assertThat(result.getResponse().getStatus()).isNotIn(302, 200);
        var session = result.getRequest().getSession(false);
        assertThat(session == null || session.getAttribute("SPRING_SECURITY_CONTEXT") == null)
                .as("no security context in the session")
                .isTrue();
    }

    @Test
    void anonymousPageVisitorIsSentToTheLoginPage() throws Exception {
        var response = mvc.perform(get("/orgs")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void apiKeepsHttpBasic() throws Exception {
        var response = mvc.perform(get("/api/me").with(httpBasic("adminA", PASSWORD)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
