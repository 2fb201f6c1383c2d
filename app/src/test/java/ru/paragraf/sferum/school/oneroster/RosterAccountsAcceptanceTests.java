package ru.paragraf.sferum.school.oneroster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.paragraf.sferum.accounts.TestIdentityProvider;
import ru.paragraf.sferum.accounts.TestIdentityProvider.Person;
import ru.paragraf.sferum.browser.Browser;

/**
 * Issue 16, acceptance 1, in production mode on a PostgreSQL of its own (started by the tests like the embedded
 * one, reached as an external server), with single sign-on against a real OpenID Connect provider: the first city
 * operator finds the empty installation's first step, imports a OneRoster package in the browser, and the people get
 * accounts; a teacher logs in through the provider and sees their journals; a pupil whom the next full package no
 * longer lists can no longer log in. Screenshots go to /tmp/i16-roster.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sferum.mode=production",
            "sferum.bootstrap.operator.username=" + RosterAccountsAcceptanceTests.OPERATOR,
            "sferum.bootstrap.operator.password=" + RosterAccountsAcceptanceTests.OPERATOR_PASSWORD
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RosterAccountsAcceptanceTests {

    static final String OPERATOR = "operator";
    static final String OPERATOR_PASSWORD = "operator-password-of-the-test";
    static final String CLIENT_SECRET = "roster-secret-51c2";
    static final Path SCREENSHOTS = Path.of("/tmp/i16-roster");
    static final TestIdentityProvider PROVIDER = TestIdentityProvider.onFreePort();

    /** The teacher ivanova of the package (u-t1) and the pupil p5 (u-p5), as the city's provider knows them. */
    static final Person TEACHER = Person.of("ivanova", "idp-teacher-password");

    static final Person PUPIL = Person.of("p5", "idp-pupil-password");

    @DynamicPropertySource
    static void sso(DynamicPropertyRegistry registry) {
        registry.add("sferum.sso.issuer-uri", PROVIDER::issuer);
        registry.add("sferum.sso.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("sferum.sso.client-secret", () -> CLIENT_SECRET);
        registry.add("sferum.sso.display-name", () -> "Петербургское образование");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    Browser browser;

    @BeforeAll
    void start() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        PROVIDER.start(
                CLIENT_SECRET,
                "http://localhost:" + port + "/login/oauth2/code/city",
                "http://localhost:" + port + "/login?logout",
                List.of(TEACHER, PUPIL));
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
        PROVIDER.close();
    }

    @Test
    @Order(1)
    void operatorOfAnEmptyInstallationImportsTheSchoolDataAndThePeopleGetAccounts() {
        assertThat(count("select count(*) from school.organization")).isZero();
        browser.logIn(OPERATOR, OPERATOR_PASSWORD);
        assertThat(browser.currentPath()).isEqualTo("/orgs");
        assertThat(browser.text(By.id("organizations-empty")))
                .contains("Образовательных организаций пока нет: начните с загрузки данных школ из АИСУ «Параграф».");
        shot("01-empty-installation");

        browser.click(By.id("organizations-empty-import"));
        upload(TestPackage.valid());
        assertThat(browser.text(By.id("oneroster-summary"))).isEqualTo("Данные загружены.");
        assertThat(browser.text(By.id("oneroster-accounts-summary")))
                .isEqualTo("Создано — 10, изменено — 0, без изменений — 0, отключено (людей нет в полном пакете) — 0, "
                        + "включено снова — 0.");
        shot("02-first-import");

        assertThat(count("select count(*) from accounts.user_account where source = 'ROSTER' and enabled "
                        + "and password_hash is null"))
                .isEqualTo(10);
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));
    }

    @Test
    @Order(2)
    void teacherLogsInThroughTheProviderAndSeesTheirJournals() {
        logInAtProvider(TEACHER);
        assertThat(browser.currentPath()).endsWith("/journals");
        assertThat(browser.text(By.id("current-user-name"))).isEqualTo("Иванова Мария Петровна");
        assertThat(browser.text(By.id("journals"))).contains("Алгебра", "7А", "7Б");
        shot("03-teacher-journals");
        logOut();
    }

    @Test
    @Order(3)
    void pupilLogsInWhileTheDataListsThem() {
        logInAtProvider(PUPIL);
        assertThat(browser.driver().findElements(By.id("logout"))).isNotEmpty();
        shot("04-pupil-logged-in");
        logOut();
    }

    @Test
    @Order(4)
    void pupilRemovedFromTheNextImportCanNoLongerLogIn() {
        browser.logIn(OPERATOR, OPERATOR_PASSWORD);
        browser.open("/import/oneroster");
        upload(TestPackage.valid()
                .withoutRows("users.csv", "u-p5")
                .withoutRows("roles.csv", "r-p5")
                .withoutRows("enrollments.csv", "e-07", "e-14"));
        assertThat(browser.text(By.id("oneroster-accounts-summary")))
                .isEqualTo("Создано — 0, изменено — 0, без изменений — 9, отключено (людей нет в полном пакете) — 1, "
                        + "включено снова — 0.");
        shot("05-second-import");
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));

        logInAtProvider(PUPIL);
        assertThat(browser.text(By.id("sso-failure-title"))).isEqualTo("Учётная запись отключена");
        assertThat(browser.text(By.id("sso-failure-text")))
                .isEqualTo("Ваша учётная запись p5 в АИСУ «Параграф» отключена, войти под ней нельзя.");
        shot("06-pupil-refused");
        assertThat(jdbc.sql("select enabled || ' ' || disabled_reason from accounts.user_account where username = 'p5'")
                        .query(String.class)
                        .single())
                .isEqualTo("false LEFT_ROSTER");
    }

    private void upload(TestPackage pkg) {
        var zip = folder.resolve("package-" + System.nanoTime() + ".zip");
        try {
            Files.write(zip, pkg.zip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.waitFor(By.id("oneroster-file")).sendKeys(zip.toAbsolutePath().toString());
        browser.click(By.id("oneroster-submit"));
        browser.waitFor(By.id("oneroster-report"));
    }

    private void logInAtProvider(Person person) {
        browser.open("/login").click(By.id("login-sso"));
        browser.waitFor(By.id("username"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(PROVIDER.issuer() + "/login");
        browser.type(By.id("username"), person.login()).type(By.id("password"), person.password());
        browser.click(By.cssSelector("button[type=submit]"));
        browser.waitFor(By.cssSelector("#logout, #sso-failure"));
    }

    /** Logs out here and, by RP-initiated logout, at the provider too. */
    private void logOut() {
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private void shot(String name) {
        var shot = browser.screenshot("i16-roster-" + name);
        try {
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
