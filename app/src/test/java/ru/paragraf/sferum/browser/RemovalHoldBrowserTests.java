package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.paragraf.sferum.EverydaySteps;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.sferum.diary.LinkedVkAccounts;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * Issue 15's acceptance 5 against the emulator, with the default hold (10 % of the school's chat members or 200
 * people): the school of the test package imported, its three subject chats (Алгебра 7А: Иванова, Алексеева,
 * Алексеев, Васильева; Алгебра 7Б: Иванова, Григорьев, Дмитриева; Английский язык 7А (1 группа): Петров, Алексеева,
 * Алексеев) with every pupil's VK ID linked and in the chat — ten members, a threshold of one. A full package without
 * Алексеева, Алексеев and Григорьев (three of the five pupils) would take five people out of chats at once: held.
 *
 * <p>The pupils who left stay in the school's data, without a class or group (a full package's rule, {@code
 * LeavingPupils}): the preview names them from those rows and says they left the school; a release takes them out of
 * the chats and their rows, with the VK account, stay for a pupil who comes back; a discard keeps them in the chats,
 * where the member check does not count them as strangers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemovalHoldBrowserTests {

    static final Path SHOTS = Path.of("/tmp/i15-hold");
    static final String PASSWORD = "hold-password-15";
    static final String CLIENT_ID = "51900079";
    static final long COMMUNITY = 227_000_716L;
    static final String COMMUNITY_TOKEN = "vk1.a.removal-hold-browser-tests-school-101-token-8c2f";
    static final long IVANOVA_VK = 700_716_001L, PETROV_VK = 700_716_002L;
    /** The pupils u-p1 … u-p5 of the test package, by sourcedId. */
    static final Map<String, Long> PUPILS_VK = Map.of(
            "u-p1", 700_716_011L,
            "u-p2", 700_716_012L,
            "u-p3", 700_716_013L,
            "u-p4", 700_716_014L,
            "u-p5", 700_716_015L);

    static final long ANNA_VK = PUPILS_VK.get("u-p1"), BORIS_VK = PUPILS_VK.get("u-p2");
    static final long VERA_VK = PUPILS_VK.get("u-p3"), GLEB_VK = PUPILS_VK.get("u-p4");
    static final long DARIA_VK = PUPILS_VK.get("u-p5");
    static final VkEmulator VK = VkEmulator.start(EmulatorConfig.builder()
            .seed(Seed.of(
                    List.of(Seed.Community.of(
                            COMMUNITY,
                            "ГБОУ СОШ № 101 — Сферум",
                            "school_101_hold",
                            Seed.Token.of(COMMUNITY_TOKEN, CommunityPermission.MESSAGES, CommunityPermission.MANAGE))),
                    List.of(
                            Seed.User.of(IVANOVA_VK, "Мария", "Иванова", "ivanova@vk.test", "pw-ivanova"),
                            Seed.User.of(PETROV_VK, "Олег", "Петров", "petrov@vk.test", "pw-petrov"),
                            Seed.User.of(ANNA_VK, "Анна", "Алексеева", "anna@vk.test", "pw-anna"),
                            Seed.User.of(BORIS_VK, "Борис", "Алексеев", "boris@vk.test", "pw-boris"),
                            Seed.User.of(VERA_VK, "Вера", "Васильева", "vera@vk.test", "pw-vera"),
                            Seed.User.of(GLEB_VK, "Глеб", "Григорьев", "gleb@vk.test", "pw-gleb"),
                            Seed.User.of(DARIA_VK, "Дарья", "Дмитриева", "daria@vk.test", "pw-daria")),
                    List.of()))
            .build());

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.api-url", VK::baseUrl);
        registry.add("sferum.vk.id-url", VK::baseUrl);
        registry.add("sferum.vkid.client-id", () -> CLIENT_ID);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    Browser browser;
    HttpClient http = HttpClient.newHttpClient();
    UUID school, task, algebra7a, algebra7b, english7a1;
    /** Who is in each chat when everyone is: the teacher and the pupils (the community left out). */
    Map<UUID, Set<Long>> everyone;
    /** The pairs (journal, VK account) the package without half the pupils takes out of chats. */
    Set<String> leaving;

    @BeforeAll
    void aSchoolWhosePupilsAreAllInTheirChats() throws Exception {
        Files.createDirectories(SHOTS);
        accounts.registerAll(List.of(NewAccount.cityOperator("cityH", "Оператор города")), PASSWORD);
        importPackage("cityH", false);

        school = id("organization", "s-101");
        algebra7a = id("journal", "j-alg-7a");
        algebra7b = id("journal", "j-alg-7b");
        english7a1 = id("journal", "j-eng-7a1");
        var ivanova = id("employee", "u-t1");
        var petrov = id("employee", "u-t2");
        accounts.registerAll(
                List.of(
                        NewAccount.schoolAdmin("adminH", "Смирнова Е. В.", school, id("employee", "u-a1")),
                        NewAccount.teacher("ivanovaH", "Иванова М. П.", school, ivanova),
                        NewAccount.teacher("petrovH", "Петров О. И.", school, petrov)),
                PASSWORD);
        api(
                "adminH",
                "PUT",
                "/api/orgs/" + school + "/sferum-community",
                "{\"communityId\": %d, \"token\": \"%s\"}".formatted(COMMUNITY, COMMUNITY_TOKEN));
        // once a year: the runs of this test are the ones it starts
        var created = api(
                "adminH",
                "POST",
                "/api/orgs/" + school + "/exchange-tasks",
                "{\"type\":\"SFERUM_SYNC\",\"cron\":\"0 0 3 1 1 ?\",\"enabled\":true}");
        task = UUID.fromString(EverydaySteps.json(created).get("id").asString());

        var links = new LinkedVkAccounts(context);
        links.link(PersonKind.EMPLOYEE, ivanova, school, IVANOVA_VK, VK.issueUserToken(IVANOVA_VK));
        links.link(PersonKind.EMPLOYEE, petrov, school, PETROV_VK, VK.issueUserToken(PETROV_VK));
        for (var pupil : PUPILS_VK.entrySet()) {
            links.link(
                    PersonKind.PUPIL,
                    id("pupil", pupil.getKey()),
                    school,
                    pupil.getValue(),
                    VK.issueUserToken(pupil.getValue()));
        }
        // a chat is made for a journal with a video lesson ahead
        var tomorrow = LocalDate.now(clock).plusDays(1);
        for (var journal : Map.of(algebra7a, "ivanovaH", algebra7b, "ivanovaH", english7a1, "petrovH")
                .entrySet()) {
            var lesson = UUID.randomUUID();
            jdbc.sql(
                            """
                            insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at,
                                                       duration_minutes, topic)
                            values (:lesson, :journal, :school, :date, '10:00', 45, 'Повторение')""")
                    .param("lesson", lesson)
                    .param("journal", journal.getKey())
                    .param("school", school)
                    .param("date", tomorrow)
                    .update();
            var teacher = journal.getValue();
            api(teacher, "PUT", "/api/journals/" + journal.getKey() + "/subject-chat", "{\"requested\": true}");
            api(teacher, "PUT", "/api/lessons/" + lesson + "/video-call", "{\"on\": true}");
            api(teacher, "POST", "/api/lessons/" + lesson + "/publish", null);
        }

        everyone = Map.of(
                algebra7a, Set.of(IVANOVA_VK, ANNA_VK, BORIS_VK, VERA_VK),
                algebra7b, Set.of(IVANOVA_VK, GLEB_VK, DARIA_VK),
                english7a1, Set.of(PETROV_VK, ANNA_VK, BORIS_VK));
        leaving = Set.of(
                algebra7a + " " + ANNA_VK,
                algebra7a + " " + BORIS_VK,
                algebra7b + " " + GLEB_VK,
                english7a1 + " " + ANNA_VK,
                english7a1 + " " + BORIS_VK);
        awaitEveryoneInTheirChats();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        VK.close();
    }

    @Test
    @Order(1)
    void aOneRosterImportThatDropsHalfASchoolsPupilsIsHeldUntilAnAdminDecides() throws Exception {
        var links = inviteLinks();
        var history = historySizes();

        var report = importPackage("cityH", true);
        assertThat(report).contains("выбыли из классов и групп (их нет в полном пакете) — 3");
        awaitHeld();
        run();

        assertEveryoneInTheirChats("held: nobody is removed, even after a whole run");
        assertThat(removalsSince(history))
                .as("no removal in the emulator's history")
                .isEmpty();
        assertThat(count("sync.operation where kind = 'REMOVE_MEMBER'")).isZero();
        assertThat(inviteLinks()).as("no link renewed").isEqualTo(links);
        var hold = EverydaySteps.json(api("adminH", "GET", "/api/orgs/" + school + "/removal-hold", null));
        assertThat(hold.get("state").asString()).isEqualTo("HELD");
        assertThat(hold.get("heldRemovals").asInt()).isEqualTo(5);
        assertThat(hold.get("members").asInt()).isEqualTo(10);
        assertThat(hold.get("threshold").asInt()).isOne();
        var previewed = new ArrayList<String>();
        var named = new ArrayList<String>();
        for (var removal : hold.get("removals")) {
            previewed.add(removal.get("journalId").asString() + " "
                    + removal.get("vkUserId").asLong());
            named.add(removal.get("person").asString() + " | "
                    + removal.get("chat").asString() + " | "
                    + removal.get("reason").asString());
        }
        assertThat(previewed).containsExactlyInAnyOrderElementsOf(leaving);
        assertThat(named)
                .as("the rows of the pupils who left name them; the reason says they left the school")
                .contains(
                        "Алексеева Анна Сергеевна | Алгебра 7А | больше не учится в школе: нет ни в одном классе",
                        "Григорьев Глеб Андреевич | Алгебра 7Б | больше не учится в школе: нет ни в одном классе");
        assertThat(EverydaySteps.json(api("cityH", "GET", "/api/readiness", null))
                        .toString())
                .as("the city's overview marks the school")
                .contains("\"removalsHeld\":true");

        // release: exactly the previewed people leave, and the links of their chats are renewed
        api(
                "adminH",
                "POST",
                "/api/orgs/" + school + "/removal-hold/release",
                "{\"holdId\": \"%s\", \"removals\": %d}"
                        .formatted(hold.get("holdId").asString(), previewed.size()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> removalsSince(history).size() == leaving.size()
                        && !inviteLinks().get(algebra7a).equals(links.get(algebra7a))
                        && !inviteLinks().get(algebra7b).equals(links.get(algebra7b))
                        && !inviteLinks().get(english7a1).equals(links.get(english7a1)));
        assertThat(removalsSince(history)).containsExactlyInAnyOrderElementsOf(leaving);
        assertThat(members(algebra7a)).containsExactlyInAnyOrder(IVANOVA_VK, VERA_VK);
        assertThat(members(algebra7b)).containsExactlyInAnyOrder(IVANOVA_VK, DARIA_VK);
        assertThat(members(english7a1)).containsExactlyInAnyOrder(PETROV_VK);
        for (var journal : everyone.keySet()) {
            var dead = VK.joinByLink(ANNA_VK, links.get(journal));
            assertThat(dead.done())
                    .as("the link before the removals no longer works")
                    .isFalse();
        }
        assertThat(jdbc.sql(
                                """
                                select count(*) from school.pupil
                                where external_id in ('u-p1', 'u-p2', 'u-p4') and class_unit_id is null
                                  and sferum_user_id is not null""")
                        .query(Integer.class)
                        .single())
                .as("the rows of the pupils who left stay, with their VK accounts, for a pupil who comes back")
                .isEqualTo(3);
        run();
        assertThat(count("sync.removal_hold where state = 'HELD'")).isZero();

        // discard: the pupils come back, the package drops them again, and the admin keeps them in the chats
        importPackage("cityH", false);
        awaitEveryoneInTheirChats();
        var before = historySizes();
        importPackage("cityH", true);
        awaitHeld();
        var again = EverydaySteps.json(api("adminH", "GET", "/api/orgs/" + school + "/removal-hold", null));
        assertThat(again.get("removals").size()).isEqualTo(leaving.size());
        api(
                "adminH",
                "POST",
                "/api/orgs/" + school + "/removal-hold/discard",
                "{\"holdId\": \"%s\", \"removals\": 0}"
                        .formatted(again.get("holdId").asString()));
        run();
        run();

        assertEveryoneInTheirChats("discarded: everyone stays, whatever the scheduled runs do");
        assertThat(removalsSince(before)).isEmpty();
        assertThat(count("sync.removal_hold where state = 'HELD'")).isZero();
        assertThat(count("sync.chat_stranger"))
                .as("kept people are no strangers")
                .isZero();
        assertThat(count("sync.removal_hold_item")).isEqualTo(leaving.size());
    }

    @Test
    @Order(2)
    void theSchoolAdminSeesTheHoldAndDecidesInTheBrowser() throws Exception {
        importPackage("cityH", false);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("sync.removal_hold_item") == 0);
        awaitEveryoneInTheirChats();
        var history = historySizes();
        browser = new Browser("http://localhost:" + port);
        browser.logIn("adminH", PASSWORD);

        uploadInTheBrowser();
        cityOperatorFindsTheHoldFromTheOverview();
        decideInTheBrowser("removal-hold-release", "Удалить из чатов всех перечисленных (5)?", "выполнены");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> removalsSince(history).size() == leaving.size());
        browser.open("/orgs/" + school + "/removal-hold");
        shot("released");

        importPackage("cityH", false);
        awaitEveryoneInTheirChats();
        var before = historySizes();
        uploadInTheBrowser();
        decideInTheBrowser("removal-hold-discard", "Оставить всех перечисленных (5) в чатах?", "отменены");
        run();
        assertEveryoneInTheirChats("discarded in the browser");
        assertThat(removalsSince(before)).isEmpty();
        shot("discarded");
    }

    /** The school admin uploads the package without half the pupils and opens the hold it makes. */
    private void uploadInTheBrowser() throws IOException {
        var file = Files.createTempFile("oneroster-", ".zip");
        Files.write(file, zip(withoutHalfThePupils(testPackage())));
        browser.open("/import/oneroster");
        browser.driver().findElement(By.id("oneroster-file")).sendKeys(file.toString());
        browser.click(By.id("oneroster-submit"));
        assertThat(browser.text(By.id("oneroster-roster"))).contains("выбыли из классов и групп");
        Files.delete(file);
        awaitHeld();
        browser.open("/orgs/" + school + "/removal-hold");
        assertThat(browser.text(By.id("removal-hold-badge"))).isEqualTo("на удержании");
        assertThat(browser.driver().findElements(By.className("removal-hold-row")))
                .hasSize(leaving.size());
        assertThat(browser.text(By.id("removal-hold-removals")))
                .contains("Алексеев Борис Сергеевич", "Английский язык 7А (1 группа)", "больше не учится в школе");
        shot("hold");
    }

    /** The city's readiness overview marks the school «на удержании», linking to its hold. */
    private void cityOperatorFindsTheHoldFromTheOverview() {
        logOut();
        browser.logIn("cityH", PASSWORD);
        browser.open("/readiness");
        browser.waitFor(By.id("readiness-table"));
        var badges = browser.driver().findElements(By.className("readiness-removals-held"));
        assertThat(badges)
                .as("one school held; the page says: %s", browser.pageText())
                .hasSize(1);
        // the table is below the fold: scrolled at once, so that the screenshot shows the badge and a click lands
        browser.driver()
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", badges.get(0));
        shot("overview");
        assertThat(badges.get(0).getText()).isEqualTo("на удержании");
        assertThat(badges.get(0)
                        .findElement(By.xpath("ancestor::tr"))
                        .findElement(By.className("readiness-school-link"))
                        .getText())
                .isEqualTo("ГБОУ СОШ № 101");
        badges.get(0).click();
        assertThat(browser.text(By.id("removal-hold-badge"))).isEqualTo("на удержании");
        assertThat(browser.currentPath()).isEqualTo("/orgs/" + school + "/removal-hold");
        logOut();
        browser.logIn("adminH", PASSWORD);
        browser.open("/orgs/" + school + "/removal-hold");
    }

    private void logOut() {
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));
    }

    /** Clicks a decision, accepts its confirmation and waits for the page to tell the outcome. */
    private void decideInTheBrowser(String button, String question, String outcome) {
        // below the fold: scrolled at once, not smoothly as Bootstrap's CSS asks, so that the click lands on it
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                        browser.waitFor(By.id(button)));
        browser.click(By.id(button));
        var confirm = browser.driver().switchTo().alert();
        assertThat(confirm.getText()).startsWith(question);
        confirm.accept();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.text(By.id("removal-hold-status"))
                .contains(outcome));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(
                        browser.driver().findElements(By.id("removal-hold-badge")))
                .as("the badge «на удержании» is gone once the hold is decided")
                .isEmpty());
    }

    private void awaitHeld() {
        await().atMost(Duration.ofSeconds(20)).until(() -> count("sync.removal_hold where state = 'HELD'") == 1);
    }

    private void awaitEveryoneInTheirChats() {
        await().atMost(Duration.ofSeconds(60)).until(() -> everyone.entrySet().stream()
                .allMatch(chat -> Set.copyOf(members(chat.getKey())).equals(chat.getValue())));
        settle();
    }

    private void assertEveryoneInTheirChats(String why) {
        for (var chat : everyone.entrySet()) {
            assertThat(members(chat.getKey())).as(why).containsExactlyInAnyOrderElementsOf(chat.getValue());
        }
    }

    /** Runs SFERUM_SYNC now, as the schedule would, and waits until the run and the queue end. */
    private void run() throws Exception {
        var run = EverydaySteps.json(api("adminH", "POST", "/api/exchange-tasks/" + task + "/runs", null))
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select status from exchange.run where id = cast(:run as uuid)")
                        .param("run", run)
                        .query(String.class)
                        .single()
                        .matches("SUCCEEDED|PARTIAL|FAILED"));
        settle();
    }

    private void settle() {
        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ofMillis(300))
                .until(() -> count("sync.operation where status in ('PENDING', 'RUNNING')") == 0);
    }

    /** Uploads the test package over the API, whole or without half the pupils; returns the import's report. */
    private String importPackage(String who, boolean withoutHalf) throws Exception {
        var files = testPackage();
        var boundary = "----hold" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"package.zip\"\r\n"
                        + "Content-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(zip(withoutHalf ? withoutHalfThePupils(files) : files));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import/oneroster"))
                        .header("Authorization", basic(who))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The full package without Анна Алексеева, Борис Алексеев (7А) and Глеб Григорьев (7Б); their parents stay. */
    private static Map<String, String> withoutHalfThePupils(Map<String, String> pkg) {
        var edited = new LinkedHashMap<String, String>(pkg);
        edited.put(
                "users.csv",
                without(pkg.get("users.csv"), "u-p1,", "u-p2,", "u-p4,")
                        .replace("\"u-p1,u-p2\"", "")
                        .replace("olga@example.test,,,u-p4,", "olga@example.test,,,,"));
        edited.put("roles.csv", without(pkg.get("roles.csv"), "r-p1,", "r-p2,", "r-p4,"));
        edited.put(
                "enrollments.csv",
                without(
                        pkg.get("enrollments.csv"),
                        "e-03,",
                        "e-04,",
                        "e-06,",
                        "e-09,",
                        "e-10,",
                        "e-13,",
                        "e-16,",
                        "e-17,",
                        "e-20,"));
        return edited;
    }

    private static String without(String csv, String... prefixes) {
        var kept = new StringBuilder();
        for (var line : csv.lines().toList()) {
            if (java.util.Arrays.stream(prefixes).noneMatch(line::startsWith)) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static Map<String, String> testPackage() {
        var files = new LinkedHashMap<String, String>();
        for (var file : List.of(
                "manifest.csv",
                "orgs.csv",
                "academicSessions.csv",
                "courses.csv",
                "classes.csv",
                "users.csv",
                "roles.csv",
                "enrollments.csv")) {
            try {
                files.put(
                        file,
                        new ClassPathResource("oneroster/valid/" + file).getContentAsString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, String> files) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Each chat's invite link in the emulator now. */
    private Map<UUID, String> inviteLinks() {
        var links = new HashMap<UUID, String>();
        for (var journal : everyone.keySet()) {
            links.put(journal, chat(journal).inviteLink());
        }
        return links;
    }

    private Map<UUID, Integer> historySizes() {
        var sizes = new HashMap<UUID, Integer>();
        for (var journal : everyone.keySet()) {
            sizes.put(journal, chat(journal).history().size());
        }
        return sizes;
    }

    /** The removals in the emulator's history of each chat since the given sizes: «journal vkUser». */
    private List<String> removalsSince(Map<UUID, Integer> sizes) {
        var removals = new ArrayList<String>();
        for (var journal : everyone.keySet()) {
            var history = chat(journal).history();
            for (var change : history.subList(sizes.get(journal), history.size())) {
                if (!change.bringsIn()) {
                    removals.add(journal + " " + change.memberId());
                }
            }
        }
        return removals;
    }

    /** The journal's chat in the emulator, found by the chat_id the community knows it by; null before it exists. */
    private EmulatorSnapshot.Chat chat(UUID journal) {
        var chatId = jdbc.sql("select chat_id from sync.chat where journal_id = :journal and state = 'ACTIVE'")
                .param("journal", journal)
                .query(Long.class)
                .optional();
        return chatId.map(id -> VK.snapshot().chatOf(-COMMUNITY, id)).orElse(null);
    }

    /** The people in the journal's chat (the community left out). */
    private List<Long> members(UUID journal) {
        var chat = chat(journal);
        return chat == null
                ? List.of()
                : chat.activeMembers().stream()
                        .map(EmulatorSnapshot.Member::memberId)
                        .filter(member -> member > 0)
                        .toList();
    }

    private int count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }

    private UUID id(String table, String sourcedId) {
        return jdbc.sql("select id from school." + table + " where external_id = :id")
                .param("id", sourcedId)
                .query(UUID.class)
                .single();
    }

    private void shot(String name) {
        try {
            Files.copy(browser.screenshot(name), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String basic(String who) {
        return "Basic " + Base64.getEncoder().encodeToString((who + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Calls the API over HTTP as {@code who} and expects a 2xx answer; returns its body. */
    private String api(String who, String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(who))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s %s → %s", who, method, path, response.body())
                .isBetween(200, 299);
        return response.body();
    }
}
