package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.TestIdentityProvider.Person;
import ru.paragraf.sferum.browser.Browser;

/**
 * Single sign-on in a real browser against a real OpenID Connect provider ({@link TestIdentityProvider}, Spring
 * Authorization Server): a provider that is down, a teacher who logs in and finds their journals, logout that ends the
 * provider's session too, a person the school data does not know, one without the identifying claim, a disabled
 * account, and a client secret the provider no longer accepts. Every failure ends on a Russian page. Screenshots go
 * to target/screenshots/sso-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class SsoBrowserTests {

    static final String CLIENT_SECRET = "app-secret-7d41c9e0b2";
    static final String PROVIDER_NAME = "Петербургское образование";
    static final TestIdentityProvider PROVIDER = TestIdentityProvider.onFreePort();

    /** The teacher's login at the provider differs from the account's user name in case only. */
    static final Person TEACHER = new Person("p.uchitelev", "idp-password-1", "TeacherA1", "p.uchitelev@school.test");

    static final Person STRANGER = Person.of("stranger.x", "idp-password-2");
    static final Person NAMELESS = Person.of("nameless", "idp-password-3").withoutPreferredUsername();
    static final Person SLOVESNIKOVA = Person.of("teacherA2", "idp-password-4");

    @DynamicPropertySource
    static void sso(DynamicPropertyRegistry registry) {
        registry.add("sferum.sso.issuer-uri", PROVIDER::issuer);
        registry.add("sferum.sso.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("sferum.sso.client-secret", () -> CLIENT_SECRET);
        registry.add("sferum.sso.display-name", () -> PROVIDER_NAME);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    Browser browser;
    final List<Path> screenshots = new ArrayList<>();

    @BeforeAll
    void start() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        // an account of single sign-on only: no password
        accounts.registerAllWithoutPassword(
                List.of(NewAccount.teacher("teacherA2", "Словесникова М.", SCHOOL_A, TEACHER_A2)));
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
        PROVIDER.close();
        System.out.println("Single sign-on screenshots: " + screenshots);
    }

    @Test
    @Order(1)
    void providerThatIsDownEndsOnARussianPage(CapturedOutput output) {
        browser.open("/login");
        assertThat(browser.text(By.id("login-sso"))).isEqualTo("Войти через Петербургское образование");
        assertThat(browser.waitFor(By.id("login-form")).isDisplayed())
                .as("the password form stays for operator accounts")
                .isTrue();
        shot("sso-01-login-page");

        browser.click(By.id("login-sso"));
        assertThat(browser.text(By.id("sso-failure-title"))).isEqualTo("Вход не удался");
        assertThat(browser.text(By.id("sso-failure-text")))
                .isEqualTo("Не удалось войти через Петербургское образование: служба входа сейчас недоступна или не "
                        + "приняла запрос приложения.");
        shot("sso-02-provider-down");
        assertThat(output.getAll())
                .contains("Single sign-on with the identity provider " + PROVIDER.issuer() + " failed")
                .contains("Cannot read the OpenID Connect discovery document of " + PROVIDER.issuer())
                .doesNotContain(CLIENT_SECRET);

        PROVIDER.start(
                CLIENT_SECRET,
                "http://localhost:" + port + "/login/oauth2/code/city",
                "http://localhost:" + port + "/login?logout",
                List.of(TEACHER, STRANGER, NAMELESS, SLOVESNIKOVA));
    }

    @Test
    @Order(2)
    void teacherLogsInThroughTheProviderAndSeesTheirJournals() {
        logInAtProvider(TEACHER);
        assertThat(browser.currentPath()).isEqualTo("/orgs/" + SCHOOL_A + "/journals");
        assertThat(browser.text(By.id("current-user-name"))).isEqualTo("Учителев П.");
        assertThat(browser.text(By.id("journals"))).contains("Математика", "Шахматы");
        shot("sso-04-teacher-journals");
        browser.click(By.id("nav-diary"));
        assertThat(browser.currentPath()).startsWith("/diary");
        shot("sso-05-teacher-diary");

        // while the provider's session lives, «Войти через …» asks for nothing: losing only our session proves it
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.open("/login").click(By.id("login-sso"));
        browser.waitFor(By.id("logout"));
        assertThat(browser.currentPath()).isEqualTo("/orgs/" + SCHOOL_A + "/journals");
    }

    @Test
    @Order(3)
    void logoutEndsTheProvidersSessionToo() {
        browser.click(By.id("logout"));
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("Вы вышли из системы.");
        assertThat(browser.currentPath()).isEqualTo("/login?logout");
        shot("sso-06-logged-out");

        browser.click(By.id("login-sso"));
        browser.waitFor(By.id("password"));
        assertThat(browser.driver().getCurrentUrl())
                .as("the provider asks for the password again")
                .startsWith(PROVIDER.issuer() + "/login");
        shot("sso-07-provider-asks-again");
    }

    @Test
    @Order(4)
    void personUnknownToTheSchoolDataGetsARussianPageAndNoAccount() {
        logInAtProvider(STRANGER);
        assertThat(browser.text(By.id("sso-failure-title"))).isEqualTo("Учётная запись не найдена");
        assertThat(browser.text(By.id("sso-failure-text")))
                .startsWith("Вход через Петербургское образование выполнен под именем stranger.x, но в АИСУ "
                        + "«Параграф» нет учётной записи с таким именем.");
        assertThat(browser.text(By.id("sso-failure-help"))).startsWith("Что делать: сообщите администратору");
        shot("sso-08-unknown-person");

        assertThat(jdbc.sql("select count(*) from accounts.user_account where lower(username) = 'stranger.x'")
                        .query(Integer.class)
                        .single())
                .as("no account is created")
                .isZero();
        assertThat(auditOf("sso:stranger.x"))
                .containsEntry("actor_name", "system")
                .containsEntry("organization_id", "")
                .containsEntry("details", "{\"claim\": \"preferred_username\", \"reason\": \"UNKNOWN_ACCOUNT\"}");
        forgetProviderSession();
    }

    @Test
    @Order(5)
    void personWithoutTheIdentifyingClaimGetsARussianPage() {
        logInAtProvider(NAMELESS);
        assertThat(browser.text(By.id("sso-failure-title"))).isEqualTo("Учётная запись не найдена");
        assertThat(browser.text(By.id("sso-failure-help")))
                .isEqualTo("Что делать: сообщите в службу поддержки, что служба входа не передаёт утверждение "
                        + "preferred_username.");
        shot("sso-09-no-claim");
        assertThat(auditOf("sso:"))
                .containsEntry("details", "{\"claim\": \"preferred_username\", \"reason\": \"IDENTIFIER_MISSING\"}");
        forgetProviderSession();
    }

    @Test
    @Order(6)
    void disabledAccountGetsARussianPageAndAnAccountWithoutPasswordLogsInOnlyThroughTheProvider() throws Exception {
        jdbc.sql("update accounts.user_account set enabled = false where username = 'teacherA2'")
                .update();
        logInAtProvider(SLOVESNIKOVA);
        assertThat(browser.text(By.id("sso-failure-title"))).isEqualTo("Учётная запись отключена");
        assertThat(browser.text(By.id("sso-failure-text")))
                .isEqualTo("Ваша учётная запись teacherA2 в АИСУ «Параграф» отключена, войти под ней нельзя.");
        shot("sso-10-disabled");
        assertThat(auditOf("sso:teacherA2"))
                .containsEntry("actor_name", "Словесникова М. (teacherA2)")
                .containsEntry("organization_id", SCHOOL_A.toString())
                .containsEntry("details", "{\"claim\": \"preferred_username\", \"reason\": \"ACCOUNT_DISABLED\"}");

        jdbc.sql("update accounts.user_account set enabled = true where username = 'teacherA2'")
                .update();
        browser.open("/login").click(By.id("login-sso"));
        browser.waitFor(By.id("logout"));
        assertThat(browser.text(By.id("current-user-name"))).isEqualTo("Словесникова М.");
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));

        var http = new RealHttp(port);
        for (var password : List.of("", PASSWORD, "idp-password-4")) {
            assertThat(http.logIn("teacherA2", password).headers().firstValue("Location"))
                    .as("the form refuses an account without password, whatever is typed")
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        }
        assertThat(http.get("/api/me", Map.of("Authorization", RealHttp.basic("teacherA2", "")))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(7)
    void operatorLogsInWithPasswordBesideTheProviderAndLogsOutHereOnly() throws Exception {
        browser.logIn("adminA", PASSWORD);
        assertThat(browser.currentPath()).isEqualTo("/orgs/" + SCHOOL_A + "/journals");
        browser.click(By.id("logout"));
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("Вы вышли из системы.");
        assertThat(browser.currentPath()).isEqualTo("/login?logout");
    }

    @Test
    @Order(8)
    void clientSecretTheProviderNoLongerAcceptsEndsOnARussianPage(CapturedOutput output) {
        PROVIDER.changeClientSecret("rotated-at-the-provider");
        logInAtProvider(TEACHER);
        assertThat(browser.text(By.id("sso-failure-title"))).isEqualTo("Вход не удался");
        assertThat(browser.waitFor(By.id("sso-retry")).getText()).isEqualTo("Попробовать ещё раз");
        shot("sso-11-wrong-client-secret");
        assertThat(browser.driver().getPageSource()).doesNotContain(CLIENT_SECRET);
        assertThat(output.getAll())
                .contains("Single sign-on with the identity provider " + PROVIDER.issuer() + " failed")
                .contains("invalid_client")
                .doesNotContain(CLIENT_SECRET);
    }

    /** From our login page through the provider's: «Войти через …», then the person's login name and password. */
    private void logInAtProvider(Person person) {
        browser.open("/login").click(By.id("login-sso"));
        browser.waitFor(By.id("username"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(PROVIDER.issuer() + "/login");
        browser.type(By.id("username"), person.login()).type(By.id("password"), person.password());
        if (person == TEACHER) {
            shot("sso-03-provider-login");
        }
        browser.click(By.cssSelector("button[type=submit]"));
        browser.waitFor(By.cssSelector("#logout, #sso-failure"));
    }

    /** The provider forgets who logged in there (its session cookie), as another person at the same computer. */
    private void forgetProviderSession() {
        browser.driver().get(PROVIDER.issuer() + "/.well-known/openid-configuration");
        browser.driver().manage().deleteAllCookies();
    }

    /** The newest audit entry of a refused single sign-on with this subject, waited for: it is written after commit. */
    private Map<String, String> auditOf(String subject) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql(
                                        """
                                        select actor_name, coalesce(organization_id::text, '') as organization_id,
                                               details::text as details
                                        from audit.entry where action = 'SSO_LOGIN_REFUSED' and subject = :subject
                                        order by id desc limit 1
                                        """)
                                .param("subject", subject)
                                .query((rs, row) -> Map.of(
                                        "actor_name", rs.getString(1),
                                        "organization_id", rs.getString(2),
                                        "details", rs.getString(3)))
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private void shot(String name) {
        screenshots.add(browser.screenshot(name).toAbsolutePath());
    }
}
