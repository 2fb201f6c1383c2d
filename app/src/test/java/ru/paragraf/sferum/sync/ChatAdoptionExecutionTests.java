package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
 * What the workers make of a binding ({@code ADOPT_CHAT}), through the organization's {@code MessengerProvider}: a
 * chat the community manages is renamed to the journal's title and greeted; one it does not have is unbound again,
 * its code made usable, and asked for the rights. Until the MAX provider is merged the provider here is VK's, against
 * the VK emulator: the handler speaks only the provider's words, so the same steps hold for MAX.
 */
@SpringBootTest(properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatAdoptionExecutionTests {

    static final SyncWorld WORLD = SyncWorld.start();
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
    ChatAdoption adoption;

    @Autowired
    ChatAdoptions adoptions;

    @Autowired
    TransactionTemplate transactions;

    SyncSteps steps;

    @BeforeAll
    void schoolAWithTheMathsChatItsCommunityMade() throws Exception {
        steps = new SyncSteps(mvc, jdbc, WORLD);
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        steps.connectSchoolA();
        steps.api("teacherA1", put("/api/journals/" + JOURNAL_A_MATHS + "/subject-chat"), "{\"requested\": true}");
        steps.api("teacherA1", put("/api/lessons/" + MATHS_LESSON + "/video-call"), "{\"on\": true}");
        steps.api("teacherA1", post("/api/lessons/" + MATHS_LESSON + "/publish"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> chatId(JOURNAL_A_MATHS) != null);
        steps.settle();
    }

    @Test
    void aChatTheCommunityManagesIsRenamedToTheJournalAndGreetedOnce() {
        long chat = chatId(JOURNAL_A_MATHS);
        // as if people had made it: the ledger forgets it, and it is bound by the journal's code
        jdbc.sql("delete from sync.chat where journal_id = :journal")
                .param("journal", JOURNAL_A_MATHS)
                .update();
        var code = adoptions.issueCode(SCHOOL_A, JOURNAL_A_MATHS).code();

        handle(chat, "Код: " + code);

        await().atMost(Duration.ofSeconds(20)).until(() -> done("adopt:" + chat));
        assertThat(chatId(JOURNAL_A_MATHS)).isEqualTo(chat);
        var texts = WORLD.vk.chats().stream()
                .filter(it -> Long.valueOf(chat).equals(it.localIds().get(-SyncWorld.COMMUNITY_A)))
                .findFirst()
                .orElseThrow()
                .messages()
                .stream()
                .map(message -> message.text())
                .toList();
        assertThat(texts)
                .filteredOn(text -> text != null && text.startsWith("Чат привязан к журналу"))
                .containsExactly("Чат привязан к журналу «Математика 7А». Участников чата теперь ведёт школа.");
    }

    @Test
    void aChatTheCommunityDoesNotHaveIsUnboundAndItsCodeWorksAgain() {
        long chat = 987_654L;
        var code = adoptions.issueCode(SCHOOL_A, JOURNAL_A_RUSSIAN).code();

        handle(chat, code);

        await().atMost(Duration.ofSeconds(20)).until(() -> done("adopt:" + chat));
        assertThat(chatId(JOURNAL_A_RUSSIAN)).as("unbound").isNull();
        assertThat(jdbc.sql("select used_at is null from sync.chat_adoption_code where journal_id = :journal")
                        .param("journal", JOURNAL_A_RUSSIAN)
                        .query(Boolean.class)
                        .single())
                .as("the code is usable again")
                .isTrue();
        assertThat(jdbc.sql(
                                """
                        select payload ->> 'text' from sync.operation
                        where kind = 'REPLY' and (payload ->> 'chatId')::bigint = :chat
                        """)
                        .param("chat", chat)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .startsWith("Бот не может вести этот чат: назначьте его администратором");
    }

    private void handle(long chat, String text) {
        var sender = new MaxUser(SyncWorld.TEACHER_A1_VK, "Пётр", "Учителев", null, false);
        var message = new MaxMessages.Message(
                sender,
                new MaxMessages.Message.Recipient(chat, "chat", null),
                System.currentTimeMillis(),
                new MaxMessages.Message.Body("mid." + chat, 1, text));
        var update = new MaxUpdates.Update(
                "message_created", System.currentTimeMillis(), null, null, null, null, null, null, message);
        transactions.executeWithoutResult(
                status -> adoption.handle(new MaxBotUpdate(chat, SCHOOL_A, SyncWorld.COMMUNITY_A, update)));
    }

    private boolean done(String key) {
        return jdbc.sql("select count(*) from sync.operation where kind = 'ADOPT_CHAT' and object_key = :key"
                                + " and status = 'DONE'")
                        .param("key", key)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private Long chatId(UUID journal) {
        return jdbc.sql("select chat_id from sync.chat where journal_id = :journal and state = 'ACTIVE'")
                .param("journal", journal)
                .query(Long.class)
                .optional()
                .orElse(null);
    }
}
