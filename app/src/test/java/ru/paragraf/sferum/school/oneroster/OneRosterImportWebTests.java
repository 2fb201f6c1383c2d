package ru.paragraf.sferum.school.oneroster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;

/** The page and the API; MockMvc is built here, so the Spring context is the one the other tests share. */
@SpringBootTest
class OneRosterImportWebTests {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    WebApplicationContext context;

    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    OneRosterImport imports;

    private String city;
    private String schoolAdmin;
    private String teacher;

    @BeforeEach
    void startsWithOneSchoolAndItsPeople() {
        mvc = MockMvcTester.create(MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build());
        SchoolData.clear(jdbc);
        var zip = TestPackage.valid().zip();
        imports.run(SchoolData.CITY, zip.length, new ByteArrayResource(zip));
        var school = SchoolData.organization(jdbc, "s-101");
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        city = "city-" + suffix;
        schoolAdmin = "admin-" + suffix;
        teacher = "teacher-" + suffix;
        accounts.registerAll(
                List.of(
                        NewAccount.cityOperator(city, "City operator"),
                        NewAccount.schoolAdmin(schoolAdmin, "School admin", school, UUID.randomUUID()),
                        NewAccount.teacher(teacher, "Teacher", school, UUID.randomUUID())),
                PASSWORD);
    }

    @Test
    void showsTheUploadFormToAdministrators() {
        var page = html(mvc.get().uri("/import/oneroster").with(as(schoolAdmin)).exchange());

        assertThat(page)
                .contains("<h1 class=\"h3 mb-3\">Загрузка данных (OneRoster 1.2)</h1>")
                .contains("enctype=\"multipart/form-data\"")
                .contains("name=\"_csrf\"")
                .contains("id=\"nav-import\" href=\"/import/oneroster\"")
                .contains("можно загружать данные только своей организации")
                .doesNotContain("style=", "??");
        assertThat(page.replaceAll("<script [^>]*src=[^>]*></script>", "")).doesNotContain("<script");
    }

    @Test
    void keepsThePageFromTeachers() {
        assertThat(mvc.get().uri("/import/oneroster").with(as(teacher))).hasStatus(403);
    }

    @Test
    void refusesAnUploadWithoutCsrfToken() {
        var upload = mvc.post().uri("/import/oneroster").multipart().file(zip(TestPackage.valid()));

        assertThat(upload.with(as(city))).hasStatus(403);
    }

    @Test
    void showsTheCountsOfASuccessfulImport() {
        var result = mvc.post()
                .uri("/import/oneroster")
                .multipart()
                .file(zip(TestPackage.valid().replace("users.csv", "Дарья,Дмитриева", "Дарья,Петрова")))
                .with(as(city))
                .with(csrf())
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(html(result))
                .contains("Данные загружены.")
                .contains("id=\"oneroster-counts\"")
                .containsPattern("data-kind=\"pupils\">\\s*<td>Ученики</td>\\s*<td class=\"text-end\">0</td>\\s*"
                        + "<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">4</td>");
    }

    @Test
    void listsTheProblemsOfABadPackage() {
        var bad = TestPackage.valid().append("users.csv", "u-x,active,,true,x,,,Сидоров,,,,,,,,,");
        var result = mvc.post()
                .uri("/import/oneroster")
                .multipart()
                .file(zip(bad))
                .with(as(city))
                .with(csrf())
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(html(result))
                .contains("Данные не загружены: найдено ошибок — 1.")
                .contains("id=\"oneroster-problems\"")
                .containsPattern("<td class=\"text-nowrap\">users.csv</td>\\s*<td class=\"text-end\">12</td>\\s*"
                        + "<td><code>givenName</code></td>\\s*<td class=\"text-break\"></td>\\s*"
                        + "<td>обязательное поле не заполнено</td>");
    }

    @Test
    void showsWhyAnUploadIsNoPackage() {
        var notZip = new MockMultipartFile("file", "users.csv", "text/csv", "sourcedId\n".getBytes());
        var result = mvc.post()
                .uri("/import/oneroster")
                .multipart()
                .file(notZip)
                .with(as(city))
                .with(csrf())
                .exchange();

        assertThat(html(result)).contains("Файл не является архивом ZIP.");
    }

    @Test
    void answersApiCallsWithTheReport() {
        var result = mvc.post()
                .uri("/api/import/oneroster")
                .multipart()
                .file(zip(TestPackage.valid()))
                .with(httpBasic(city, PASSWORD))
                .exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.outcome").isEqualTo("APPLIED");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.counts[?(@.kind == 'pupils')].unchanged")
                .asArray()
                .containsExactly(5);
    }

    @Test
    void answersApiCallsWithProblemDetailsWhenThePackageHasProblems() {
        var foreign = TestPackage.headersOnly()
                .append("orgs.csv", "s-999,active,,Чужая школа,school,0999,d-test,")
                .append("users.csv", "u-x,active,,true,x,,,Сидоров,,,,,,,,,");
        var result = mvc.post()
                .uri("/api/import/oneroster")
                .multipart()
                .file(zip(foreign))
                .with(httpBasic(schoolAdmin, PASSWORD))
                .exchange();

        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var json = assertThat(result).bodyJson();
        json.extractingPath("$.title").isEqualTo("Пакет OneRoster не загружен");
        json.extractingPath("$.problemCount").isEqualTo(2);
        json.extractingPath("$.problems[*].file").asArray().containsExactly("orgs.csv", "users.csv");
        json.extractingPath("$.problems[*].line").asArray().containsExactly(2, 2);
        json.extractingPath("$.problems[*].column").asArray().containsExactly("sourcedId", "givenName");
        json.extractingPath("$.problems[*].message")
                .asArray()
                .containsExactly(
                        "такой организации нет в системе; заводить организации может оператор города или района",
                        "обязательное поле не заполнено");
    }

    @Test
    void answersApiCallsWith400WhenTheUploadIsNoZip() {
        var notZip = new MockMultipartFile("file", "school.zip", "application/zip", "not a zip".getBytes());

        var result = mvc.post()
                .uri("/api/import/oneroster")
                .multipart()
                .file(notZip)
                .with(httpBasic(city, PASSWORD))
                .exchange();
        var withoutFile = mvc.post()
                .uri("/api/import/oneroster")
                .multipart()
                .param("other", "x")
                .with(httpBasic(city, PASSWORD))
                .exchange();

        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Файл не является архивом ZIP. Загрузите пакет OneRoster, упакованный в ZIP.");
        assertThat(withoutFile).hasStatus(400);
        assertThat(withoutFile).bodyJson().extractingPath("$.detail").asString().startsWith("Выберите файл");
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private static MockMultipartFile zip(TestPackage pkg) {
        return new MockMultipartFile("file", "school.zip", "application/zip", pkg.zip());
    }

    private static String html(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
