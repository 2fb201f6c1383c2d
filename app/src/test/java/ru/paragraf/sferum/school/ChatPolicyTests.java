package ru.paragraf.sferum.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;

/**
 * «Настройки чатов»: who may read and change them, what a change records and publishes, what is refused. School A's
 * maths journal has its chat on for these tests, Russian has not.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ChatPolicyTests {

    private static final List<String> ACTIONS = List.of(
            "PARENTS_IN_CHATS_ON",
            "PARENTS_IN_CHATS_OFF",
            "REMOVE_STRANGERS_ON",
            "REMOVE_STRANGERS_OFF",
            "VIDEO_ROOM_TEMPLATE_SET",
            "VIDEO_ROOM_TEMPLATE_CLEARED");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    private List<UUID> requestedBefore;

    @BeforeEach
    void schoolAWithOneChat() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        requestedBefore = jdbc.sql("select id from school.journal where subject_chat_requested")
                .query(UUID.class)
                .list();
        requested(JOURNAL_A_MATHS, true);
        requested(JOURNAL_A_RUSSIAN, false);
        forgetPolicies();
    }

    /** The fixture is shared by other test classes: they find the defaults and the selectors as they were. */
    @AfterEach
    void restore() {
        forgetPolicies();
        requested(JOURNAL_A_MATHS, requestedBefore.contains(JOURNAL_A_MATHS));
        requested(JOURNAL_A_RUSSIAN, requestedBefore.contains(JOURNAL_A_RUSSIAN));
    }

    @Test
    void aSchoolThatNeverChoseHasParentsOutAndStrangersRemoved() throws Exception {
        var response = api(get("/api/orgs/" + SCHOOL_A + "/chat-policy"), "adminA");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response))
                .contains("\"parentsInChats\":false", "\"removeStrangers\":true", "\"updatedAt\":null");
    }

    @Test
    void eachSwitchChangedIsSavedWithWhoAndWhenAndAudited() throws Exception {
        var response = putPolicy("adminA", SCHOOL_A, "{\"parentsInChats\": true, \"removeStrangers\": false}");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response)).contains("\"parentsInChats\":true", "\"removeStrangers\":false", "(adminA)");
        assertThat(stored(SCHOOL_A)).isEqualTo("true false adminA");
        assertThat(audited(SCHOOL_A)).containsExactlyInAnyOrder("PARENTS_IN_CHATS_ON", "REMOVE_STRANGERS_OFF");
    }

    @Test
    void switchingParentsPlansTheSchoolsChatsOfTheCurrentYearAgain() throws Exception {
        putPolicy("adminA", SCHOOL_A, "{\"parentsInChats\": true, \"removeStrangers\": true}");
        putPolicy("adminA", SCHOOL_A, "{\"parentsInChats\": false, \"removeStrangers\": true}");

        assertThat(events.stream(RosterChanged.class))
                .containsExactly(
                        new RosterChanged(
                                SCHOOL_A,
                                Set.of(JOURNAL_A_MATHS),
                                Set.of(RosterChanged.Reason.PARENTS_IN_CHATS_CHANGED)),
                        new RosterChanged(
                                SCHOOL_A,
                                Set.of(JOURNAL_A_MATHS),
                                Set.of(RosterChanged.Reason.PARENTS_IN_CHATS_CHANGED)));
        assertThat(audited(SCHOOL_A)).containsExactlyInAnyOrder("PARENTS_IN_CHATS_ON", "PARENTS_IN_CHATS_OFF");
    }

    @Test
    void switchingStrangersAloneChangesNoChatsMembers() throws Exception {
        putPolicy("adminA", SCHOOL_A, "{\"parentsInChats\": false, \"removeStrangers\": false}");

        assertThat(events.stream(RosterChanged.class)).isEmpty();
        assertThat(audited(SCHOOL_A)).containsExactly("REMOVE_STRANGERS_OFF");
    }

    @Test
    void theSameSettingsAgainAreNeitherSavedNorAudited() throws Exception {
        var response = putPolicy("adminA", SCHOOL_A, "{\"parentsInChats\": false, \"removeStrangers\": true}");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(stored(SCHOOL_A)).isNull();
        assertThat(audited(SCHOOL_A)).isEmpty();
        assertThat(events.stream(RosterChanged.class)).isEmpty();
    }

    @Test
    void aMissingOrMalformedSwitchIsRefusedWithAProblemAndNothingChanges() throws Exception {
        var missing = putPolicy("adminA", SCHOOL_A, "{\"parentsInChats\": true}");
        var malformed =
                putPolicy("adminA", SCHOOL_A, "{\"parentsInChats\": \"yes please\", \"removeStrangers\": true}");

        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentType()).startsWith("application/problem+json");
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.getContentType()).startsWith("application/problem+json");
        assertThat(body(malformed)).doesNotContain("Exception");
        assertThat(stored(SCHOOL_A)).isNull();
    }

    @Test
    void onlyAdministratorsInScopeChangeThem() throws Exception {
        var json = "{\"parentsInChats\": true, \"removeStrangers\": true}";

        assertThat(putPolicy("adminA", SCHOOL_B, json).getStatus()).isEqualTo(404);
        assertThat(putPolicy("district1", SCHOOL_C, json).getStatus()).isEqualTo(404);
        assertThat(putPolicy("teacherA1", SCHOOL_A, json).getStatus()).isEqualTo(403);
        assertThat(putPolicy("parentA", SCHOOL_A, json).getStatus()).isEqualTo(403);
        assertThat(stored(SCHOOL_A)).isNull();
        assertThat(stored(SCHOOL_B)).isNull();
        assertThat(stored(SCHOOL_C)).isNull();

        assertThat(putPolicy("district1", SCHOOL_B, json).getStatus()).isEqualTo(200);
        assertThat(stored(SCHOOL_B)).isEqualTo("true true district1");
    }

    @Test
    void thePagesSwitchSavesAtOnceAndShowsWhoSaved() throws Exception {
        var session = login("adminA");
        var page = mvc.perform(get("/orgs/" + SCHOOL_A + "/chat-policy").session(session))
                .andReturn()
                .getResponse();
        assertThat(body(page))
                .contains("Настройки чатов", "Родители в предметных чатах", "Удалять посторонних из предметных чатов")
                .contains("Действуют настройки по умолчанию.");

        // the parents' switch turned on; the strangers' switch, now off, is not sent at all
        var card = mvc.perform(post("/orgs/" + SCHOOL_A + "/chat-policy")
                        .session(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("parentsInChats", "true"))
                .andReturn()
                .getResponse();

        assertThat(card.getStatus()).isEqualTo(200);
        assertThat(body(card))
                .contains("id=\"chat-policy\"", "Изменено ", "(adminA)")
                .doesNotContain("<html");
        assertThat(stored(SCHOOL_A)).isEqualTo("true false adminA");
        assertThat(audited(SCHOOL_A)).containsExactlyInAnyOrder("PARENTS_IN_CHATS_ON", "REMOVE_STRANGERS_OFF");
        var saved = jdbc.sql("select updated_at from school.chat_policy where organization_id = :school")
                .param("school", SCHOOL_A)
                .query(OffsetDateTime.class)
                .single();
        assertThat(body(card))
                .as("the time of the change in Moscow time, as the other pages show times, not the database's UTC")
                .contains("Изменено "
                        + DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                                .format(saved.atZoneSameInstant(clock.getZone())));
    }

    @Test
    void aVideoRoomTemplateNeedsItsPlaceholderAndAnAllowedHttpsHostAndIsRefusedInRussianOnThePage() throws Exception {
        var session = login("adminA");
        var page = mvc.perform(get("/orgs/" + SCHOOL_A + "/chat-policy").session(session))
                .andReturn()
                .getResponse();
        assertThat(body(page)).contains("id=\"video-room-template\"", "Бот MAX не умеет начинать видеозвонки");

        var refused = mvc.perform(post("/orgs/" + SCHOOL_A + "/chat-policy")
                        .session(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("removeStrangers", "true")
                        .param("videoRoomTemplate", "https://video.example.org/{journal}"))
                .andReturn()
                .getResponse();

        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(body(refused))
                .contains("id=\"video-room-template-error\"", "не входит в разрешённые для уроков")
                .contains("value=\"https://video.example.org/{journal}\"");
        assertThat(stored(SCHOOL_A)).as("nothing saved").isNull();

        var noPlaceholder = putPolicy(
                "adminA",
                SCHOOL_A,
                "{\"parentsInChats\": false, \"removeStrangers\": true,"
                        + " \"videoRoomTemplate\": \"https://telemost.yandex.ru/j/one\"}");
        assertThat(noPlaceholder.getStatus()).isEqualTo(422);
        assertThat(body(noPlaceholder)).contains("В шаблоне нет {journal}");
        assertThat(stored(SCHOOL_A)).isNull();
    }

    @Test
    void aVideoRoomTemplateChangedIsAuditedAndReplansTheSchoolsChatsAndAnEmptyOneRemovesIt() throws Exception {
        var template = "https://telemost.yandex.ru/j/{journal}";
        var saved = putPolicy(
                "adminA",
                SCHOOL_A,
                "{\"parentsInChats\": false, \"removeStrangers\": true, \"videoRoomTemplate\": \"" + template + "\"}");

        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(body(saved)).contains("\"videoRoomTemplate\":\"" + template + "\"");
        assertThat(audited(SCHOOL_A)).containsExactly("VIDEO_ROOM_TEMPLATE_SET");
        assertThat(events.stream(LessonLinksChanged.class))
                .singleElement()
                .satisfies(event -> assertThat(event.journals()).containsExactly(JOURNAL_A_MATHS));
        assertThat(jdbc.sql("select lesson_link from school.sync_lesson where lesson_id = :lesson")
                        .param("lesson", id(71))
                        .query(String.class)
                        .single())
                .as("the journal's room, by its id")
                .isEqualTo("https://telemost.yandex.ru/j/" + JOURNAL_A_MATHS);

        var unchanged = putPolicy("adminA", SCHOOL_A, "{\"parentsInChats\": false, \"removeStrangers\": true}");
        assertThat(body(unchanged)).as("left out: kept").contains("\"videoRoomTemplate\":\"" + template + "\"");

        var removed = putPolicy(
                "adminA",
                SCHOOL_A,
                "{\"parentsInChats\": false, \"removeStrangers\": true, \"videoRoomTemplate\": \"\"}");
        assertThat(body(removed)).contains("\"videoRoomTemplate\":null");
        assertThat(audited(SCHOOL_A))
                .containsExactlyInAnyOrder("VIDEO_ROOM_TEMPLATE_SET", "VIDEO_ROOM_TEMPLATE_CLEARED");
    }

    @Test
    void aSchoolAdminFindsNoOtherSchoolsPage() throws Exception {
        var response = mvc.perform(post("/orgs/" + SCHOOL_B + "/chat-policy")
                        .session(login("adminA"))
                        .with(csrf())
                        .param("parentsInChats", "true"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(stored(SCHOOL_B)).isNull();
    }

    private MockHttpServletResponse putPolicy(String who, UUID organization, String json) throws Exception {
        return api(
                put("/api/orgs/" + organization + "/chat-policy")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json),
                who);
    }

    private MockHttpServletResponse api(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String who)
            throws Exception {
        return mvc.perform(request.with(httpBasic(who, PASSWORD))).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** "parents strangers username" of the stored row, or null while the school has the defaults. */
    private String stored(UUID organization) {
        return jdbc.sql(
                        """
                        select parents_in_chats || ' ' || remove_strangers || ' '
                               || substring(updated_by from '\\((.*)\\)$')
                        from school.chat_policy where organization_id = :organization""")
                .param("organization", organization)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private List<String> audited(UUID organization) {
        return jdbc.sql(
                        """
                        select action from audit.entry
                        where organization_id = :organization and action in (:actions) and subject = :subject""")
                .param("organization", organization)
                .param("actions", ACTIONS)
                .param("subject", "organization:" + organization)
                .query(String.class)
                .list();
    }

    private void requested(UUID journal, boolean on) {
        jdbc.sql("update school.journal set subject_chat_requested = :on where id = :id")
                .param("on", on)
                .param("id", journal)
                .update();
    }

    private void forgetPolicies() {
        jdbc.sql("delete from school.chat_policy").update();
        jdbc.sql("delete from audit.entry where action in (:actions)")
                .param("actions", ACTIONS)
                .update();
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    }
}
