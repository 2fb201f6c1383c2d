package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.sync.max.MaxBotUpdate;
import ru.paragraf.sferum.sync.max.MaxUpdates;
import ru.paragraf.sferum.sync.max.MaxUser;

/**
 * Linking a MAX account from the diary's «Чаты» (issue 18): «Привязать MAX» shows a one-time deep link to the school's
 * bot; the bot's {@code bot_started} with its start code links the MAX user to the person (the diary's link, then
 * school's {@code max_user_id} by the data transfer) and is answered in the person's dialog; a used, expired or other
 * school's code links nothing; one MAX account belongs to one person; «Отвязать» removes the link. The updates are
 * handed to the handler as the updates inbox does, in one transaction; the workers are off.
 */
@SpringBootTest(properties = "sferum.sync.workers-enabled=false")
@AutoConfigureMockMvc
class MaxAccountLinkTests {

    static final long BOT_A = 900_000_622L, BOT_B = 900_000_623L;
    static final Pattern DEEP_LINK =
            Pattern.compile("id=\"max-deep-link\" href=\"(https://max\\.ru/school622_bot\\?start=([A-Za-z0-9_-]+))\"");
    /** Update ids of their own: ChatAdoptionTests shares this context and database, and answers by update id too. */
    static final AtomicLong UPDATES = new AtomicLong(1_000_001L), USERS = new AtomicLong(700_000_001L);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @Autowired
    MaxAccountStart start;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void schoolsAWithAMaxBotAndBWithAnother() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        bot(SCHOOL_A, BOT_A, "school622_bot");
        bot(SCHOOL_B, BOT_B, "school623_bot");
        jdbc.sql("delete from diary.max_link").update();
        jdbc.sql("delete from diary.max_start_code").update();
        jdbc.sql("update school.pupil set max_user_id = null, max_linked_at = null")
                .update();
        jdbc.sql("update school.parent set max_user_id = null, max_linked_at = null")
                .update();
        jdbc.sql("update school.employee set max_user_id = null, max_linked_at = null")
                .update();
    }

    @Test
    void aPupilLinksHerMaxAccountByTheDeepLinkOnceAndUnlinksIt() throws Exception {
        var pupil = login("pupilA");
        assertThat(chatsPage(pupil, null))
                .contains("Аккаунт MAX не привязан")
                .contains("Привязать MAX")
                .doesNotContain("max-deep-link");

        var code = startCode(pupil);
        long user = USERS.getAndIncrement();
        long dialog = -user;

        var replies = start(SCHOOL_A, BOT_A, user, dialog, code);

        assertThat(replies)
                .containsExactly(
                        "Аккаунт MAX привязан к дневнику. Теперь школа сможет добавлять вас в чаты по предметам.");
        assertThat(link(PUPIL_A)).isEqualTo(user);
        await().atMost(Duration.ofSeconds(20)).until(() -> Long.valueOf(user).equals(schoolMaxUser("pupil", PUPIL_A)));
        assertThat(audited("MAX_ACCOUNT_LINKED", "pupil:" + PUPIL_A)).isEqualTo(1);
        var page = chatsPage(pupil, null);
        assertThat(page).contains("MAX привязан").contains("Отвязать").contains(Long.toString(user));

        assertThat(start(SCHOOL_A, BOT_A, user, dialog, code))
                .as("the link is single-use")
                .containsExactly(
                        "Эта ссылка уже использована. Чтобы привязать MAX заново, откройте «Привязать MAX» в дневнике ещё раз.");

        var unlink = mvc.perform(post("/diary/max/unlink").session(pupil).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(unlink.getRedirectedUrl()).isEqualTo("/diary/chats?max=unlinked");
        assertThat(link(PUPIL_A)).isNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> schoolMaxUser("pupil", PUPIL_A) == null);
        assertThat(audited("MAX_ACCOUNT_UNLINKED", "pupil:" + PUPIL_A)).isEqualTo(1);
        assertThat(chatsPage(pupil, "unlinked"))
                .contains("Аккаунт MAX отвязан.")
                .contains("Привязать MAX");
    }

    @Test
    void oneMaxAccountBelongsToOnePerson() throws Exception {
        long user = USERS.getAndIncrement();
        assertThat(start(SCHOOL_A, BOT_A, user, -user, startCode(login("pupilA"))))
                .containsExactly(
                        "Аккаунт MAX привязан к дневнику. Теперь школа сможет добавлять вас в чаты по предметам.");

        var parentsCode = startCode(login("parentA"));
        assertThat(start(SCHOOL_A, BOT_A, user, -user, parentsCode))
                .containsExactly(
                        "Этот аккаунт MAX уже привязан к другому человеку в дневнике: один аккаунт MAX — один человек. Сначала отвяжите его там.");
        assertThat(link(PARENT_A)).isNull();
        assertThat(link(PUPIL_A)).isEqualTo(user);

        long own = USERS.getAndIncrement();
        assertThat(start(SCHOOL_A, BOT_A, own, -own, parentsCode))
                .as("the refused code is still the parent's to use")
                .containsExactly(
                        "Аккаунт MAX привязан к дневнику. Теперь школа сможет добавлять вас в чаты по предметам.");
        assertThat(link(PARENT_A)).isEqualTo(own);
        await().atMost(Duration.ofSeconds(20)).until(() -> Long.valueOf(own).equals(schoolMaxUser("parent", PARENT_A)));
    }

    @Test
    void anExpiredOrOtherSchoolsOrUnknownCodeLinksNothing() throws Exception {
        var teacher = login("teacherA1");
        var expired = startCode(teacher);
        jdbc.sql("update diary.max_start_code set expires_at = now() - interval '1 minute'")
                .update();
        long user = USERS.getAndIncrement();

        assertThat(start(SCHOOL_A, BOT_A, user, -user, expired))
                .containsExactly("Срок действия ссылки истёк. Откройте «Привязать MAX» в дневнике ещё раз.");

        var fresh = startCode(teacher);
        assertThat(start(SCHOOL_B, BOT_B, user, -user, fresh))
                .as("school A's link opened with school B's bot")
                .containsExactly("Ссылка не подошла. Откройте «Привязать MAX» в дневнике ещё раз.");
        assertThat(start(SCHOOL_A, BOT_A, user, -user, "made-up-code"))
                .containsExactly("Ссылка не подошла. Откройте «Привязать MAX» в дневнике ещё раз.");
        assertThat(link(TEACHER_A1)).isNull();

        assertThat(start(SCHOOL_A, BOT_A, user, -user, fresh))
                .containsExactly(
                        "Аккаунт MAX привязан к дневнику. Теперь школа сможет добавлять вас в чаты по предметам.");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Long.valueOf(user).equals(schoolMaxUser("employee", TEACHER_A1)));
    }

    @Test
    void aStartWithoutACodeLinksNothingAndIsNotAnswered() {
        long user = USERS.getAndIncrement();
        assertThat(start(SCHOOL_A, BOT_A, user, -user, null)).isEmpty();
        assertThat(jdbc.sql("select count(*) from diary.max_link")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /** Hands the bot_started update to the handler; returns the answers queued in the dialog. */
    private List<String> start(UUID organization, long bot, long user, long dialog, @Nullable String payload) {
        long id = UPDATES.getAndIncrement();
        var update = new MaxUpdates.Update(
                "bot_started",
                System.currentTimeMillis(),
                dialog,
                new MaxUser(user, "Алиса", "Ученикова", null, false),
                null,
                null,
                payload,
                null,
                null);
        transactions.executeWithoutResult(status -> start.handle(new MaxBotUpdate(id, organization, bot, update)));
        return jdbc.sql(
                        """
                        select payload ->> 'text' from sync.operation
                        where kind = 'REPLY' and object_key = :key and (payload ->> 'chatId')::bigint = :dialog
                          and community_id = :bot
                        """)
                .param("key", "reply:" + id)
                .param("dialog", dialog)
                .param("bot", bot)
                .query(String.class)
                .list();
    }

    private String startCode(MockHttpSession session) throws Exception {
        var result = mvc.perform(post("/diary/max/link").session(session).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/diary/chats");
        // the flash map is kept in the session: the next page shows the link, the one after it no more
        var page = mvc.perform(get("/diary/chats").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var matcher = DEEP_LINK.matcher(page);
        assertThat(matcher.find()).as("the page shows the deep link").isTrue();
        assertThat(chatsPage(session, null)).as("once").doesNotContain("max-deep-link");
        return matcher.group(2);
    }

    private String chatsPage(MockHttpSession session, @Nullable String notice) throws Exception {
        var request = get("/diary/chats").session(session);
        if (notice != null) {
            request = request.param("max", notice);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private @Nullable Long link(UUID person) {
        return jdbc.sql("select max_user_id from diary.max_link where person_id = :person")
                .param("person", person)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private @Nullable Long schoolMaxUser(String table, UUID person) {
        return jdbc.sql("select max_user_id from school." + table + " where id = :person")
                .param("person", person)
                .query((rs, row) -> java.util.Optional.ofNullable((Long) rs.getObject(1)))
                .single()
                .orElse(null);
    }

    private int audited(String action, String subject) {
        return jdbc.sql("select count(*) from audit.entry where action = :action and subject = :subject")
                .param("action", action)
                .param("subject", subject)
                .query(Integer.class)
                .single();
    }

    private void bot(UUID organization, long bot, String username) {
        jdbc.sql(
                        """
                        insert into linkbase.sferum_community (organization_id, messenger, community_id, bot_user_id,
                            bot_name, bot_username, token, token_masked, state, saved_at, saved_by)
                        values (:organization, 'MAX', null, :bot, 'Бот школы', :username, 'sealed-elsewhere', '****',
                                'VERIFIED', now(), 'test')
                        on conflict (organization_id) do nothing
                        """)
                .param("organization", organization)
                .param("bot", bot)
                .param("username", username)
                .update();
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    }
}
