package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.sferum.diary.LinkedVkAccounts;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.FaultPlan;
import ru.paragraf.vkemulator.Seed;

/**
 * Who belongs in a subject chat (DESIGN §4), each rule pinned by a test named after it, against the real emulator:
 * everyone who belongs and has a VK ID is put in without a click, whoever no longer belongs is taken out, every
 * removal renews the invite link, and a chat never has no teacher.
 */
// the hold on big removals off (each removal here is a large share of a tiny school's chat members): its own rules are
// RemovalHoldTests'
@SpringBootTest(
        properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms", "sferum.sync.hold.share=1"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncMembershipTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final UUID MATHS_LESSON = id(72);
    static final UUID CLASS_A_7B = id(141), PUPIL_A2 = id(151), PUPIL_A3 = id(152);
    static final UUID JOURNAL_A_MATHS_7B = id(161), MATHS_7B_LESSON = id(171);
    static final long PUPIL_A_VK = 700_400_001L, PUPIL_A2_VK = 700_400_002L, PUPIL_A3_VK = 700_400_003L;
    static final long PARENT_A_VK = 700_400_004L, TEACHER_A2_VK = 700_400_005L, STRANGER_VK = 700_400_009L;

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
    Planner planner;

    SyncSteps steps;
    LinkedVkAccounts links;
    UUID task;
    LocalDate tomorrow;
    /** The chat's first invite link, as a pupil may have forwarded it before anyone was removed. */
    String firstLink;

    @BeforeAll
    void connectSchoolAWithTwoClassesAndLinkedPupils() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        links = new LinkedVkAccounts(context);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        tomorrow = LocalDate.now(clock).plusDays(1);
        secondClassOfSchoolA();
        task = steps.connectSchoolA();
        link(PersonKind.PUPIL, PUPIL_A, PUPIL_A_VK, "Алиса", "Ученикова");
        link(PersonKind.PUPIL, PUPIL_A2, PUPIL_A2_VK, "Глеб", "Второв");
        link(PersonKind.PUPIL, PUPIL_A3, PUPIL_A3_VK, "Дина", "Третьякова");
        link(PersonKind.PARENT, PARENT_A, PARENT_A_VK, "Елена", "Ученикова");
        WORLD.vk.addUser(Seed.User.of(TEACHER_A2_VK, "Мария", "Словесникова", "slovesnikova@vk.test", "pw"));
        WORLD.vk.addUser(Seed.User.of(STRANGER_VK, "Чужой", "Человек", "stranger@vk.test", "pw"));
        for (var lesson : List.of(MATHS_LESSON, MATHS_7B_LESSON)) {
            steps.api(
                    "adminA",
                    put("/api/lessons/" + lesson),
                    "{\"date\":\"%s\",\"startsAt\":\"10:00\",\"durationMinutes\":45,\"topic\":\"Дроби\"}"
                            .formatted(tomorrow));
        }
    }

    @Test
    @Order(1)
    void aLinkedPupilIsAddedWithoutAClick() throws Exception {
        openChat(JOURNAL_A_MATHS, MATHS_LESSON);

        await().atMost(Duration.ofSeconds(30)).until(() -> members(chatOf(JOURNAL_A_MATHS))
                .containsAll(List.of(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK, PUPIL_A2_VK, PUPIL_A3_VK)));
        steps.settle();
        var chat = WORLD.vk.snapshot().chat(chatOf(JOURNAL_A_MATHS));
        assertThat(chat.members())
                .filteredOn(member -> member.memberId() == PUPIL_A_VK)
                .singleElement()
                .satisfies(member -> assertThat(member.invitedBy())
                        .as("the pupil joined by the link, with their own token")
                        .isEqualTo(PUPIL_A_VK));
        assertThat(steps.count("sync.chat_member where role = 'PUPIL' and state = 'ACTIVE' and person_id = '%s'"
                        .formatted(PUPIL_A)))
                .isOne();
        firstLink = inviteLink(JOURNAL_A_MATHS);
        assertThat(chatRow(steps.html("pupilA", "/diary/chats"), JOURNAL_A_MATHS))
                .contains("вы в чате")
                .contains(firstLink);
    }

    @Test
    @Order(2)
    void parentsJoinOnlyWhereTheSchoolWantsThem() throws Exception {
        assertThat(members(chatOf(JOURNAL_A_MATHS))).doesNotContain(PARENT_A_VK);
        assertThat(chatRow(steps.html("parentA", "/diary/chats?child=" + PUPIL_A), JOURNAL_A_MATHS))
                .contains("родители в предметные чаты этой школы не добавляются")
                .doesNotContain(inviteLink(JOURNAL_A_MATHS));

        parentsInChats(true);
        steps.runNow("adminA", task);
        assertThat(members(chatOf(JOURNAL_A_MATHS))).contains(PARENT_A_VK);
        assertThat(chatRow(steps.html("parentA", "/diary/chats?child=" + PUPIL_A), JOURNAL_A_MATHS))
                .contains("вы в чате")
                .contains(inviteLink(JOURNAL_A_MATHS));

        var link = inviteLink(JOURNAL_A_MATHS);
        parentsInChats(false);
        steps.runNow("adminA", task);
        assertThat(members(chatOf(JOURNAL_A_MATHS))).doesNotContain(PARENT_A_VK).contains(PUPIL_A_VK);
        assertThat(memberState(chatOf(JOURNAL_A_MATHS), PARENT_A_VK)).isEqualTo("kicked");
        assertThat(inviteLink(JOURNAL_A_MATHS)).isNotEqualTo(link);
    }

    @Test
    @Order(3)
    void aPupilMovedToAnotherClassLeavesTheOldChatAndJoinsTheNewOne() throws Exception {
        openChat(JOURNAL_A_MATHS_7B, MATHS_7B_LESSON);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> inviteLinkOrNull(JOURNAL_A_MATHS_7B) != null
                        && members(chatOf(JOURNAL_A_MATHS_7B)).contains(SyncWorld.TEACHER_A1_VK));
        steps.settle();
        assertThat(members(chatOf(JOURNAL_A_MATHS_7B))).containsOnly(SyncWorld.TEACHER_A1_VK);
        var renewalsBefore = renewals(JOURNAL_A_MATHS);

        jdbc.sql("update school.pupil set class_unit_id = :class where id in (:pupils)")
                .param("class", CLASS_A_7B)
                .param("pupils", List.of(PUPIL_A2, PUPIL_A3))
                .update();
        steps.runNow("adminA", task);

        assertThat(members(chatOf(JOURNAL_A_MATHS)))
                .doesNotContain(PUPIL_A2_VK, PUPIL_A3_VK)
                .contains(SyncWorld.TEACHER_A1_VK, PUPIL_A_VK);
        assertThat(members(chatOf(JOURNAL_A_MATHS_7B)))
                .containsExactlyInAnyOrder(SyncWorld.TEACHER_A1_VK, PUPIL_A2_VK, PUPIL_A3_VK);
        assertThat(renewals(JOURNAL_A_MATHS) - renewalsBefore)
                .as("one renewal of the old chat's link for the two removals")
                .isOne();
        assertThat(renewals(JOURNAL_A_MATHS_7B)).as("nobody left the new chat").isZero();
    }

    @Test
    @Order(4)
    void aRemovalPlannedTwiceRenewsTheLinkOnce() throws Exception {
        // two plannings at once (after a restart) may both plan the same removal: the second finds the pupil out
        var renewalsBefore = renewals(JOURNAL_A_MATHS);
        var again = jdbc.sql(
                        """
                        insert into sync.operation (organization_id, community_id, kind, object_key, payload, status,
                                                    attempts, next_attempt_at, created_at)
                        select organization_id, community_id, kind, object_key, payload, 'PENDING', 0, now(), now()
                        from sync.operation where kind = 'REMOVE_MEMBER' and status = 'DONE'
                          and object_key = 'member:' || :journal || ':' || (payload ->> 'year') || ':' || :vkUser
                        order by id desc limit 1
                        returning id""")
                .param("journal", JOURNAL_A_MATHS.toString())
                .param("vkUser", PUPIL_A2_VK)
                .query(Long.class)
                .single();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select status from sync.operation where id = :id")
                .param("id", again)
                .query(String.class)
                .single()
                .equals("DONE"));
        steps.runNow("adminA", task);

        assertThat(members(chatOf(JOURNAL_A_MATHS))).doesNotContain(PUPIL_A2_VK);
        assertThat(renewals(JOURNAL_A_MATHS) - renewalsBefore)
                .as("the removal that took out nobody renews no link")
                .isZero();
    }

    @Test
    @Order(5)
    void aRemovalRenewsTheInviteLinkAndTheOldOneNoLongerWorks() throws Exception {
        var current = inviteLink(JOURNAL_A_MATHS);
        assertThat(renewals(JOURNAL_A_MATHS))
                .as("renewals after the parent's removal and after the pupils'")
                .isEqualTo(2);
        assertThat(current).isNotEqualTo(firstLink);

        var stranger = WORLD.vk.issueUserToken(STRANGER_VK);
        assertThat(join(stranger, firstLink)).contains("\"error_code\":917");
        assertThat(members(chatOf(JOURNAL_A_MATHS))).doesNotContain(STRANGER_VK);
        assertThat(chatRow(steps.html("pupilA", "/diary/chats"), JOURNAL_A_MATHS))
                .contains(current)
                .doesNotContain(firstLink);
        assertThat(join(stranger, current)).as("the current link works").contains("\"chat_id\"");
    }

    @Test
    @Order(6)
    void aChatNeverHasNoTeacherWhenItsTeacherIsReplaced() throws Exception {
        var chat = chatOf(JOURNAL_A_MATHS_7B);
        jdbc.sql("update school.journal_teacher set employee_id = :teacher where journal_id = :journal")
                .param("teacher", TEACHER_A2)
                .param("journal", JOURNAL_A_MATHS_7B)
                .update();
        steps.runNow("adminA", task);
        assertThat(members(chat))
                .as("the former teacher stays while no current teacher is in the chat")
                .contains(SyncWorld.TEACHER_A1_VK);
        assertThat(steps.count("sync.operation where kind = 'REMOVE_MEMBER' and object_key like '%"
                        + SyncWorld.TEACHER_A1_VK + "'"))
                .isZero();

        links.link(PersonKind.EMPLOYEE, TEACHER_A2, SCHOOL_A, TEACHER_A2_VK, WORLD.vk.issueUserToken(TEACHER_A2_VK));
        steps.runNow("adminA", task);

        assertThat(members(chat)).contains(TEACHER_A2_VK).doesNotContain(SyncWorld.TEACHER_A1_VK);
        // the chat's service messages, in the order VK numbered them
        var history = WORLD.vk.snapshot().chat(chat).messages().stream()
                .filter(message -> message.action() != null && message.actionMemberId() != null)
                .filter(message ->
                        List.of("chat_invite_user_by_link", "chat_kick_user").contains(message.action()))
                .filter(message ->
                        List.of(TEACHER_A2_VK, SyncWorld.TEACHER_A1_VK).contains(message.actionMemberId()))
                .map(message -> message.action() + " " + message.actionMemberId())
                .toList();
        assertThat(history)
                .as("the new teacher joined before the former one was removed")
                .containsExactly(
                        "chat_invite_user_by_link " + TEACHER_A2_VK, "chat_kick_user " + SyncWorld.TEACHER_A1_VK);
    }

    @Test
    @Order(7)
    void theRenewedLinkIsShownOnlyToPeopleWhoBelong() throws Exception {
        accounts.registerAll(
                List.of(NewAccount.pupil("pupilA2", "Глеб Второв", SCHOOL_A, PUPIL_A2)), SchoolFixture.PASSWORD);
        var renewed = inviteLink(JOURNAL_A_MATHS);

        assertThat(chatRow(steps.html("pupilA", "/diary/chats"), JOURNAL_A_MATHS))
                .as("a pupil still in 7А")
                .contains(renewed);
        var moved = steps.html("pupilA2", "/diary/chats");
        assertThat(moved)
                .as("a pupil moved to 7Б sees neither the old class's renewed link nor its first one")
                .doesNotContain(renewed)
                .doesNotContain(firstLink)
                .doesNotContain("id=\"chat-" + JOURNAL_A_MATHS + "\"");
        assertThat(chatRow(moved, JOURNAL_A_MATHS_7B)).contains(inviteLink(JOURNAL_A_MATHS_7B));
        assertThat(chatRow(steps.html("parentA", "/diary/chats?child=" + PUPIL_A), JOURNAL_A_MATHS))
                .as("a parent, where the school keeps parents out")
                .doesNotContain(renewed);
    }

    @Test
    @Order(8)
    void pupilsAndParentsNeverSeeOtherPeoplesVkIds() throws Exception {
        var everyone = List.of(
                PUPIL_A_VK, PUPIL_A2_VK, PUPIL_A3_VK, PARENT_A_VK, SyncWorld.TEACHER_A1_VK, TEACHER_A2_VK, STRANGER_VK);
        var pages = List.of(
                new String[] {"pupilA", "/diary/chats", String.valueOf(PUPIL_A_VK)},
                new String[] {"pupilA2", "/diary/chats", String.valueOf(PUPIL_A2_VK)},
                new String[] {"parentA", "/diary/chats?child=" + PUPIL_A, String.valueOf(PARENT_A_VK)});
        for (var page : pages) {
            var html = steps.html(page[0], page[1]);
            assertThat(html).as(page[0]).contains("id=\"chat-");
            for (var vkId : everyone) {
                if (!String.valueOf(vkId).equals(page[2])) {
                    assertThat(html).as("%s's «Чаты»", page[0]).doesNotContain(String.valueOf(vkId));
                }
            }
        }
    }

    @Test
    @Order(9)
    void aRenewalEndingWhileThePlannerRunsIsNotPlannedAgain() throws Exception {
        // a removal recorded and its renewal running, as a removal's completion leaves them (one transaction)
        var renewal = jdbc.sql(
                        """
                        with due as (update sync.chat set members_removed_at = now(), updated_at = now()
                                     where journal_id = :journal and state = 'ACTIVE'
                                     returning organization_id, community_id, journal_id, academic_year_id)
                        insert into sync.operation (organization_id, community_id, kind, object_key, payload, status,
                                                    attempts, next_attempt_at, locked_by, locked_until, created_at)
                        select organization_id, community_id, 'RENEW_INVITE_LINK',
                               'chat:' || journal_id || ':' || academic_year_id,
                               jsonb_build_object('v', :version, 'journal', journal_id, 'year', academic_year_id),
                               'RUNNING', 1, now(), 'another-node', now() + interval '1 hour', now()
                        from due
                        returning id""")
                .param("journal", JOURNAL_A_MATHS)
                .param("version", OperationPayload.VERSION)
                .query(Long.class)
                .single();
        try (var completing = dataSource.getConnection()) {
            // the renewal ends (the link got after the removal) in a transaction not committed yet ...
            completing.setAutoCommit(false);
            try (var done = completing.prepareStatement(
                            "update sync.operation set status = 'DONE', finished_at = now() where id = ?");
                    var linked = completing.prepareStatement(
                            "update sync.chat set invite_link_at = now() where journal_id = ? and state = 'ACTIVE'")) {
                done.setLong(1, renewal);
                done.executeUpdate();
                linked.setObject(1, JOURNAL_A_MATHS);
                linked.executeUpdate();
            }
            // ... while the journal is planned: its statement's snapshot has the link due and the renewal running
            var planning = CompletableFuture.supplyAsync(() -> planner.plan(SCHOOL_A, JOURNAL_A_MATHS, null));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> planning.isDone()
                            || steps.count("pg_stat_activity where wait_event_type = 'Lock'"
                                            + " and state = 'active' and pid <> pg_backend_pid()")
                                    > 0);
            completing.commit();
            planning.get(20, TimeUnit.SECONDS);
        }

        assertThat(steps.count("sync.operation where kind = 'RENEW_INVITE_LINK' and id > " + renewal))
                .as("renewals planned after the one that ended while the planner ran")
                .isZero();
    }

    @Test
    @Order(10)
    void aRemovalEndingWhileTheChatsLinkIsRenewedRenewsItAgain() throws Exception {
        var chat = chatOf(JOURNAL_A_MATHS_7B);
        var renewalsBefore = renewals(JOURNAL_A_MATHS_7B);
        var asked = WORLD.vk.stats().callsOf("messages.getInviteLink");
        WORLD.vk.faults(FaultPlan.NONE.withMethodLatency(
                "messages.getInviteLink", FaultPlan.Latency.fixed(Duration.ofSeconds(5))));
        try {
            backTo7A(PUPIL_A3);
            // A3 is out and the chat's renewal asked of VK: the link is renewed, its answer 5 s away ...
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> WORLD.vk.stats().callsOf("messages.getInviteLink") > asked);
            // ... when A2 leaves too: A2 may have seen the link the renewal got
            backTo7A(PUPIL_A2);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> steps.count("sync.chat_member where state = 'REMOVED' and vk_user_id = %d and"
                                            .formatted(PUPIL_A2_VK)
                                    + " journal_id = '%s'".formatted(JOURNAL_A_MATHS_7B))
                            == 1);
            assertThat(steps.count("sync.operation where kind = 'RENEW_INVITE_LINK' and status = 'RUNNING'"
                            + " and payload ->> 'journal' = '%s'".formatted(JOURNAL_A_MATHS_7B)))
                    .as("A2's removal ended while the renewal waited for VK's answer")
                    .isOne();
        } finally {
            WORLD.vk.faults(FaultPlan.NONE);
        }
        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ofSeconds(6))
                .until(() -> steps.openOperations() == 0);

        assertThat(members(chat)).doesNotContain(PUPIL_A2_VK, PUPIL_A3_VK);
        assertThat(renewals(JOURNAL_A_MATHS_7B) - renewalsBefore)
                .as("the renewal in flight at A2's removal, and one after it")
                .isEqualTo(2);
        assertThat(steps.count("sync.chat where journal_id = '%s' and members_removed_at > invite_link_at"
                        .formatted(JOURNAL_A_MATHS_7B)))
                .as("the chat's link asked for after its last removal")
                .isZero();
        assertThat(inviteLink(JOURNAL_A_MATHS_7B))
                .isEqualTo(WORLD.vk.snapshot().chat(chat).inviteLink());
    }

    /** The pupil goes back to 7А, and 7Б's journal is planned as the school's change would have it. */
    private void backTo7A(UUID pupil) {
        jdbc.sql("update school.pupil set class_unit_id = :class where id = :pupil")
                .param("class", CLASS_A_7A)
                .param("pupil", pupil)
                .update();
        planner.plan(SCHOOL_A, JOURNAL_A_MATHS_7B, null);
    }

    private void secondClassOfSchoolA() {
        jdbc.sql(
                        """
                        insert into school.class_unit (id, organization_id, academic_year_id, grade, letter)
                        values (:class, :school, :year, 7, 'Б') on conflict do nothing""")
                .param("class", CLASS_A_7B)
                .param("school", SCHOOL_A)
                .param("year", YEAR)
                .update();
        for (var pupil : List.of(PUPIL_A2, PUPIL_A3)) {
            jdbc.sql(
                            """
                            insert into school.pupil (id, organization_id, class_unit_id, last_name, first_name)
                            values (:pupil, :school, :class, :last, :first) on conflict do nothing""")
                    .param("pupil", pupil)
                    .param("school", SCHOOL_A)
                    .param("class", CLASS_A_7A)
                    .param("last", pupil.equals(PUPIL_A2) ? "Второв" : "Третьякова")
                    .param("first", pupil.equals(PUPIL_A2) ? "Глеб" : "Дина")
                    .update();
        }
        jdbc.sql(
                        """
                        insert into school.journal (id, organization_id, academic_year_id, kind, subject_id, class_unit_id)
                        values (:journal, :school, :year, 'GENERAL_EDUCATION', :subject, :class) on conflict do nothing""")
                .param("journal", JOURNAL_A_MATHS_7B)
                .param("school", SCHOOL_A)
                .param("year", YEAR)
                .param("subject", MATHS)
                .param("class", CLASS_A_7B)
                .update();
        jdbc.sql("insert into school.journal_teacher (journal_id, employee_id) values (:journal, :teacher) "
                        + "on conflict do nothing")
                .param("journal", JOURNAL_A_MATHS_7B)
                .param("teacher", TEACHER_A1)
                .update();
        jdbc.sql(
                        """
                        insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at,
                                                   duration_minutes, topic)
                        values (:lesson, :journal, :school, :date, '10:00', 45, 'Дроби') on conflict do nothing""")
                .param("lesson", MATHS_7B_LESSON)
                .param("journal", JOURNAL_A_MATHS_7B)
                .param("school", SCHOOL_A)
                .param("date", tomorrow)
                .update();
    }

    private void link(PersonKind kind, UUID person, long vkUser, String firstName, String lastName) {
        WORLD.vk.addUser(Seed.User.of(vkUser, firstName, lastName, vkUser + "@vk.test", "pw"));
        links.link(kind, person, SCHOOL_A, vkUser, WORLD.vk.issueUserToken(vkUser));
    }

    /** The teacher asks for the journal's chat and publishes a video lesson: the chat is created. */
    private void openChat(UUID journal, UUID lesson) throws Exception {
        steps.api("teacherA1", put("/api/journals/" + journal + "/subject-chat"), "{\"requested\": true}");
        steps.api("teacherA1", put("/api/lessons/" + lesson + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + lesson + "/publish"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> inviteLinkOrNull(journal) != null);
    }

    private void parentsInChats(boolean on) {
        jdbc.sql(
                        """
                        insert into school.chat_policy (organization_id, parents_in_chats, updated_at)
                        values (:school, :on, :now)
                        on conflict (organization_id) do update set parents_in_chats = excluded.parents_in_chats
                        """)
                .param("school", SCHOOL_A)
                .param("on", on)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** The emulator's id of the journal's chat. */
    private long chatOf(UUID journal) {
        var chatId = jdbc.sql("select chat_id from sync.chat where journal_id = :journal")
                .param("journal", journal)
                .query(Long.class)
                .single();
        return WORLD.vk.chats().stream()
                .filter(chat -> chat.localIds().get(-SyncWorld.COMMUNITY_A) == chatId.longValue())
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** The people in the chat (the community, a member too, left out). */
    private static List<Long> members(long chat) {
        var found = WORLD.vk.snapshot().chat(chat);
        return found == null
                ? List.of()
                : found.activeMembers().stream()
                        .map(EmulatorSnapshot.Member::memberId)
                        .filter(member -> member > 0)
                        .toList();
    }

    private static String memberState(long chat, long user) {
        return WORLD.vk.snapshot().chat(chat).members().stream()
                .filter(member -> member.memberId() == user)
                .findFirst()
                .orElseThrow()
                .state();
    }

    private String inviteLink(UUID journal) {
        var link = inviteLinkOrNull(journal);
        assertThat(link).as("the chat's invite link").isNotNull();
        return link;
    }

    private String inviteLinkOrNull(UUID journal) {
        return jdbc.sql("select invite_link from sync.chat where journal_id = :journal and state = 'ACTIVE'")
                .param("journal", journal)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private int renewals(UUID journal) {
        return jdbc.sql("select count(*) from sync.operation where kind = 'RENEW_INVITE_LINK' "
                        + "and payload ->> 'journal' = :journal")
                .param("journal", journal.toString())
                .query(Integer.class)
                .single();
    }

    /** The part of the «Чаты» page about one journal's chat. */
    private static String chatRow(String page, UUID journal) {
        var start = page.indexOf("id=\"chat-" + journal + "\"");
        assertThat(start).as("the chat's row on the page").isNotNegative();
        var end = page.indexOf("</li>", start);
        return page.substring(start, end);
    }

    /** Joins a chat by an invite link as the holder of a user token, over VK's API; returns VK's answer. */
    private static String join(String userToken, String link) throws IOException, InterruptedException {
        var form =
                "link=" + URLEncoder.encode(link, StandardCharsets.UTF_8) + "&access_token=" + userToken + "&v=5.199";
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(WORLD.vk.apiUrl() + "messages.joinChatByInviteLink"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
