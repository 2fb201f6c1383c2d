package ru.paragraf.sferum.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.sferum.browser.Browser;
import ru.paragraf.sferum.diary.LinkedVkAccounts;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;
import tools.jackson.databind.JsonNode;

/**
 * «Закрыть учебный год» (issue 17, acceptance 4) on the demo city as the README's run command starts it: embedded
 * database, demo data, the in-process VK emulator, on a Sunday (the application's clock runs from 10:00 of the next
 * one). Two demo schools connect their SFERUM_SYNC as the demo walk does; in each, the featured teacher holds a lesson
 * of the coming days by video in two class journals, with some pupils and parents linked to VK. School 1 keeps the
 * members of its archived chats, school 2 empties them. Each admin's preview lists N chats / M calls / K members, and
 * after the confirmation the emulator shows exactly that: N chats renamed «<title> · <year>» with the closing message
 * pinned, M calls finished, K pupils and parents out. A second close is 409 and a full SFERUM_SYNC run changes
 * nothing in VK. Then the city opens the next year through the OneRoster import, moving a class up (7А → 8А): its
 * first video lesson makes a new chat, and the archived one stays as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoYearCloseTests {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final Path SHOTS = Path.of("/tmp/i17-demo");
    static final int KEEPS = 1, EMPTIES = 2;
    static final long FIRST_VK_USER = 760_000_000L;

    @TempDir
    static Path directory;

    ConfigurableApplicationContext application;
    String baseUrl;
    DemoApi api;
    JdbcClient jdbc;
    VkEmulator vk;
    LocalDate today;
    long nextVkUser = FIRST_VK_USER;
    final Map<Integer, School> schools = new HashMap<>();
    final Map<Integer, JsonNode> previews = new HashMap<>();
    Map<String, Long> callsBeforeRun;

    /** A demo school as the test set it up: its community, admin, featured teacher and the published lessons. */
    record School(
            int number,
            UUID organization,
            long community,
            String admin,
            String teacher,
            long teacherVk,
            UUID task,
            List<UUID> journals,
            List<UUID> lessons,
            Set<Long> pupilsAndParentsVk) {}

    @BeforeAll
    void startTheDemoAndConnectTwoSchoolsWithChatsCallsAndMembers() throws Exception {
        today = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        var now = today.atTime(10, 0).atZone(ZONE).toInstant();
        var clock = Clock.offset(Clock.system(ZONE), Duration.between(Instant.now(), now));
        application = new SpringApplicationBuilder(SferumApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("demoYearClock", clock))
                .run(
                        "--server.port=0",
                        "--sferum.embedded.database.data-directory=" + directory.resolve("pg"),
                        "--sferum.demo.enabled=true",
                        "--spring.main.banner-mode=off");
        baseUrl = "http://localhost:" + application.getEnvironment().getProperty("local.server.port");
        api = new DemoApi(baseUrl);
        jdbc = application.getBean(JdbcClient.class);
        vk = application.getBean("vkEmulator", VkEmulator.class);
        schools.put(KEEPS, connect(KEEPS, false));
        schools.put(EMPTIES, connect(EMPTIES, true));
        for (var school : schools.values()) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> school.journals().stream().allMatch(journal -> chatOf(school, journal)
                            .map(chat -> active(chat).contains(school.teacherVk())
                                    && active(chat).containsAll(expectedMembers(school, journal)))
                            .orElse(false)));
        }
        settle();
    }

    @AfterAll
    void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    @Order(1)
    void theDemoSchoolAdminSeesTheButtonAndThePreview() throws Exception {
        var school = schools.get(KEEPS);
        Files.createDirectories(SHOTS);
        try (var browser = new Browser(baseUrl)) {
            browser.logIn(school.admin(), "demo");
            browser.open("/orgs/" + school.organization() + "/linkbase");
            browser.click(By.id("tab-year-close"));
            assertThat(browser.text(By.id("year-close-chats"))).contains("2");
            assertThat(browser.text(By.id("year-close-calls"))).contains("2");
            assertThat(browser.pageText()).contains(" · " + yearTitle(), "Закрыть учебный год");
            Files.copy(
                    browser.screenshot("demo-year-close-preview"),
                    SHOTS.resolve("year-close-preview.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            browser.driver()
                    .executeScript(
                            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                            browser.waitFor(By.id("year-close-start")));
            browser.click(By.id("year-close-start"));
            browser.driver()
                    .executeScript(
                            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                            browser.waitFor(By.id("year-close-confirm")));
            assertThat(browser.text(By.id("year-close-confirmation"))).contains(yearTitle());
            Files.copy(
                    browser.screenshot("demo-year-close-confirmation"),
                    SHOTS.resolve("year-close-confirmation.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(count("sync.year_close")).as("looking closes nothing").isZero();
    }

    @Test
    @Order(2)
    void eachAdminsPreviewListsTheChatsCallsAndMembersOfTheYear() {
        for (var school : schools.values()) {
            var preview = api.call(school.admin(), "GET", "/api/orgs/" + school.organization() + "/year-close", null);
            previews.put(school.number(), preview);
            assertThat(preview.get("closed").asBoolean()).isFalse();
            assertThat(preview.get("year").asString()).isEqualTo(yearTitle());
            assertThat(preview.get("chats").size())
                    .as("school %d's chats", school.number())
                    .isEqualTo(school.journals().size());
            for (var chat : preview.get("chats")) {
                assertThat(chat.get("newTitle").asString())
                        .isEqualTo(chat.get("title").asString() + " · " + yearTitle());
            }
            assertThat(preview.get("callsToFinish").asInt())
                    .isEqualTo(school.lessons().size());
            // each chat's pupils and parents: a pupil in two of the teacher's journals is counted in each chat
            var inChats = school.journals().stream()
                    .map(journal -> chatOf(school, journal).orElseThrow())
                    .mapToLong(chat -> active(chat).stream()
                            .filter(school.pupilsAndParentsVk()::contains)
                            .count())
                    .sum();
            assertThat(inChats)
                    .isGreaterThanOrEqualTo(school.pupilsAndParentsVk().size());
            assertThat(preview.get("membersToRemove").asLong())
                    .as("school %d's pupils and parents to take out", school.number())
                    .isEqualTo(school.number() == EMPTIES ? inChats : 0);
        }
    }

    @Test
    @Order(3)
    void closingTheYearArchivesInTheEmulatorExactlyWhatThePreviewSaid() {
        var callsBefore = activeCallsByStarter();
        for (var school : schools.values()) {
            var closed = api.call(
                    school.admin(),
                    "POST",
                    "/api/orgs/" + school.organization() + "/year-close",
                    "{\"year\":\"" + previews.get(school.number()).get("yearId").asString() + "\"}");
            assertThat(closed.get("closed").asBoolean()).isTrue();
        }
        for (var school : schools.values()) {
            var newTitles = new LinkedHashSet<String>();
            previews.get(school.number())
                    .get("chats")
                    .forEach(chat -> newTitles.add(chat.get("newTitle").asString()));
            await().atMost(Duration.ofSeconds(60)).until(() -> school.journals().stream()
                    .map(journal -> chatOf(school, journal))
                    .allMatch(chat -> chat.isPresent()
                            && newTitles.contains(chat.get().title())
                            && chat.get().pinnedMessage().isPresent()));
        }
        settle();

        for (var school : schools.values()) {
            var preview = previews.get(school.number());
            var chats = school.journals().stream()
                    .map(journal -> chatOf(school, journal).orElseThrow())
                    .toList();
            assertThat(vk.chats())
                    .filteredOn(chat -> chat.ownerId() == -school.community()
                            && chat.title().endsWith(" · " + yearTitle()))
                    .as("school %d: N chats archived", school.number())
                    .hasSize(preview.get("chats").size());
            for (var chat : chats) {
                assertThat(chat.pinnedMessage()).hasValueSatisfying(message -> assertThat(message.text())
                        .contains("Учебный год " + yearTitle() + " закрыт")
                        .contains("«" + chat.title() + "»"));
                assertThat(chat.messages().stream().filter(m -> "chat_title_update".equals(m.action())))
                        .hasSize(1);
            }
            var finished = callsBefore.getOrDefault(school.teacherVk(), 0L)
                    - activeCallsByStarter().getOrDefault(school.teacherVk(), 0L);
            assertThat(finished)
                    .as("school %d: M calls finished", school.number())
                    .isEqualTo(preview.get("callsToFinish").asLong());
            var out = chats.stream()
                    .flatMap(chat -> chat.members().stream())
                    .filter(member -> member.state().equals("kicked"))
                    .map(EmulatorSnapshot.Member::memberId)
                    .toList();
            assertThat(out)
                    .as("school %d: K pupils and parents out", school.number())
                    .hasSize(preview.get("membersToRemove").asInt())
                    .allMatch(school.pupilsAndParentsVk()::contains);
            var stillIn = chats.stream().flatMap(chat -> active(chat).stream()).toList();
            assertThat(stillIn).contains(school.teacherVk());
            if (school.number() == KEEPS) {
                assertThat(stillIn).containsAll(school.pupilsAndParentsVk());
            }
            assertThat(count(
                            "sync.chat where organization_id = '" + school.organization() + "' and state = 'ARCHIVED'"))
                    .as("the ledger")
                    .isEqualTo(preview.get("chats").size());
            assertThat(count("sync.call where organization_id = '" + school.organization() + "' and state = 'ACTIVE'"))
                    .isZero();
            var after = api.call(school.admin(), "GET", "/api/orgs/" + school.organization() + "/year-close", null);
            assertThat(after.get("closed").asBoolean()).isTrue();
            assertThat(after.get("chats").size()).isEqualTo(preview.get("chats").size());
        }
    }

    @Test
    @Order(4)
    void aSecondCloseIsRefusedAndAFullRunChangesNothingInVk() {
        var before = vk.chats();
        var stats = vk.stats();
        for (var school : schools.values()) {
            var again = api.send(
                    school.admin(),
                    "POST",
                    "/api/orgs/" + school.organization() + "/year-close",
                    "{\"year\":\"" + previews.get(school.number()).get("yearId").asString() + "\"}");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
            assertThat(again.body()).contains("уже закрыт");
            runNow(school);
        }

        assertThat(vk.chats()).as("titles, messages, members of every chat").isEqualTo(before);
        var after = vk.stats();
        for (var method : List.of(
                "messages.send",
                "messages.editChat",
                "messages.pin",
                "messages.removeChatUser",
                "messages.addChatUser",
                "messages.createChat",
                "calls.start",
                "calls.forceFinish")) {
            assertThat(after.callsOf(method)).as(method).isEqualTo(stats.callsOf(method));
        }
        assertThat(count("audit.entry where action = 'ACADEMIC_YEAR_CLOSED'")).isEqualTo(2);
    }

    @Test
    @Order(5)
    void theNextYearsFirstVideoLessonOfAClassMovedUpMakesANewChat() {
        var school = schools.get(KEEPS);
        var journal = school.journals().get(0);
        var archived = chatOf(school, journal).orElseThrow();
        var moved = NextYear.of(jdbc, school.organization(), journal, school.teacher());

        var report = api.upload("city", "/api/import/oneroster", "next-year.zip", moved.rosterPackage());
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        var newJournal = moved.journal(jdbc);
        assertThat(newJournal).as("a new journal, not the old one renamed").isNotEqualTo(journal);
        assertThat(jdbc.sql("select count(*) from school.journal_teacher where journal_id = :journal")
                        .param("journal", newJournal)
                        .query(Integer.class)
                        .single())
                .isOne();
        // lessons are the journal's own (Параграф has no API that writes them): the first lesson of the year
        var lesson = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at,
                                                   duration_minutes, topic, publication)
                        values (:id, :journal, :organization, :date, time '09:00', 45, 'Повторение', 'DRAFT')""")
                .param("id", lesson)
                .param("journal", newJournal)
                .param("organization", school.organization())
                .param("date", moved.firstDay())
                .update();

        var teacher = school.teacher();
        api.call(teacher, "PUT", "/api/journals/" + newJournal + "/subject-chat", "{\"requested\": true}");
        api.call(teacher, "PUT", "/api/lessons/" + lesson + "/video-call", "{\"on\": true}");
        api.call(teacher, "POST", "/api/lessons/" + lesson + "/publish", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> chatOf(school, newJournal)
                .map(chat -> active(chat).contains(school.teacherVk())
                        && active(chat).containsAll(moved.linkedPupilsVk(jdbc)))
                .orElse(false));
        settle();

        var fresh = chatOf(school, newJournal).orElseThrow();
        assertThat(fresh.id()).isNotEqualTo(archived.id());
        assertThat(fresh.title()).isEqualTo(moved.chatTitle());
        assertThat(chatOf(school, journal).orElseThrow())
                .as("the archived chat untouched")
                .isEqualTo(archived);
        assertThat(count("sync.chat where journal_id = '" + journal + "' and state = 'ARCHIVED'"))
                .isOne();
        assertThat(count("sync.chat where journal_id = '" + newJournal + "' and state = 'ACTIVE'"))
                .isOne();
    }

    /** The school admin enters the hand-down and adds SFERUM_SYNC; the teacher's video lessons make chats. */
    private School connect(int number, boolean emptyArchivedChats) throws Exception {
        var communities = application.getBean(DemoCommunities.class).listed();
        var community = communities.get(number - 1);
        var admin = "admin" + number;
        var teacher = application.getBean(DemoVkAccounts.class).listed().get(number).stream()
                .filter(DemoVkAccount::featured)
                .findFirst()
                .orElseThrow();
        var organization = community.organization();
        api.call(
                admin,
                "PUT",
                "/api/orgs/" + organization + "/sferum-community",
                "{\"communityId\": %d, \"token\": \"%s\"}".formatted(community.id(), community.token()));
        var task = UUID.fromString(api.call(
                        admin,
                        "POST",
                        "/api/orgs/" + organization + "/exchange-tasks",
                        "{\"type\":\"SFERUM_SYNC\",\"enabled\":true}")
                .get("id")
                .asString());
        api.call(
                admin,
                "PUT",
                "/api/orgs/" + organization + "/chat-policy",
                "{\"parentsInChats\":true,\"removeStrangers\":true,\"emptyArchivedChats\":%s}"
                        .formatted(emptyArchivedChats));
        var linked = new LinkedVkAccounts(application, application.getBean(Clock.class));
        var teacherId = personOf(teacher.username(), "employee_id");
        linked.link(
                PersonKind.EMPLOYEE,
                teacherId,
                organization,
                teacher.vkUserId(),
                vk.issueUserToken(teacher.vkUserId()));

        var journals = twoClassJournals(teacherId);
        var lessons = new ArrayList<UUID>();
        var members = new LinkedHashSet<Long>();
        for (var journal : journals) {
            for (var pupil : twoPupilsOf(journal)) {
                members.add(link(linked, PersonKind.PUPIL, pupil, organization));
                var parent = jdbc.sql("select parent_id from school.pupil_parent where pupil_id = :pupil limit 1")
                        .param("pupil", pupil)
                        .query(UUID.class)
                        .optional();
                if (parent.isPresent()) {
                    members.add(link(linked, PersonKind.PARENT, parent.get(), organization));
                }
            }
            var lesson = firstDraftAfterToday(journal);
            api.call(teacher.username(), "PUT", "/api/journals/" + journal + "/subject-chat", "{\"requested\": true}");
            api.call(teacher.username(), "PUT", "/api/lessons/" + lesson + "/video-call", "{\"on\": true}");
            api.call(teacher.username(), "POST", "/api/lessons/" + lesson + "/publish", null);
            lessons.add(lesson);
        }
        return new School(
                number,
                organization,
                community.id(),
                admin,
                teacher.username(),
                teacher.vkUserId(),
                task,
                journals,
                lessons,
                members);
    }

    /** A VK test account for the pupil or parent, linked as «Привязать к VK ID» leaves it; its VK user id. */
    private long link(LinkedVkAccounts linked, PersonKind kind, UUID person, UUID organization) {
        var known = jdbc.sql("select sferum_user_id from school.%s where id = :id"
                        .formatted(kind.name().toLowerCase(java.util.Locale.ROOT)))
                .param("id", person)
                .query(Long.class)
                .optional();
        if (known.isPresent() && known.get() != null) {
            return known.get();
        }
        var id = nextVkUser++;
        vk.addUser(Seed.User.of(id, "Демо", "Пользователь" + id, id + "@vk.test", "pw"));
        linked.link(kind, person, organization, id, vk.issueUserToken(id));
        return id;
    }

    private Set<Long> expectedMembers(School school, UUID journal) {
        return Set.copyOf(jdbc.sql(
                        """
                        select m.sferum_user_id from school.sync_journal_member m
                        where m.journal_id = :journal and m.sferum_user_id is not null""")
                .param("journal", journal)
                .query(Long.class)
                .list());
    }

    private UUID personOf(String username, String column) {
        return jdbc.sql("select " + column + " from accounts.user_account where username = :username")
                .param("username", username)
                .query(UUID.class)
                .single();
    }

    /** The teacher's first two journals of a whole class that have a lesson after today. */
    private List<UUID> twoClassJournals(UUID teacher) {
        return jdbc.sql(
                        """
                        select j.id from school.journal j
                        join school.journal_teacher jt on jt.journal_id = j.id and jt.employee_id = :teacher
                        join school.subject s on s.id = j.subject_id
                        join school.class_unit c on c.id = j.class_unit_id
                        where j.kind = 'GENERAL_EDUCATION'
                          and exists (select 1 from school.lesson l where l.journal_id = j.id
                                        and l.lesson_date > :today and l.publication = 'DRAFT')
                        order by c.grade, c.letter, s.name limit 2""")
                .param("teacher", teacher)
                .param("today", today)
                .query(UUID.class)
                .list();
    }

    private List<UUID> twoPupilsOf(UUID journal) {
        return jdbc.sql(
                        """
                        select p.id from school.pupil p join school.journal j on j.class_unit_id = p.class_unit_id
                        where j.id = :journal order by p.last_name, p.first_name limit 2""")
                .param("journal", journal)
                .query(UUID.class)
                .list();
    }

    private UUID firstDraftAfterToday(UUID journal) {
        return jdbc.sql(
                        """
                        select id from school.lesson where journal_id = :journal and lesson_date > :today
                          and publication = 'DRAFT' order by lesson_date, starts_at limit 1""")
                .param("journal", journal)
                .param("today", today)
                .query(UUID.class)
                .single();
    }

    private String yearTitle() {
        return jdbc.sql("select title from school.academic_year where :today between starts_on and ends_on")
                .param("today", today)
                .query(String.class)
                .single();
    }

    /** The journal's chat of the latest year in the emulator, by the ledger's chat id in the school's community. */
    private Optional<EmulatorSnapshot.Chat> chatOf(School school, UUID journal) {
        var chatId = jdbc.sql(
                        """
                        select c.chat_id from sync.chat c join school.academic_year y on y.id = c.academic_year_id
                        where c.journal_id = :journal and c.chat_id is not null
                        order by y.starts_on desc limit 1""")
                .param("journal", journal)
                .query(Long.class)
                .optional();
        return chatId.flatMap(id -> vk.chats().stream()
                .filter(chat -> id.equals(chat.localIds().get(-school.community())))
                .findFirst());
    }

    private static List<Long> active(EmulatorSnapshot.Chat chat) {
        return chat.activeMembers().stream()
                .map(EmulatorSnapshot.Member::memberId)
                .toList();
    }

    private Map<Long, Long> activeCallsByStarter() {
        var calls = new HashMap<Long, Long>();
        vk.calls().stream()
                .filter(call -> call.state().equals("active"))
                .forEach(call -> calls.merge(call.startedBy(), 1L, Long::sum));
        return calls;
    }

    private void runNow(School school) {
        var run =
                UUID.fromString(api.call(school.admin(), "POST", "/api/exchange-tasks/" + school.task() + "/runs", null)
                        .get("id")
                        .asString());
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql("select status from exchange.run where id = :run")
                .param("run", run)
                .query(String.class)
                .single()
                .matches("SUCCEEDED|PARTIAL|FAILED"));
        assertThat(jdbc.sql("select status from exchange.run where id = :run")
                        .param("run", run)
                        .query(String.class)
                        .single())
                .isEqualTo("SUCCEEDED");
        settle();
    }

    private void settle() {
        await().atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ofMillis(300))
                .until(() -> count("sync.operation where status in ('PENDING', 'RUNNING')") == 0);
    }

    private int count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
    }
}
