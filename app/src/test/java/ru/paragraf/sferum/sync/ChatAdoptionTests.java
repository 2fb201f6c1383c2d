package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.school.ChatAdoptions;
import ru.paragraf.sferum.sync.max.MaxBotUpdate;
import ru.paragraf.sferum.sync.max.MaxMessages;
import ru.paragraf.sferum.sync.max.MaxUpdates;
import ru.paragraf.sferum.sync.max.MaxUser;

/**
 * Adopting a chat made in MAX (issue 18): the journal page of a MAX school shows the steps and, on demand, a one-time
 * code; the code sent in a chat binds that chat to the journal (the ledger's row, the queued ADOPT_CHAT, the audit),
 * once; a wrong, used, replaced, expired or other school's code, or one of a journal with a chat, binds nothing and is
 * answered in the chat. The updates are handed to the handler as the updates inbox does, in one transaction; the
 * workers are off, so the queued operations stay as the handler left them.
 */
@SpringBootTest(properties = "sferum.sync.workers-enabled=false")
@AutoConfigureMockMvc
class ChatAdoptionTests {

    static final long BOT_A = 900_000_622L, BOT_B = 900_000_623L, TEACHER_MAX = 500_100_001L;
    static final Pattern CODE = Pattern.compile("id=\"chat-adoption-code-value\"[^>]*>([A-Z0-9]{8})<");
    static final AtomicLong UPDATES = new AtomicLong(1), CHATS = new AtomicLong(-70_000_000_000_001L);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @Autowired
    ChatAdoption adoption;

    @Autowired
    ChatAdoptions adoptions;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void schoolsAWithAMaxBotAndBWithAnother() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        bot(SCHOOL_A, BOT_A, "school622_bot", "Школа № 622 — бот");
        bot(SCHOOL_B, BOT_B, "school623_bot", "Школа № 623 — бот");
        jdbc.sql("delete from sync.chat where organization_id in (:a, :b)")
                .param("a", SCHOOL_A)
                .param("b", SCHOOL_B)
                .update();
        jdbc.sql("delete from sync.chat_adoption_code").update();
        jdbc.sql("delete from sync.operation where kind in ('ADOPT_CHAT', 'REPLY')")
                .update();
    }

    @Test
    void theJournalPageOfAMaxSchoolShowsTheStepsAndACodeOnlyOnDemand() throws Exception {
        var page = page("teacherA1", JOURNAL_A_MATHS);

        assertThat(page)
                .contains("Создайте чат в MAX.")
                .contains("Добавьте в чат бота школы @school622_bot")
                .contains("добавлять и удалять участников", "изменять информацию о чате", "закреплять сообщения")
                .contains("писать сообщения", "читать все сообщения")
                .contains("Отправьте в чат код журнала. Код действует 7 дн.")
                .contains("Бот MAX не умеет сам создавать чаты и начинать звонки")
                .contains("Показать код")
                .doesNotContain("chat-adoption-code-value")
                .doesNotContain("будет создан при публикации первого урока");
        assertThat(page)
                .as("the code alone: MAX's reference confirms no deep link to a group")
                .doesNotContain("startgroup");

        var first = showCode("teacherA1", JOURNAL_A_MATHS);
        var second = showCode("adminA", JOURNAL_A_MATHS);

        assertThat(first).isNotEqualTo(second);
        assertThat(jdbc.sql("select count(*) from sync.chat_adoption_code where journal_id = :journal")
                        .param("journal", JOURNAL_A_MATHS)
                        .query(Integer.class)
                        .single())
                .as("the new code replaced the unused one")
                .isEqualTo(1);
        assertThat(jdbc.sql("select code_hash from sync.chat_adoption_code")
                        .query(String.class)
                        .list())
                .as("only a hash is stored")
                .doesNotContain(first, second)
                .containsExactly(new AdoptionCode(second).hash());
    }

    @Test
    void onlyTheJournalsTeachersAndTheSchoolAdminGetACode() throws Exception {
        assertThat(showCodeStatus("teacherA1", JOURNAL_A_RUSSIAN))
                .as("another teacher's journal")
                .isEqualTo(404);
        assertThat(showCodeStatus("district1", JOURNAL_A_MATHS))
                .as("an operator only sees")
                .isEqualTo(403);
        assertThat(showCodeStatus("pupilA", JOURNAL_A_MATHS)).isEqualTo(403);
        assertThat(showCodeStatus("adminA", JOURNAL_A_RUSSIAN)).isEqualTo(200);
    }

    @Test
    void theCodeSentInAChatBindsItOnceAndQueuesItsAdoption() throws Exception {
        var code = showCode("teacherA1", JOURNAL_A_MATHS);
        long chat = CHATS.getAndDecrement();

        handle(SCHOOL_A, BOT_A, botAdded(chat));
        assertThat(chatRow(JOURNAL_A_MATHS))
                .as("the bot being added binds nothing")
                .isEmpty();

        handle(SCHOOL_A, BOT_A, message(chat, "Коллеги, вот код журнала: " + code.toLowerCase()));

        assertThat(chatRow(JOURNAL_A_MATHS)).containsExactly("ACTIVE " + chat + " " + BOT_A + " Математика 7А");
        assertThat(jdbc.sql("select used_by_chat from sync.chat_adoption_code")
                        .query(Long.class)
                        .single())
                .isEqualTo(chat);
        assertThat(operations("ADOPT_CHAT"))
                .containsExactly("PENDING " + BOT_A + " adopt:" + chat + " " + JOURNAL_A_MATHS + " " + chat);
        assertThat(operations("REPLY")).isEmpty();
        assertThat(jdbc.sql(
                                """
                        select details ->> 'chat' from audit.entry
                        where action = 'MAX_CHAT_ADOPTED' and subject = :subject and actor_account_id is null
                        """)
                        .param("subject", "journal:" + JOURNAL_A_MATHS)
                        .query(String.class)
                        .list())
                .containsExactly(Long.toString(chat));
        assertThat(page("teacherA1", JOURNAL_A_MATHS))
                .as("the journal has its chat: no steps any more")
                .doesNotContain("Создайте чат в MAX.")
                .contains("id=\"subject-chat-state\"");
        assertThat(showCodeStatus("teacherA1", JOURNAL_A_MATHS)).isEqualTo(404);

        long other = CHATS.getAndDecrement();
        handle(SCHOOL_A, BOT_A, message(other, code));
        assertThat(replies(other))
                .containsExactly(
                        "Код не подошёл: он уже использован. Возьмите новый код на странице журнала кнопкой «Показать код».");
        assertThat(chatRow(JOURNAL_A_MATHS)).containsExactly("ACTIVE " + chat + " " + BOT_A + " Математика 7А");

        var again = adoptions.issueCode(SCHOOL_A, JOURNAL_A_MATHS);
        long third = CHATS.getAndDecrement();
        handle(SCHOOL_A, BOT_A, message(third, again.code()));
        assertThat(replies(third)).containsExactly("У этого журнала уже есть чат: «Математика 7А».");
        assertThat(operations("ADOPT_CHAT")).hasSize(1);

        var russian = adoptions.issueCode(SCHOOL_A, JOURNAL_A_RUSSIAN);
        handle(SCHOOL_A, BOT_A, message(chat, russian.code()));
        assertThat(replies(chat)).containsExactly("Этот чат уже привязан к журналу «Математика 7А».");
        assertThat(chatRow(JOURNAL_A_RUSSIAN)).isEmpty();
    }

    @Test
    void aWrongReplacedExpiredOrOtherSchoolsCodeBindsNothingAndIsAnswered() throws Exception {
        var replaced = showCode("teacherA1", JOURNAL_A_MATHS);
        var current = showCode("teacherA1", JOURNAL_A_MATHS);
        var otherSchools = adoptions.issueCode(SCHOOL_B, JOURNAL_B_MATHS).code();
        var expired = adoptions.issueCode(SCHOOL_A, JOURNAL_A_RUSSIAN).code();
        jdbc.sql("update sync.chat_adoption_code set expires_at = now() - interval '1 minute' where code_hash = :hash")
                .param("hash", new AdoptionCode(expired).hash())
                .update();
        long chat = CHATS.getAndDecrement();

        handle(SCHOOL_A, BOT_A, message(chat, "Привет всем! Завтра контрольная."));
        assertThat(replies(chat))
                .as("a chat without a code is none of the bot's business")
                .isEmpty();

        handle(SCHOOL_A, BOT_A, message(chat, "AB2CD3EF"));
        handle(SCHOOL_A, BOT_A, message(chat, replaced));
        handle(SCHOOL_A, BOT_A, message(chat, expired));
        handle(SCHOOL_A, BOT_A, message(chat, otherSchools));

        var unknown = "Код не подошёл: такого кода нет. Возьмите новый код на странице журнала кнопкой «Показать код».";
        assertThat(replies(chat))
                .containsExactly(
                        unknown,
                        unknown,
                        "Код не подошёл: срок его действия истёк. Возьмите новый код на странице журнала кнопкой «Показать код».",
                        unknown);
        assertThat(chatRow(JOURNAL_A_MATHS)).isEmpty();
        assertThat(chatRow(JOURNAL_A_RUSSIAN)).isEmpty();
        assertThat(chatRow(JOURNAL_B_MATHS)).isEmpty();
        assertThat(operations("ADOPT_CHAT")).isEmpty();

        handle(SCHOOL_B, BOT_B, message(chat, otherSchools));
        assertThat(chatRow(JOURNAL_B_MATHS))
                .as("school B's code still works with school B's bot")
                .containsExactly("ACTIVE " + chat + " " + BOT_B + " Математика 5Б");

        long own = CHATS.getAndDecrement();
        handle(SCHOOL_A, BOT_A, message(own, current));
        assertThat(chatRow(JOURNAL_A_MATHS)).containsExactly("ACTIVE " + own + " " + BOT_A + " Математика 7А");
    }

    private void handle(UUID organization, long bot, MaxUpdates.Update update) {
        var stored = new MaxBotUpdate(UPDATES.getAndIncrement(), organization, bot, update);
        transactions.executeWithoutResult(status -> adoption.handle(stored));
    }

    private static MaxUpdates.Update message(long chat, String text) {
        var sender = new MaxUser(TEACHER_MAX, "Пётр", "Учителев", null, false);
        var body = new MaxMessages.Message.Body("mid." + UPDATES.get(), 1, text);
        var message = new MaxMessages.Message(
                sender, new MaxMessages.Message.Recipient(chat, "chat", null), System.currentTimeMillis(), body);
        return new MaxUpdates.Update(
                "message_created", System.currentTimeMillis(), null, null, null, null, null, null, message);
    }

    private static MaxUpdates.Update botAdded(long chat) {
        var user = new MaxUser(TEACHER_MAX, "Пётр", "Учителев", null, false);
        return new MaxUpdates.Update("bot_added", System.currentTimeMillis(), chat, user, null, null, null, null, null);
    }

    private List<String> chatRow(UUID journal) {
        return jdbc.sql("select state || ' ' || chat_id || ' ' || community_id || ' ' || title from sync.chat"
                        + " where journal_id = :journal")
                .param("journal", journal)
                .query(String.class)
                .list();
    }

    private List<String> operations(String kind) {
        return jdbc.sql(
                        """
                        select status || ' ' || community_id || ' ' || object_key || ' ' || (payload ->> 'journal')
                               || ' ' || (payload ->> 'chatId')
                        from sync.operation where kind = :kind order by id
                        """)
                .param("kind", kind)
                .query(String.class)
                .list();
    }

    private List<String> replies(long chat) {
        return jdbc.sql(
                        """
                        select payload ->> 'text' from sync.operation
                        where kind = 'REPLY' and (payload ->> 'chatId')::bigint = :chat order by id
                        """)
                .param("chat", chat)
                .query(String.class)
                .list();
    }

    private void bot(UUID organization, long bot, String username, String name) {
        jdbc.sql(
                        """
                        insert into linkbase.sferum_community (organization_id, messenger, community_id, bot_user_id,
                            bot_name, bot_username, token, token_masked, state, saved_at, saved_by)
                        values (:organization, 'MAX', null, :bot, :name, :username, 'sealed-elsewhere', '****', 'VERIFIED',
                                now(), 'test')
                        on conflict (organization_id) do nothing
                        """)
                .param("organization", organization)
                .param("bot", bot)
                .param("name", name)
                .param("username", username)
                .update();
    }

    private String page(String who, UUID journal) throws Exception {
        var response = mvc.perform(get("/journals/" + journal).session(login(who)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String showCode(String who, UUID journal) throws Exception {
        var response = showCodeResponse(who, journal);
        assertThat(response.getStatus()).isEqualTo(200);
        var matcher = CODE.matcher(response.getContentAsString());
        assertThat(matcher.find()).as("the card shows the code").isTrue();
        return matcher.group(1);
    }

    private int showCodeStatus(String who, UUID journal) throws Exception {
        return showCodeResponse(who, journal).getStatus();
    }

    private MockHttpServletResponse showCodeResponse(String who, UUID journal) throws Exception {
        return mvc.perform(post("/journals/" + journal + "/chat-adoption-code")
                        .header("HX-Request", "true")
                        .session(login(who))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    }
}
