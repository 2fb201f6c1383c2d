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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
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
import org.openqa.selenium.NoSuchElementException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
 * Issue 15's acceptance 1 and 3 in a real browser against the emulator, with no «Запустить сейчас» anywhere: the
 * school comes from a OneRoster import (the test package: 7А with Алгебра 7А, 7Б with Алгебра 7Б, both taught by
 * Иванова); a pupil (Вера Васильева, 7А) and a parent (Сергей Алексеев, father of Анна and Борис of 7А) link VK ID
 * in «Чаты» and are put into Алгебра 7А's chat; an import moves Вера to 7Б (she leaves the old chat, joins the new
 * one, the old link dies); an import gives Алгебра 7Б to Петров (he joins before Иванова is removed).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms", "sferum.sync.hold.share=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatMembershipBrowserTests {

    static final Path SHOTS = Path.of("/tmp/i15-walk");
    static final String PASSWORD = "walk-password-15";
    static final String CLIENT_ID = "51900078";
    static final long COMMUNITY = 227_000_715L;
    static final String COMMUNITY_TOKEN = "vk1.a.chat-membership-browser-tests-school-101-token-5d1e";
    static final long IVANOVA_VK = 700_715_001L, PETROV_VK = 700_715_002L;
    static final long VERA_VK = 700_715_003L, SERGEY_VK = 700_715_004L, STRANGER_VK = 700_715_009L;
    static final String T = "2026-08-20T10:00:00.000Z";
    static final VkEmulator VK = VkEmulator.start(EmulatorConfig.builder()
            .seed(Seed.of(
                    List.of(Seed.Community.of(
                            COMMUNITY,
                            "ГБОУ СОШ № 101 — Сферум",
                            "school_101_sferum",
                            Seed.Token.of(COMMUNITY_TOKEN, CommunityPermission.MESSAGES, CommunityPermission.MANAGE))),
                    List.of(
                            Seed.User.of(IVANOVA_VK, "Мария", "Иванова", "ivanova@vk.test", "pw-ivanova"),
                            Seed.User.of(PETROV_VK, "Олег", "Петров", "petrov@vk.test", "pw-petrov"),
                            Seed.User.of(VERA_VK, "Вера", "Васильева", "vera@vk.test", "pw-vera"),
                            Seed.User.of(SERGEY_VK, "Сергей", "Алексеев", "sergey@vk.test", "pw-sergey"),
                            Seed.User.of(STRANGER_VK, "Чужой", "Человек", "stranger@vk.test", "pw-stranger")),
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
    UUID school, task, algebra7a, algebra7b, vera, anna, sergey, ivanova, petrov;
    /** Алгебра 7А's invite link before anyone was removed from the chat, as Вера may have forwarded it. */
    String firstLink;

    @BeforeAll
    void aSchoolImportedWithItsCommunityAndTwoAlgebraChats() throws Exception {
        Files.createDirectories(SHOTS);
        VK.addClient(Seed.Client.of(CLIENT_ID, "http://localhost:" + port + "/diary/vkid/callback"));
        accounts.registerAll(List.of(NewAccount.cityOperator("cityW", "Оператор города")), PASSWORD);
        browser = new Browser("http://localhost:" + port);

        browser.logIn("cityW", PASSWORD);
        importPackage(UnaryOperator.identity(), null, "walk-00-first-import");
        logOut();

        school = id("organization", "s-101");
        algebra7a = id("journal", "j-alg-7a");
        algebra7b = id("journal", "j-alg-7b");
        vera = id("pupil", "u-p3");
        anna = id("pupil", "u-p1");
        sergey = id("parent", "u-g1");
        ivanova = id("employee", "u-t1");
        petrov = id("employee", "u-t2");
        accounts.registerAll(
                List.of(
                        NewAccount.schoolAdmin("adminW", "Смирнова Е. В.", school, id("employee", "u-a1")),
                        NewAccount.teacher("ivanovaW", "Иванова М. П.", school, ivanova),
                        NewAccount.pupil("veraW", "Васильева В.", school, vera),
                        NewAccount.pupil("annaW", "Алексеева А.", school, anna),
                        NewAccount.parent("sergeyW", "Алексеев С. Н.", school, sergey)),
                PASSWORD);

        api(
                "adminW",
                "PUT",
                "/api/orgs/" + school + "/sferum-community",
                "{\"communityId\": %d, \"token\": \"%s\"}".formatted(COMMUNITY, COMMUNITY_TOKEN));
        // once a year: no scheduled run may stand in for the events this test is about
        var created = api(
                "adminW",
                "POST",
                "/api/orgs/" + school + "/exchange-tasks",
                "{\"type\":\"SFERUM_SYNC\",\"cron\":\"0 0 3 1 1 ?\",\"enabled\":true}");
        task = UUID.fromString(created.replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));

        var links = new LinkedVkAccounts(context);
        links.link(PersonKind.EMPLOYEE, ivanova, school, IVANOVA_VK, VK.issueUserToken(IVANOVA_VK));
        links.link(PersonKind.EMPLOYEE, petrov, school, PETROV_VK, VK.issueUserToken(PETROV_VK));
        var tomorrow = LocalDate.now(clock).plusDays(1);
        for (var journal : List.of(algebra7a, algebra7b)) {
            var lesson = UUID.randomUUID();
            jdbc.sql(
                            """
                            insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at,
                                                       duration_minutes, topic)
                            values (:lesson, :journal, :school, :date, '10:00', 45, 'Многочлены')""")
                    .param("lesson", lesson)
                    .param("journal", journal)
                    .param("school", school)
                    .param("date", tomorrow)
                    .update();
            api("ivanovaW", "PUT", "/api/journals/" + journal + "/subject-chat", "{\"requested\": true}");
            api("ivanovaW", "PUT", "/api/lessons/" + lesson + "/video-call", "{\"on\": true}");
            api("ivanovaW", "POST", "/api/lessons/" + lesson + "/publish", null);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> chat(algebra7a) != null
                        && chat(algebra7b) != null
                        && members(algebra7a).contains(IVANOVA_VK)
                        && members(algebra7b).contains(IVANOVA_VK));
        assertThat(members(algebra7a)).containsOnly(IVANOVA_VK);
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
    void aPupilAndAParentLinkVkIdAndAreInTheChatWithoutAClick() {
        browser.logIn("veraW", PASSWORD);
        browser.click(By.id("diary-nav-chats"));
        assertThat(browser.text(By.id("vkid-not-linked"))).startsWith("VK ID не привязан");
        assertThat(memberState(algebra7a)).isEqualTo("привяжите VK ID, чтобы вас добавили");
        shot("walk-01-pupil-chats-not-linked");
        linkVkId("vera@vk.test", "pw-vera", "walk-02-pupil-vk-id-login");

        await().atMost(Duration.ofSeconds(30)).until(() -> members(algebra7a).contains(VERA_VK));
        assertThat(chat(algebra7a).members())
                .filteredOn(member -> member.memberId() == VERA_VK)
                .singleElement()
                .satisfies(member -> assertThat(member.invitedBy())
                        .as("she joined by the link with her own token")
                        .isEqualTo(VERA_VK));
        awaitMemberState(algebra7a, "вы в чате");
        shot("walk-03-pupil-in-chat");
        logOut();

        browser.logIn("adminW", PASSWORD);
        browser.open("/orgs/" + school + "/chat-policy");
        assertThat(browser.driver().findElement(By.id("parents-in-chats")).isSelected())
                .isFalse();
        browser.click(By.id("parents-in-chats"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.text(By.id("chat-policy-updated")).startsWith("Изменено"));
        assertThat(browser.driver().findElement(By.id("parents-in-chats")).isSelected())
                .isTrue();
        shot("walk-04-admin-parents-in-chats-on");
        logOut();

        browser.logIn("sergeyW", PASSWORD);
        browser.open("/diary/chats?child=" + anna);
        assertThat(browser.text(By.id("vkid-not-linked"))).contains("вашу, а не ребёнка");
        shot("walk-05-parent-chats-not-linked");
        linkVkId("sergey@vk.test", "pw-sergey", "walk-06-parent-vk-id-login");

        await().atMost(Duration.ofSeconds(30)).until(() -> members(algebra7a).contains(SERGEY_VK));
        browser.open("/diary/chats?child=" + anna);
        awaitMemberState(algebra7a, "вы в чате", "/diary/chats?child=" + anna);
        assertThat(members(algebra7a)).containsExactlyInAnyOrder(IVANOVA_VK, VERA_VK, SERGEY_VK);
        shot("walk-07-parent-in-chat");
        logOut();
        firstLink = chat(algebra7a).inviteLink();
        assertThat(firstLink).isNotNull();
        assertThat(runs()).as("no SFERUM_SYNC run: the events did it").isZero();
    }

    @Test
    @Order(2)
    void aPupilMovedByAnImportLeavesTheOldChatWhoseLinkDiesAndJoinsTheNewOne() {
        browser.logIn("annaW", PASSWORD);
        browser.open("/diary/chats");
        assertThat(joinLink(algebra7a)).isEqualTo(firstLink);
        logOut();

        browser.logIn("cityW", PASSWORD);
        importPackage(
                ChatMembershipBrowserTests::veraIn7b,
                "журналов с изменившимся составом чата — 2",
                "walk-08-import-moves-vera");
        logOut();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !members(algebra7a).contains(VERA_VK)
                        && members(algebra7b).contains(VERA_VK)
                        && !firstLink.equals(chat(algebra7a).inviteLink()));
        assertThat(members(algebra7a)).containsExactlyInAnyOrder(IVANOVA_VK, SERGEY_VK);
        assertThat(members(algebra7b)).containsExactlyInAnyOrder(IVANOVA_VK, VERA_VK);
        assertThat(chat(algebra7a).members())
                .filteredOn(member -> member.memberId() == VERA_VK)
                .singleElement()
                .extracting(EmulatorSnapshot.Member::state)
                .isEqualTo("kicked");

        var dead = VK.joinByLink(STRANGER_VK, firstLink);
        assertThat(dead.done()).as("the old link no longer works").isFalse();
        assertThat(dead.errorCode()).isEqualTo(917);
        assertThat(members(algebra7a)).doesNotContain(STRANGER_VK);

        var newLink = chat(algebra7a).inviteLink();
        browser.logIn("annaW", PASSWORD);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.open("/diary/chats");
            return newLink.equals(joinLink(algebra7a));
        });
        shot("walk-09-classmate-sees-new-link");
        logOut();

        browser.logIn("veraW", PASSWORD);
        browser.open("/diary/chats");
        awaitMemberState(algebra7b, "вы в чате");
        assertThat(browser.driver().findElements(By.id("chat-" + algebra7a)))
                .as("the old class's chat is no longer hers")
                .isEmpty();
        assertThat(browser.pageText()).doesNotContain(firstLink).doesNotContain(newLink);
        shot("walk-10-moved-pupil-chats");
        logOut();
        assertThat(runs()).as("no SFERUM_SYNC run: the import's event did it").isZero();
    }

    @Test
    @Order(3)
    void aTeacherReplacedByAnImportJoinsBeforeTheFormerOneIsRemoved() {
        var chat = chat(algebra7b);
        var before = chat.history().size();

        browser.logIn("cityW", PASSWORD);
        importPackage(
                pkg -> petrovTeaches7b(veraIn7b(pkg)),
                "журналов с изменившимся составом чата — 1",
                "walk-11-import-replaces-teacher");
        logOut();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> members(algebra7b).contains(PETROV_VK)
                        && !members(algebra7b).contains(IVANOVA_VK));
        assertThat(members(algebra7b)).containsExactlyInAnyOrder(PETROV_VK, VERA_VK);
        assertThat(members(algebra7a)).as("Иванова still teaches 7А").contains(IVANOVA_VK);

        var history = chat(algebra7b).history();
        assertThat(history.subList(before, history.size()))
                .extracting(change -> change.change() + " " + change.memberId())
                .as("the new teacher joined first, then the former one was removed")
                .containsExactly("joined " + PETROV_VK, "removed " + IVANOVA_VK);
        var teachers = Set.of(IVANOVA_VK, PETROV_VK);
        var firstTeacher = history.stream()
                .filter(change -> teachers.contains(change.memberId()))
                .findFirst()
                .orElseThrow();
        var replay = chat(algebra7b);
        writeHistory(replay, "walk-13-algebra-7b-history.txt");
        for (var change : history) {
            if (change.seq() >= firstTeacher.seq()) {
                assertThat(replay.membersAfter(change.seq()))
                        .as(
                                "a teacher in the chat right after change %d (%s %d)",
                                change.seq(), change.change(), change.memberId())
                        .containsAnyElementsOf(teachers);
            }
        }
        browser.logIn("veraW", PASSWORD);
        browser.open("/diary/chats");
        awaitMemberState(algebra7b, "вы в чате");
        shot("walk-12-pupil-chats-after-teacher-change");
        logOut();
        assertThat(runs()).as("no SFERUM_SYNC run: the import's event did it").isZero();
    }

    private void linkVkId(String login, String password, String screenshot) {
        browser.click(By.id("vkid-link"));
        browser.waitFor(By.id("vkid-login-form"));
        assertThat(browser.title()).isEqualTo("Вход — VK ID");
        browser.type(By.id("login"), login).type(By.id("password"), password);
        shot(screenshot);
        browser.click(By.id("submit"));
        assertThat(browser.text(By.id("vkid-status"))).isEqualTo("VK ID привязан");
    }

    /** The chat's membership history, replayed, next to the screenshots: each change and who was in right after it. */
    private static void writeHistory(EmulatorSnapshot.Chat chat, String name) {
        var text = new StringBuilder("seq\tchange\tmember\tactor\tmembers after\n");
        for (var change : chat.history()) {
            text.append("%d\t%s\t%d\t%d\t%s\n"
                    .formatted(
                            change.seq(),
                            change.change(),
                            change.memberId(),
                            change.actorId(),
                            chat.membersAfter(change.seq())));
        }
        try {
            Files.writeString(SHOTS.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads the test package, edited, on the import page; waits for the report, which tells the roster change. */
    private void importPackage(UnaryOperator<Map<String, String>> edit, String rosterChange, String screenshot) {
        var zip = zip(edit.apply(testPackage()));
        try {
            var file = Files.createTempFile("oneroster-", ".zip");
            Files.write(file, zip);
            browser.open("/import/oneroster");
            browser.driver().findElement(By.id("oneroster-file")).sendKeys(file.toString());
            browser.click(By.id("oneroster-submit"));
            assertThat(browser.text(By.id("oneroster-summary"))).isNotBlank();
            assertThat(browser.driver().findElements(By.id("oneroster-problems")))
                    .isEmpty();
            if (rosterChange != null) {
                assertThat(browser.text(By.id("oneroster-roster"))).contains(rosterChange);
            }
            // the report is below the fold; scrolled at once, not smoothly as Bootstrap's CSS asks
            browser.driver()
                    .executeScript(
                            "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})",
                            browser.waitFor(By.id("oneroster-report")));
            shot(screenshot);
            Files.delete(file);
            // back at the top of a fresh page, so that the header's «Выйти» is where a click lands
            browser.open("/import/oneroster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Вера Васильева (u-p3) in 7Б and its algebra instead of 7А's, as RosterChangeTests moves her. */
    private static Map<String, String> veraIn7b(Map<String, String> pkg) {
        return replace(
                replace(pkg, "enrollments.csv", "e-05,active," + T + ",k-7a", "e-05,active," + T + ",k-7b"),
                "enrollments.csv",
                "e-11,active," + T + ",j-alg-7a",
                "e-11,active," + T + ",j-alg-7b");
    }

    /** Петров (u-t2) teaches Алгебра 7Б instead of Иванова (u-t1). */
    private static Map<String, String> petrovTeaches7b(Map<String, String> pkg) {
        return replace(pkg, "enrollments.csv", "j-alg-7b,s-101,u-t1", "j-alg-7b,s-101,u-t2");
    }

    private static Map<String, String> replace(Map<String, String> pkg, String file, String from, String to) {
        assertThat(pkg.get(file)).contains(from);
        pkg.put(file, pkg.get(file).replace(from, to));
        return pkg;
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

    /** The member line of a journal's row in «Чаты», as the page shows it now. */
    private String memberState(UUID journal) {
        return browser.driver()
                .findElement(By.id("chat-" + journal))
                .findElement(By.className("diary-chat-member"))
                .getText();
    }

    private void awaitMemberState(UUID journal, String expected) {
        awaitMemberState(journal, expected, "/diary/chats");
    }

    /** Reloads the page until the journal's row says {@code expected}: the diary shows what the engine recorded. */
    private void awaitMemberState(UUID journal, String expected, String page) {
        await().atMost(Duration.ofSeconds(20))
                .ignoreException(NoSuchElementException.class)
                .until(() -> {
                    browser.open(page);
                    return memberState(journal).equals(expected);
                });
    }

    /** The «Вступить в чат» link of a journal's row, null when the row has none. */
    private String joinLink(UUID journal) {
        var join = browser.driver().findElement(By.id("chat-" + journal)).findElements(By.className("diary-chat-join"));
        return join.isEmpty() ? null : join.get(0).getAttribute("href");
    }

    private void logOut() {
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));
    }

    private void shot(String name) {
        try {
            Files.copy(browser.screenshot(name), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private int runs() {
        return jdbc.sql("select count(*) from exchange.run where task_id = :task")
                .param("task", task)
                .query(Integer.class)
                .single();
    }

    private UUID id(String table, String sourcedId) {
        return jdbc.sql("select id from school." + table + " where external_id = :id")
                .param("id", sourcedId)
                .query(UUID.class)
                .single();
    }

    /** Calls the API over HTTP as {@code who} and expects a 2xx answer; returns its body. */
    private String api(String who, String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((who + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
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
