package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.sferum.school.generator.CityParameters;
import ru.paragraf.sferum.school.generator.GeneratedSchool;
import ru.paragraf.sferum.school.generator.SchoolDataGenerator;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * A generated demo city connected to a real VK emulator through the product's own paths: community credentials
 * through the link base API, the SFERUM_SYNC task through the exchange API, every teacher's VK ID through the
 * diary's OAuth flow and VK ID's login page. Then tomorrow's timetable becomes published video lessons and every
 * general-education journal asks for its subject chat: a whole day of a school to synchronize.
 *
 * <p>A bean of every {@link ConnectedCityTest}'s context, with a VK emulator of its own ({@link Beans}).
 */
final class ConnectedCity {

    static final String PASSWORD = "reliability-password";
    static final String CLIENT_ID = "51900099";
    static final long FIRST_COMMUNITY = 227_100_001L;
    static final long FIRST_VK_USER = 710_000_001L;

    final VkEmulator vk;
    final List<School> schools = new ArrayList<>();
    private final SchoolDataGenerator generator;
    private final AccountRegistration accounts;
    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** A connected school: its organization, community and token. */
    record School(UUID organization, long community, String token, List<UUID> teachers) {}

    ConnectedCity(
            VkEmulator vk,
            SchoolDataGenerator generator,
            AccountRegistration accounts,
            MockMvc mvc,
            JdbcClient jdbc,
            Clock clock,
            Environment environment) {
        this.vk = vk;
        this.generator = generator;
        this.accounts = accounts;
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.clock = clock;
        this.environment = environment;
    }

    /** The city's emulator, and the application pointed at it for VK's API and VK ID. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean(destroyMethod = "close")
        VkEmulator vk() {
            return VkEmulator.start(EmulatorConfig.builder()
                    .seed(Seed.of(
                            List.of(),
                            List.of(),
                            List.of(Seed.Client.of(CLIENT_ID, "http://localhost/diary/vkid/callback"))))
                    .build());
        }

        @Bean
        DynamicPropertyRegistrar vkUrls(VkEmulator vk) {
            return registry -> {
                registry.add("sferum.vk.api-url", vk::baseUrl);
                registry.add("sferum.vk.id-url", vk::baseUrl);
                registry.add("sferum.vkid.client-id", () -> CLIENT_ID);
            };
        }

        @Bean
        ConnectedCity connectedCity(
                VkEmulator vk,
                SchoolDataGenerator generator,
                AccountRegistration accounts,
                MockMvc mvc,
                JdbcClient jdbc,
                Clock clock,
                Environment environment) {
            return new ConnectedCity(vk, generator, accounts, mvc, jdbc, clock, environment);
        }
    }

    /** Generates the demo city and connects {@code count} of its schools. */
    ConnectedCity connect(int count) throws Exception {
        var city = generator.generate(CityParameters.demo());
        accounts.registerAll(List.of(NewAccount.cityOperator("reliability-city", "Оператор")), PASSWORD);
        var vkUser = FIRST_VK_USER;
        for (int i = 0; i < count; i++) {
            GeneratedSchool generated = city.schools().get(i);
            var community = FIRST_COMMUNITY + i;
            var token = "vk1.a.reliability-community-token-%02d-of-the-connected-city-0000".formatted(i);
            vk.addCommunity(Seed.Community.of(
                    community,
                    generated.shortName(),
                    "school_" + i,
                    Seed.Token.of(token, CommunityPermission.MESSAGES, CommunityPermission.MANAGE)));
            api(
                    put("/api/orgs/" + generated.organizationId() + "/sferum-community"),
                    "{\"communityId\": %d, \"token\": \"%s\"}".formatted(community, token));
            api(
                    post("/api/orgs/" + generated.organizationId() + "/exchange-tasks"),
                    "{\"type\":\"SFERUM_SYNC\",\"enabled\":false}");
            var teachers = jdbc.sql(
                            """
                            select distinct e.id from school.employee e
                            join school.journal_teacher jt on jt.employee_id = e.id
                            where e.organization_id = :organization order by e.id
                            """)
                    .param("organization", generated.organizationId())
                    .query(UUID.class)
                    .list();
            var newAccounts = new ArrayList<NewAccount>();
            for (var teacher : teachers) {
                newAccounts.add(NewAccount.teacher("t-" + teacher, "Учитель", generated.organizationId(), teacher));
            }
            accounts.registerAll(newAccounts, PASSWORD);
            for (var teacher : teachers) {
                var id = vkUser++;
                vk.addUser(Seed.User.of(id, "Учитель", "№" + id, "u" + id + "@vk.test", "vk-" + id));
                link("t-" + teacher, "u" + id + "@vk.test", "vk-" + id);
            }
            schools.add(new School(generated.organizationId(), community, token, teachers));
        }
        tomorrowIsAVideoDay();
        return this;
    }

    /**
     * Moves the first school day of the week to tomorrow as published video lessons and switches on the subject
     * chat of every general-education journal that has such a lesson.
     */
    private void tomorrowIsAVideoDay() {
        var tomorrow = LocalDate.now(clock).plusDays(1);
        for (var school : schools) {
            jdbc.sql(
                            """
                            update school.lesson l
                            set lesson_date = :tomorrow, format = 'VIDEO_CALL', publication = 'PUBLISHED'
                            from school.journal j
                            where j.id = l.journal_id and j.kind = 'GENERAL_EDUCATION'
                              and l.organization_id = :organization
                              and l.lesson_date = (select min(lesson_date) from school.lesson
                                                   where organization_id = :organization)
                            """)
                    .param("tomorrow", tomorrow)
                    .param("organization", school.organization())
                    .update();
            jdbc.sql(
                            """
                            update school.journal j set subject_chat_requested = true
                            where j.organization_id = :organization and j.kind = 'GENERAL_EDUCATION'
                              and exists (select 1 from school.lesson l where l.journal_id = j.id
                                            and l.format = 'VIDEO_CALL' and l.publication = 'PUBLISHED')
                            """)
                    .param("organization", school.organization())
                    .update();
        }
    }

    /** Enables the SFERUM_SYNC task of every connected school: the schools become ready. */
    void enableTasks() throws Exception {
        for (var school : schools) {
            var task = jdbc.sql("select id from exchange.task where organization_id = :organization")
                    .param("organization", school.organization())
                    .query(UUID.class)
                    .single();
            api(put("/api/exchange-tasks/" + task), "{\"cron\":\"0 0 3 * * ?\",\"enabled\":true}");
        }
    }

    /**
     * A node of this city in a JVM of its own, on the test's database and emulator; started with {@link
     * AppNode#start()}.
     */
    AppNode node(String name) {
        return new AppNode(name, environment.getRequiredProperty("spring.datasource.url"), vk.baseUrl(), CLIENT_ID);
    }

    /** Rows of {@code from}, e.g. {@code "sync.operation where status = 'DONE'"}. */
    int count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }

    /**
     * Waits until every connected school has been planned (its task's enabling plans it in the background) and no
     * operation is open any more: without the first condition an empty queue before the planning passes at once.
     */
    void awaitSynchronized(Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> count("(select distinct organization_id from sync.operation) planned") == schools.size()
                        && open() == 0);
    }

    /** Operations not finished yet: PENDING or RUNNING. */
    int open() {
        return count("sync.operation where status in ('PENDING', 'RUNNING')");
    }

    /** What the emulator holds now, compared with the ledger. */
    SyncLedgerChecks checks() {
        return SyncLedgerChecks.of(vk, jdbc);
    }

    private void api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
            throws Exception {
        var response = mvc.perform(request.with(httpBasic("reliability-city", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
    }

    private void link(String username, String vkLogin, String vkPassword) throws Exception {
        var session = (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
        var start = mvc.perform(post("/diary/vkid/start").session(session).with(csrf()))
                .andReturn()
                .getResponse();
        var form = "action=login&login=" + URLEncoder.encode(vkLogin, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(vkPassword, StandardCharsets.UTF_8);
        var vkAnswer = http.send(
                HttpRequest.newBuilder(URI.create(start.getHeader("Location")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var callback = vkAnswer.headers().firstValue("Location").orElseThrow();
        var back = mvc.perform(get(URI.create(callback)).session(session))
                .andReturn()
                .getResponse();
        assertThat(back.getRedirectedUrl()).isEqualTo("/diary/chats?vkid=linked");
    }
}
