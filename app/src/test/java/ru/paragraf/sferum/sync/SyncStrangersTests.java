package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.EverydaySteps;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.diary.LinkedVkAccounts;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.Seed;
import tools.jackson.databind.JsonNode;

/**
 * The chat's real members, checked (issue 15): the scheduled run reads each chat's members in the emulator, lists
 * who does not belong as «посторонние», removes them where the school wants it and renews the link they came by;
 * «Состав чата» and the run report say so in Russian, to the school's staff only. Each rule is a test named after it.
 */
@SpringBootTest(properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncStrangersTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final long PUPIL_A_VK = 700_500_001L;
    static final UUID MATHS_LESSON = SchoolFixture.id(72);

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        WORLD.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Ledger ledger;

    SyncSteps steps;
    UUID task;

    @BeforeAll
    void connectSchoolAWithAChatOfATeacherAndALinkedPupil() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        task = steps.connectSchoolA();
        WORLD.vk.addUser(Seed.User.of(PUPIL_A_VK, "Алиса", "Ученикова", "alisa@vk.test", "pw"));
        new LinkedVkAccounts(context)
                .link(PersonKind.PUPIL, PUPIL_A, SCHOOL_A, PUPIL_A_VK, WORLD.vk.issueUserToken(PUPIL_A_VK));
        var tomorrow = LocalDate.now(clock).plusDays(1);
        steps.api(
                "adminA",
                put("/api/lessons/" + MATHS_LESSON),
                "{\"date\":\"%s\",\"startsAt\":\"10:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                        .formatted(tomorrow));
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api("teacherA1", put("/api/lessons/" + MATHS_LESSON + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/publish"), null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> members().containsAll(List.of(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK)));
        steps.settle();
    }

    @Test
    @Order(0)
    void theReadinessPageCountsTheSchoolsPupilsAndParentsWithALinkedVkId() throws Exception {
        assertThat(steps.html("adminA", "/orgs/" + SCHOOL_A + "/readiness"))
                .as("the school's only pupil linked a VK ID, their parent did not")
                .contains("Учеников привязали VK ID: 1 из 1")
                .contains("Родителей привязали VK ID: 0 из 1");

        var newcomer = UUID.randomUUID();
        jdbc.sql(
                        "insert into school.pupil (id, organization_id, last_name, first_name) values (?, ?, 'Новенький', 'Иван')")
                .params(newcomer, SCHOOL_A)
                .update();
        try {
            assertThat(steps.html("adminA", "/orgs/" + SCHOOL_A + "/readiness"))
                    .contains("Учеников привязали VK ID: 1 из 2");
        } finally {
            jdbc.sql("delete from school.pupil where id = ?").param(newcomer).update();
        }
    }

    @Test
    @Order(1)
    void aStrangerWhoJoinedByAForwardedLinkIsListedAndRemovedByTheNextRun() throws Exception {
        var forwarded = inviteLink();
        var stranger = account("Чужой", "Человеков");
        assertThat(joinOnTheirOwn(stranger, forwarded).statusCode()).isEqualTo(200);
        assertThat(members()).contains(stranger);

        var run = steps.runNow("adminA", task);

        assertThat(members()).doesNotContain(stranger).contains(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK);
        assertThat(memberState(stranger)).isEqualTo("kicked");
        assertThat(inviteLink()).as("the link the stranger came by is renewed").isNotEqualTo(forwarded);
        assertThat(joinOnTheirOwn(account("Ещё", "Один"), forwarded).statusCode())
                .as("the forwarded link no longer works")
                .isEqualTo(409);
        var page = steps.html("adminA", "/journals/" + JOURNAL_A_MATHS + "/chat-members");
        assertThat(row(page, "stranger-" + stranger))
                .contains(String.valueOf(stranger))
                .contains("Чужой Человеков")
                .contains("да, ");
        assertThat(page).contains("Состав чата «").contains("Посторонние (1)").contains("в чате");
        assertThat(runMessages(run))
                .contains("Посторонний исключён из чата: Чужой Человеков (VK ID " + stranger
                        + "); ссылка-приглашение чата заменена");
        assertThat(steps.html("adminA", "/orgs/" + SCHOOL_A + "/readiness"))
                .contains("Посторонних найдено в предметных чатах: 1, из них сейчас в чатах: 0")
                .contains("/journals/" + JOURNAL_A_MATHS + "/chat-members");
    }

    @Test
    @Order(2)
    void theCommunityItselfIsNeverAStranger() throws Exception {
        assertThat(WORLD.vk.snapshot().chat(chatOf()).activeMembers())
                .extracting(EmulatorSnapshot.Member::memberId)
                .as("the community is a member of its chat")
                .contains(-SyncWorld.COMMUNITY_A);
        assertThat(steps.count("sync.chat_stranger where vk_user_id = " + -SyncWorld.COMMUNITY_A))
                .isZero();
        var api = EverydaySteps.json(
                steps.api("teacherA1", get("/api/journals/" + JOURNAL_A_MATHS + "/chat-members"), null));
        assertThat(api.get("strangers")).hasSize(1);
        assertThat(api.get("strangers").get(0).get("vkUserId").asLong()).isPositive();
        assertThat(api.get("checkedAt").isNull()).isFalse();
    }

    @Test
    @Order(3)
    void withThePolicyOffAStrangerIsListedNotRemoved() throws Exception {
        removeStrangers(false);
        var stranger = account("Незваный", "Гость");
        assertThat(joinOnTheirOwn(stranger, inviteLink()).statusCode()).isEqualTo(200);
        var link = inviteLink();

        var run = steps.runNow("adminA", task);

        assertThat(members()).contains(stranger);
        assertThat(inviteLink()).isEqualTo(link);
        var page = steps.html("adminA", "/journals/" + JOURNAL_A_MATHS + "/chat-members");
        // kept for a screenshot of the page with one stranger removed and one kept
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.writeString(Path.of("target", "screenshots", "chat-members.html"), page);
        assertThat(row(page, "stranger-" + stranger)).contains("Незваный Гость").contains("нет");
        assertThat(runMessages(run))
                .contains(
                        "В чате посторонний: Незваный Гость (VK ID " + stranger
                                + "). Не исключён: школа не удаляет посторонних из предметных чатов (раздел «Настройки чатов»)");

        removeStrangers(true);
        steps.runNow("adminA", task);
        assertThat(members()).doesNotContain(stranger);
    }

    @Test
    @Order(4)
    void pupilsAndParentsNeverSeeTheChatsMembers() throws Exception {
        for (var who : List.of("pupilA", "parentA")) {
            var page = mvc.perform(get("/journals/" + JOURNAL_A_MATHS + "/chat-members")
                            .session(steps.login(who)))
                    .andReturn()
                    .getResponse();
            assertThat(page.getStatus()).as(who).isIn(403, 404);
            assertThat(page.getContentAsString()).doesNotContain(String.valueOf(PUPIL_A_VK));
            var api = mvc.perform(get("/api/journals/" + JOURNAL_A_MATHS + "/chat-members")
                            .with(httpBasic(who, PASSWORD)))
                    .andReturn()
                    .getResponse();
            assertThat(api.getStatus()).as(who).isIn(403, 404);
            assertThat(api.getContentAsString()).doesNotContain(String.valueOf(PUPIL_A_VK));
        }
        var otherSchool = mvc.perform(get("/api/journals/" + JOURNAL_B_MATHS + "/chat-members")
                        .with(httpBasic("teacherA1", PASSWORD)))
                .andReturn()
                .getResponse();
        assertThat(otherSchool.getStatus()).isEqualTo(404);
        assertThat(otherSchool.getContentType()).contains("application/problem+json");
        assertThat(steps.html("teacherA1", "/journals/" + JOURNAL_A_MATHS + "/chat-members"))
                .contains(String.valueOf(PUPIL_A_VK));
    }

    @Test
    @Order(5)
    void aMemberWhoLeftOnTheirOwnIsPutInAgainWhileTheyBelong() throws Exception {
        var left = emulator("/_emulator/chats/" + chatOf() + "/leave", "{\"user_id\":%d}".formatted(PUPIL_A_VK));
        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(members()).doesNotContain(PUPIL_A_VK);

        steps.runNow("adminA", task);

        await().atMost(Duration.ofSeconds(20)).until(() -> members().contains(PUPIL_A_VK));
        steps.settle();
        assertThat(steps.count("sync.chat_member where vk_user_id = " + PUPIL_A_VK + " and state = 'ACTIVE'"))
                .isOne();
        assertThat(steps.count("sync.chat_stranger where vk_user_id = " + PUPIL_A_VK))
                .as("someone who belongs is no stranger")
                .isZero();
    }

    @Test
    @Order(6)
    void aMemberCheckLocksTheChatBeforeItsMembers() throws Exception {
        // a removal locks the chat's row, then its members: a check that wrote its members first, then the chat,
        // deadlocked with it (PostgreSQL's «deadlock detected», seen in MaxSchoolFlowTests)
        var key = mathsChat();
        assertThat(steps.count(
                        "sync.chat_member where journal_id = '%s' and state = 'ACTIVE'".formatted(JOURNAL_A_MATHS)))
                .isPositive();
        try (var removal = dataSource.getConnection();
                var statement = removal.createStatement()) {
            removal.setAutoCommit(false);
            statement.execute("select 1 from sync.chat where journal_id = '%s' and state = 'ACTIVE' for update"
                    .formatted(JOURNAL_A_MATHS));
            // a check that lists nobody: everyone the engine put in left on their own (rolled back at the end)
            var check = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
                ledger.strangers()
                        .checked(
                                key,
                                SyncWorld.COMMUNITY_A,
                                List.of(),
                                OffsetDateTime.now(clock).plusHours(1));
                status.setRollbackOnly();
            }));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> check.isDone()
                            || steps.count("pg_stat_activity where wait_event_type = 'Lock'"
                                            + " and state = 'active' and pid <> pg_backend_pid()")
                                    > 0);
            assertThat(check).as("the check waits for the chat's row").isNotDone();
            // meanwhile the removal takes the chat's members: the check holds none of them yet
            statement.execute("select 1 from sync.chat_member where journal_id = '%s' for update nowait"
                    .formatted(JOURNAL_A_MATHS));
            removal.commit();
            check.get(20, TimeUnit.SECONDS);
        }
        assertThat(steps.count(
                        "sync.chat_member where journal_id = '%s' and state = 'ACTIVE'".formatted(JOURNAL_A_MATHS)))
                .as("the check was rolled back")
                .isPositive();
    }

    @Test
    @Order(7)
    void someoneTheEngineRemovedAfterTheListWasTakenIsNoStranger() {
        var key = mathsChat();
        var listedAt = OffsetDateTime.now(clock);
        long removedMeanwhile = 700_500_071L, removedBefore = 700_500_072L;
        transactions.executeWithoutResult(status -> {
            // two former members the list shows: one the engine took out after the list was taken (a removal that
            // ran beside the check), one taken out before it and back in the chat on their own
            for (var member : List.of(removedMeanwhile, removedBefore)) {
                jdbc.sql(
                                """
                                insert into sync.chat_member (organization_id, journal_id, academic_year_id, vk_user_id,
                                                              role, state, updated_at)
                                values (:organization, :journal, :year, :member, 'PUPIL', 'REMOVED', :at)""")
                        .param("organization", key.organization())
                        .param("journal", key.journal())
                        .param("year", key.year())
                        .param("member", member)
                        .param("at", member == removedMeanwhile ? listedAt.plusSeconds(1) : listedAt.minusSeconds(1))
                        .update();
            }
            ledger.strangers()
                    .checked(
                            key,
                            SyncWorld.COMMUNITY_A,
                            List.of(
                                    new MessengerProvider.ChatMember(removedMeanwhile, "Ушедший Только-что", false),
                                    new MessengerProvider.ChatMember(removedBefore, "Вернувшийся Сам", false)),
                            listedAt);
            assertThat(jdbc.sql("select vk_user_id from sync.chat_stranger where journal_id = :journal")
                            .param("journal", JOURNAL_A_MATHS)
                            .query(Long.class)
                            .list())
                    .as("strangers found by the check")
                    .contains(removedBefore)
                    .doesNotContain(removedMeanwhile);
            status.setRollbackOnly();
        });
    }

    /** The key of the maths journal's active chat. */
    private ChatKey mathsChat() {
        return jdbc.sql("select organization_id, journal_id, academic_year_id from sync.chat"
                        + " where journal_id = :journal and state = 'ACTIVE'")
                .param("journal", JOURNAL_A_MATHS)
                .query((rs, row) -> new ChatKey(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .single();
    }

    private void removeStrangers(boolean on) {
        jdbc.sql(
                        """
                        insert into school.chat_policy (organization_id, remove_strangers, updated_at)
                        values (:school, :on, :now)
                        on conflict (organization_id) do update set remove_strangers = excluded.remove_strangers
                        """)
                .param("school", SCHOOL_A)
                .param("on", on)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** A new VK account, through the emulator's control API; returns its id. */
    private static long account(String firstName, String lastName) throws Exception {
        var answer = emulator(
                "/_emulator/accounts", "{\"first_name\":\"%s\",\"last_name\":\"%s\"}".formatted(firstName, lastName));
        assertThat(answer.statusCode()).isEqualTo(200);
        return EverydaySteps.json(answer.body()).get("user_id").asLong();
    }

    /** The user joins by a link on their own, as someone a link was forwarded to. */
    private static HttpResponse<String> joinOnTheirOwn(long user, String link) throws Exception {
        return emulator("/_emulator/chats/join", "{\"user_id\":%d,\"link\":\"%s\"}".formatted(user, link));
    }

    private static HttpResponse<String> emulator(String path, String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(WORLD.vk.baseUrl() + path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private List<String> runMessages(UUID run) throws Exception {
        var messages = new java.util.ArrayList<String>();
        JsonNode items = EverydaySteps.json(steps.api("adminA", get("/api/exchange-runs/" + run + "?size=500"), null))
                .get("items")
                .get("content");
        items.forEach(item -> {
            var message = item.get("message");
            if (message != null && !message.isNull()) {
                messages.add(message.asString());
            }
        });
        return messages;
    }

    /** The emulator's id of the maths journal's chat. */
    private long chatOf() {
        var chatId = jdbc.sql("select chat_id from sync.chat where journal_id = :journal and state = 'ACTIVE'")
                .param("journal", JOURNAL_A_MATHS)
                .query(Long.class)
                .single();
        return WORLD.vk.chats().stream()
                .filter(chat -> chat.localIds().get(-SyncWorld.COMMUNITY_A) == chatId.longValue())
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** The people in the chat (the community left out). */
    private List<Long> members() {
        var found = jdbc.sql("select count(*) from sync.chat where journal_id = :journal and chat_id is not null")
                                .param("journal", JOURNAL_A_MATHS)
                                .query(Integer.class)
                                .single()
                        == 0
                ? null
                : WORLD.vk.snapshot().chat(chatOf());
        return found == null
                ? List.of()
                : found.activeMembers().stream()
                        .map(EmulatorSnapshot.Member::memberId)
                        .filter(member -> member > 0)
                        .toList();
    }

    private String memberState(long user) {
        return WORLD.vk.snapshot().chat(chatOf()).members().stream()
                .filter(member -> member.memberId() == user)
                .findFirst()
                .orElseThrow()
                .state();
    }

    private String inviteLink() {
        var link = jdbc.sql("select invite_link from sync.chat where journal_id = :journal and state = 'ACTIVE'")
                .param("journal", JOURNAL_A_MATHS)
                .query(String.class)
                .single();
        assertThat(link).isNotNull();
        return link;
    }

    /** The table row of this id on the page. */
    private static String row(String page, String id) {
        var start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("the row %s on the page", id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
