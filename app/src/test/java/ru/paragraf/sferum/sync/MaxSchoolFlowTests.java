package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.maxemulator.ChatPermission;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;

/**
 * A MAX school end to end, every step through the product's own doors and MAX's updates as the emulator's people make
 * them: the admin enters the bot's token; the teacher asks the journal for a code, makes a chat in MAX, adds the bot
 * as admin and sends the code — the long poll stores the message, the adoption binds the chat, the bot renames it and
 * says so, and the journal shows the chat; the teacher and a pupil link MAX from the diary by the deep link and the
 * bot puts them into the chat; a pupil moved to another class is taken out.
 */
@MaxSchoolContext
@TestPropertySource(properties = {MaxSchoolContext.HOLD_SHARE, MaxSchoolContext.INBOX})
class MaxSchoolFlowTests {

    static final SyncWorld WORLD = SyncWorld.start();
    static final long BOT_B = 900_000_812L;
    static final String BOT_TOKEN_B = "max-flow-test-school-b-5c2e8a1f7d3b49e6a0c4d8f2b6e1a3c7";
    static final long TEACHER_B1_MAX = 800_200_001L, PUPIL_B_MAX = 800_200_002L;
    static final Pattern CODE = ChatAdoptionTests.CODE;
    static final Pattern DEEP_LINK = Pattern.compile(
            "id=\"max-deep-link\" href=\"(https://max\\.ru/school_b_flow_bot\\?start=[A-Za-z0-9_-]+)\"");

    static final MaxWorld MAX_WORLD = MaxWorld.beside(WORLD::register)
            .bot(BOT_B, "school_b_flow_bot", "Школа Б — бот", BOT_TOKEN_B)
            .user(TEACHER_B1_MAX, "Олег", "Бэшкин")
            .user(PUPIL_B_MAX, "Вера", "Ученикова")
            .start();
    static final MaxEmulator MAX = MAX_WORLD.max;

    @DynamicPropertySource
    static void messengers(DynamicPropertyRegistry registry) {
        MAX_WORLD.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    SyncSteps steps;

    @BeforeAll
    void schoolBOnMax() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        accounts.registerAll(
                List.of(
                        NewAccount.teacher("teacherB1", "Бэшкин О.", SCHOOL_B, TEACHER_B1),
                        NewAccount.pupil("pupilB", "Ученикова В.", SCHOOL_B, PUPIL_B)),
                PASSWORD);
    }

    @AfterAll
    void stopMax() {
        MAX.close();
    }

    @Test
    void aTeacherHandsAChatToTheBotByTheJournalsCodeAndPeopleLinkedByDeepLinkAreInIt() throws Exception {
        // «База ссылок»: MAX, the bot's token, verified; the exchange task on
        steps.chooseMax("adminB", SCHOOL_B, BOT_TOKEN_B);
        assertThat(steps.html("adminB", "/orgs/" + SCHOOL_B + "/readiness"))
                .as("the readiness page names the bot by its @username, verified by MAX")
                .contains("Бот MAX и его токен", "Бот MAX @school_b_flow_bot", "Проверено MAX:")
                .doesNotContain("сообщества VK Сферум", "Проверено VK Сферум");
        var task = steps.createTask("adminB", SCHOOL_B, SyncSteps.YEARLY_TASK);
        steps.api("teacherB1", put("/api/journals/" + JOURNAL_B_MATHS + "/subject-chat"), "{\"requested\": true}");

        // the journal's card says what to do and gives the code
        var teacher = steps.login("teacherB1");
        var card = mvc.perform(post("/journals/" + JOURNAL_B_MATHS + "/chat-adoption-code")
                        .header("HX-Request", "true")
                        .session(teacher)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(card).contains("@school_b_flow_bot");
        var matcher = CODE.matcher(card);
        assertThat(matcher.find()).as("the card shows the code").isTrue();
        var code = matcher.group(1);

        // in MAX: the teacher makes the chat, adds the bot, makes it admin, sends the code
        var chat = MAX.createChat(TEACHER_B1_MAX, "5Б математика");
        MAX.addBotToChat(chat, TEACHER_B1_MAX, BOT_B);
        MAX.makeAdmin(chat, TEACHER_B1_MAX, BOT_B, EnumSet.allOf(ChatPermission.class));
        MAX.sendMessage(chat, TEACHER_B1_MAX, "Код журнала: " + code);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(MAX.chat(chat).messages())
                        .anySatisfy(message -> assertThat(message.text()).startsWith("Чат привязан к журналу")));
        var title = jdbc.sql("select title from sync.chat where journal_id = :journal and chat_id = :chat")
                .param("journal", JOURNAL_B_MATHS)
                .param("chat", chat)
                .query(String.class)
                .single();
        assertThat(MAX.chat(chat).title()).as("renamed to the journal's title").isEqualTo(title);
        assertThat(steps.html("teacherB1", "/journals/" + JOURNAL_B_MATHS))
                .as("the journal shows the chat")
                .doesNotContain("chat-adoption-code-value");
        var chatLink = MAX.chat(chat).link();
        assertThat(chatLink).startsWith("https://max.ru/");
        // read on adoption after the bot's «Чат привязан…» is posted: waited for, not raced
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        jdbc.sql("select chat_link from sync.chat where journal_id = :journal and chat_id = :chat")
                                .param("journal", JOURNAL_B_MATHS)
                                .param("chat", chat)
                                .query(String.class)
                                .optional())
                .as("the chat's link as MAX gives it, read on adoption")
                .contains(chatLink));
        assertThat(steps.html("teacherB1", "/journals/" + JOURNAL_B_MATHS))
                .as("shown where a VK chat's invite link is, as the chat's link")
                .contains("href=\"" + chatLink + "\"", "Ссылка на чат:", "id=\"subject-chat-no-invite-links\"")
                .doesNotContain("Ссылка-приглашение в чат:", "не выдаёт ссылки-приглашения", "subject-chat-problem")
                .doesNotContain("lesson-changed from:body, every 2s");

        // without a link from MAX, a MAX chat is not a problem either: no warning, no waiting for an invite link
        jdbc.sql("update sync.chat set chat_link = null where journal_id = :journal and chat_id = :chat")
                .param("journal", JOURNAL_B_MATHS)
                .param("chat", chat)
                .update();
        try {
            assertThat(steps.html("teacherB1", "/journals/" + JOURNAL_B_MATHS))
                    .contains("id=\"subject-chat-no-invite-links\"", "бот школы сам добавляет в чат")
                    .doesNotContain(
                            "subject-chat-invite-link", "subject-chat-problem", "lesson-changed from:body, every 2s");
            assertThat(steps.html("teacherB1", "/diary/chats"))
                    .contains("chat-" + JOURNAL_B_MATHS)
                    .doesNotContain("diary-chat-problem", "diary-chat-join", "не выдаёт ссылки-приглашения");
        } finally {
            jdbc.sql("update sync.chat set chat_link = :link where journal_id = :journal and chat_id = :chat")
                    .param("link", chatLink)
                    .param("journal", JOURNAL_B_MATHS)
                    .param("chat", chat)
                    .update();
        }

        // the chat's owner, the teacher who made it and has not linked MAX yet, is no stranger: MAX lets nobody
        // remove them, and the run's member check leaves them be
        steps.runNow("adminB", task);
        assertThat(jdbc.sql("select members_checked_at is not null from sync.chat where chat_id = :chat")
                        .param("chat", chat)
                        .query(Boolean.class)
                        .single())
                .as("the chat's members checked")
                .isTrue();
        assertThat(jdbc.sql("select count(*) from sync.chat_stranger where vk_user_id = :owner")
                        .param("owner", TEACHER_B1_MAX)
                        .query(Integer.class)
                        .single())
                .as("the chat's owner seen as a stranger")
                .isZero();
        assertThat(MAX.chat(chat).memberIds()).contains(TEACHER_B1_MAX);

        // the teacher and a pupil link MAX from the diary's «Чаты» by the deep link
        for (var person : List.of(new Object[] {"teacherB1", TEACHER_B1_MAX}, new Object[] {"pupilB", PUPIL_B_MAX})) {
            var session = steps.login((String) person[0]);
            var before = mvc.perform(get("/diary/chats").session(session))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            mvc.perform(post("/diary/max/link").session(session).with(csrf()));
            var page = mvc.perform(get("/diary/chats").session(session))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            var link = DEEP_LINK.matcher(page);
            assertThat(link.find()).as("the deep link on «Чаты»").isTrue();
            // a MAX school's diary shows the MAX card only, worded for MAX: the bot adds people, no invite links
            assertThat(before)
                    .contains("id=\"max-card\"")
                    .doesNotContain("id=\"vkid-card\"", "Привязать к VK ID", "Вступите в чат по ссылке-приглашению")
                    .contains(
                            person[0].equals("pupilB")
                                    ? "бот школы сам добавит вас в чаты ваших предметов"
                                    : "передаёте боту школы по коду журнала");
            if (person[0].equals("pupilB")) {
                // a MAX school's pupil is told to link MAX, not VK ID: the card's button, then the deep link itself
                assertThat(before)
                        .contains("привяжите MAX, чтобы вас добавили")
                        .contains("class=\"diary-chat-link-max\" href=\"#max-card\"")
                        .doesNotContain("привяжите VK ID");
                assertThat(page).contains("class=\"diary-chat-link-max\" href=\"" + link.group(1) + "\"");
            }
            MAX.openDeepLink((Long) person[1], link.group(1));
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(MAX.chat(chat).memberIds()).contains(PUPIL_B_MAX, TEACHER_B1_MAX));
        assertThat(steps.html("pupilB", "/diary/chats"))
                .as("the diary's «Чаты» shows the MAX chat's link")
                .contains("href=\"" + chatLink + "\"", ">Открыть чат</a>")
                .doesNotContain("Вступить в чат", "diary-chat-problem");
        assertThat(jdbc.sql("select max_user_id from school.pupil where id = :pupil")
                        .param("pupil", PUPIL_B)
                        .query(Long.class)
                        .single())
                .isEqualTo(PUPIL_B_MAX);
        assertThat(MAX.chat(chat).messages().stream()
                        .filter(message -> message.text().startsWith("Чат привязан к журналу"))
                        .count())
                .as("told once")
                .isEqualTo(1);

        // the pupil moves to another class: the bot takes them out
        jdbc.sql(
                        """
                        insert into school.class_unit (id, organization_id, academic_year_id, grade, letter)
                        values ('00000000-0000-0000-0000-000000000931', :school, :year, 6, 'В')""")
                .param("school", SCHOOL_B)
                .param("year", YEAR)
                .update();
        jdbc.sql("update school.pupil set class_unit_id = '00000000-0000-0000-0000-000000000931' where id = :pupil")
                .param("pupil", PUPIL_B)
                .update();
        var run = steps.runNow("adminB", task);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(MAX.chat(chat).memberIds())
                        .doesNotContain(PUPIL_B_MAX)
                        .contains(TEACHER_B1_MAX));

        // the school's readiness and the run's journal speak of MAX and count people by their MAX accounts
        var teachersOnMax = jdbc.sql(
                        """
                        select count(*) from school.employee e where e.organization_id = :school
                          and e.max_user_id is not null
                          and exists (select 1 from school.journal_teacher jt where jt.employee_id = e.id)""")
                .param("school", SCHOOL_B)
                .query(Integer.class)
                .single();
        assertThat(teachersOnMax).as("the teacher linked MAX").isPositive();
        var readiness = steps.html("adminB", "/orgs/" + SCHOOL_B + "/readiness");
        assertThat(readiness)
                .contains("Учителя привязали MAX", "Привязано в MAX", "Родителей привязали MAX:")
                .contains("Учеников привязали MAX: 1 из") // the pupil moved to another class of the school
                .contains("привязан: " + TEACHER_B1_MAX, "учителя привязали MAX (≥ 80 %)")
                // the product's name and the exchange task's name in Paragraf say VK Sferum: nothing else does
                .doesNotContain("VK ID", "сообщества VK Сферум", "Создано в VK Сферум", "Проверено VK Сферум");
        assertThat(steps.html("adminB", "/exchange-runs/" + run))
                .contains("Проверка состава чата в MAX")
                .doesNotContain("VK ID", "в VK Сферум");
    }
}
