package ru.paragraf.sferum.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;

/** The journal's selector and lesson changes: who may make them, what they publish, what they refuse. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class JournalEditingTests {

    static final UUID PUBLISHED_MATHS_LESSON = id(71), DRAFT_MATHS_LESSON = id(72), RUSSIAN_LESSON = id(73);

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

    @BeforeEach
    void schools() {
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
    }

    @Test
    void subjectChatCanBeSwitchedOnOnlyForGeneralEducationJournals() throws Exception {
        var response = mvc.perform(put("/api/journals/" + JOURNAL_A_CHESS + "/subject-chat")
                        .with(httpBasic("adminA", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requested\": true}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("JOURNAL_KIND_NOT_GENERAL_EDUCATION")
                .contains("только для общеобразовательных журналов");
        assertThat(requested(JOURNAL_A_CHESS)).isFalse();
        assertThat(events.stream(SubjectChatRequested.class)).isEmpty();
    }

    @Test
    void anotherSchoolsJournalIsAProblemThatSaysWhatIsWrong() throws Exception {
        // found by the fuzz suite: the 404 problem had no detail at all
        var response = mvc.perform(put("/api/journals/" + JOURNAL_B_MATHS + "/subject-chat")
                        .with(httpBasic("adminA", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requested\": true}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"detail\":\"Такого объекта нет, или он вам недоступен.\"");
        assertThat(requested(JOURNAL_B_MATHS)).isFalse();
    }

    @Test
    void aTopicWithControlCharactersIsRefusedWithAReason() throws Exception {
        // found by the fuzz suite: a NUL in the topic reached PostgreSQL (HTTP 500)
        var lesson = id(72);
        var date = jdbc.sql("select lesson_date from school.lesson where id = :id")
                .param("id", lesson)
                .query(LocalDate.class)
                .single();
        var before = lessonRow(lesson);

        var response = mvc.perform(put("/api/lessons/" + lesson)
                        .with(httpBasic("teacherA1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"date\": \"%s\", \"startsAt\": \"10:00\", \"durationMinutes\": 45, \"topic\": \"Тема\\u0000\"}"
                                        .formatted(date)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Тема урока содержит управляющие символы");
        assertThat(lessonRow(lesson)).isEqualTo(before);
    }

    private LocalDate lessonDate(UUID lesson) {
        return jdbc.sql("select lesson_date from school.lesson where id = :id")
                .param("id", lesson)
                .query(LocalDate.class)
                .single();
    }

    private String lessonRow(UUID lesson) {
        return jdbc.sql("select l::text from school.lesson l where id = :id")
                .param("id", lesson)
                .query(String.class)
                .single();
    }

    @Test
    void theJournalPageShowsTheSelectorDisabledWithTheReasonForOtherKinds() throws Exception {
        var page = mvc.perform(get("/journals/" + JOURNAL_A_CHESS).session(login("teacherA1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .containsPattern("id=\"subject-chat-switch\"[^>]*disabled")
                .contains("Предметный чат доступен только для общеобразовательных журналов.");
        var general = mvc.perform(get("/journals/" + JOURNAL_A_MATHS).session(login("teacherA1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(general).doesNotContainPattern("id=\"subject-chat-switch\"[^>]*disabled");
    }

    @Test
    void theJournalsTeacherSwitchesTheSelectorAndItIsPublishedOnce() throws Exception {
        var session = login("teacherA1");
        for (int i = 0; i < 2; i++) {
            var status = mvc.perform(post("/journals/" + JOURNAL_A_MATHS + "/subject-chat")
                            .param("requested", "true")
                            .header("HX-Request", "true")
                            .session(session)
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(status.getStatus()).isEqualTo(200);
            assertThat(status.getContentAsString())
                    .contains("запрошен, будет создан при публикации первого урока в режиме видеозвонка");
        }
        assertThat(requested(JOURNAL_A_MATHS)).isTrue();
        assertThat(events.stream(SubjectChatRequested.class))
                .containsExactly(new SubjectChatRequested(JOURNAL_A_MATHS, SCHOOL_A, YEAR));
        assertThat(audited("SUBJECT_CHAT_REQUESTED", "journal:" + JOURNAL_A_MATHS))
                .isEqualTo(1);

        mvc.perform(post("/journals/" + JOURNAL_A_MATHS + "/subject-chat")
                .param("requested", "false")
                .session(session)
                .with(csrf()));
        assertThat(requested(JOURNAL_A_MATHS)).isFalse();
        assertThat(events.stream(SubjectChatCancelled.class)).hasSize(1);
    }

    @Test
    void onlyTheSchoolAndTheJournalsTeachersChangeIt() throws Exception {
        var notHisJournal = mvc.perform(post("/journals/" + JOURNAL_A_RUSSIAN + "/subject-chat")
                        .param("requested", "true")
                        .session(login("teacherA1"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(notHisJournal.getStatus()).isEqualTo(404);

        var operator = mvc.perform(post("/lessons/" + RUSSIAN_LESSON + "/withdraw")
                        .session(login("district1"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(operator.getStatus()).isEqualTo(403);

        var withoutCsrf = mvc.perform(
                        post("/lessons/" + RUSSIAN_LESSON + "/withdraw").session(login("adminA")))
                .andReturn()
                .getResponse();
        assertThat(withoutCsrf.getStatus()).isEqualTo(403);
        assertThat(publication(RUSSIAN_LESSON)).isEqualTo("PUBLISHED");
    }

    @Test
    void publishingAVideoLessonPublishesTheEventsOnceEach() throws Exception {
        var session = login("teacherA1");
        var row = mvc.perform(post("/lessons/" + DRAFT_MATHS_LESSON + "/video-call")
                        .param("on", "true")
                        .header("HX-Request", "true")
                        .session(session)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(row).contains("Видеозвонок").contains("Провести очно");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/lessons/" + DRAFT_MATHS_LESSON + "/publish")
                    .session(session)
                    .with(csrf()));
        }
        assertThat(publication(DRAFT_MATHS_LESSON)).isEqualTo("PUBLISHED");
        assertThat(events.stream(LessonChanged.class))
                .containsExactly(new LessonChanged(
                        DRAFT_MATHS_LESSON, JOURNAL_A_MATHS, SCHOOL_A, java.util.Set.of(LessonChanged.Change.FORMAT)));
        assertThat(events.stream(LessonPublished.class))
                .containsExactly(
                        new LessonPublished(DRAFT_MATHS_LESSON, JOURNAL_A_MATHS, SCHOOL_A, LessonFormat.VIDEO_CALL));

        mvc.perform(post("/lessons/" + DRAFT_MATHS_LESSON + "/withdraw")
                .session(session)
                .with(csrf()));
        assertThat(publication(DRAFT_MATHS_LESSON)).isEqualTo("WITHDRAWN");
        assertThat(events.stream(LessonWithdrawn.class)).hasSize(1);
    }

    @Test
    void aChangedLessonTellsThePageSoThatTheChatCardFetchesItselfAgain() throws Exception {
        var session = login("teacherA1");
        var card = mvc.perform(get("/journals/" + JOURNAL_A_MATHS + "/subject-chat")
                        .header("HX-Request", "true")
                        .session(session))
                .andReturn()
                .getResponse();
        assertThat(card.getStatus()).isEqualTo(200);
        assertThat(card.getContentAsString())
                .startsWith("<div")
                .contains("id=\"subject-chat\"", "hx-get=\"/journals/" + JOURNAL_A_MATHS + "/subject-chat\"")
                .contains("hx-trigger=\"lesson-changed from:body\"")
                .as("no chat is being created: the card does not poll")
                .doesNotContain("every 2s", "<html");

        var published = mvc.perform(post("/lessons/" + DRAFT_MATHS_LESSON + "/publish")
                        .header("HX-Request", "true")
                        .session(session)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(published.getHeader("HX-Trigger")).isEqualTo("lesson-changed");
        assertThat(published.getContentAsString()).startsWith("<tr").contains("Опубликован");

        var withoutHtmx = mvc.perform(post("/lessons/" + DRAFT_MATHS_LESSON + "/withdraw")
                        .session(session)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(withoutHtmx.getRedirectedUrl())
                .as("back to the month of the lesson")
                .isEqualTo("/journals/" + JOURNAL_A_MATHS + "?month=" + YearMonth.from(lessonDate(DRAFT_MATHS_LESSON)));
        assertThat(withoutHtmx.getHeader("HX-Trigger")).isNull();
    }

    @Test
    void refusesATimeOutsideTheSchoolDayWithRussianReasons() throws Exception {
        var response = mvc.perform(put("/api/lessons/" + PUBLISHED_MATHS_LESSON)
                        .with(httpBasic("adminA", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"2001-01-01\", \"startsAt\": \"23:30\", \"durationMinutes\": 1000}"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("в пределах учебного года", "с 07:00 до 21:00", "от 5 до 240 минут");

        var page = mvc.perform(post("/lessons/" + PUBLISHED_MATHS_LESSON)
                        .param("date", LocalDate.now(clock).toString())
                        .param("startsAt", "05:00")
                        .param("durationMinutes", "45")
                        .param("topic", "Новая тема")
                        .header("HX-Request", "true")
                        .session(login("teacherA1"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Урок может начинаться с 07:00 до 21:00.");
        assertThat(events.stream(LessonChanged.class)).isEmpty();
    }

    @Test
    void rescheduleAndNewTopicAreOneChange() throws Exception {
        var response = mvc.perform(put("/api/lessons/" + RUSSIAN_LESSON)
                        .with(httpBasic("adminA", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"date\": \"%s\", \"startsAt\": \"11:00\", \"durationMinutes\": 40, \"topic\": \"Деепричастие\"}"
                                        .formatted(LocalDate.now(clock))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"topic\":\"Деепричастие\"", "\"startsAt\":\"11:00:00\"");
        assertThat(events.stream(LessonChanged.class)).singleElement().satisfies(changed -> assertThat(
                        changed.changes())
                .containsExactlyInAnyOrder(LessonChanged.Change.TIME, LessonChanged.Change.TOPIC));
    }

    @Test
    void takesAPastedVideoLinkToAnAllowedServiceOnlyAndShowsItInTheDiary() throws Exception {
        var link = "https://telemost.yandex.ru/j/55501234567890";
        var body = "{\"date\": \"%s\", \"startsAt\": \"11:00\", \"durationMinutes\": 40, \"videoLink\": %s}";
        var today = LocalDate.now(clock);

        for (var refused : new String[] {
            "\"http://telemost.yandex.ru/j/1\"",
            "\"https://telemost.yandex.ru.evil.example/j/1\"",
            "\"https://user:pw@telemost.yandex.ru/j/1\"",
            "\"https://telemost.yandex.ru/j/ 1\""
        }) {
            var response = mvc.perform(put("/api/lessons/" + PUBLISHED_MATHS_LESSON)
                            .with(httpBasic("adminA", PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body.formatted(today, refused)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(refused).isEqualTo(422);
            assertThat(response.getContentAsString()).as(refused).contains("\"videoLink\"");
        }
        var evil = mvc.perform(put("/api/lessons/" + PUBLISHED_MATHS_LESSON)
                        .with(httpBasic("adminA", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(today, "\"https://evil.example/j/1\"")))
                .andReturn()
                .getResponse();
        assertThat(evil.getContentAsString())
                .contains("Сервис «evil.example» не входит в разрешённые для уроков: telemost.yandex.ru");
        assertThat(videoLink(PUBLISHED_MATHS_LESSON)).isNull();
        assertThat(events.stream(LessonChanged.class)).isEmpty();

        var saved = mvc.perform(put("/api/lessons/" + PUBLISHED_MATHS_LESSON)
                        .with(httpBasic("adminA", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(today, "\" " + link + " \"")))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getContentAsString()).contains("\"videoLink\":\"" + link + "\"");
        assertThat(videoLink(PUBLISHED_MATHS_LESSON)).isEqualTo(link);
        assertThat(events.stream(LessonChanged.class))
                .anySatisfy(changed -> assertThat(changed.changes()).contains(LessonChanged.Change.VIDEO_LINK));

        var page = mvc.perform(
                        get("/lessons/" + PUBLISHED_MATHS_LESSON + "/row").session(login("teacherA1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Видеозвонок:", "href=\"" + link + "\"");
        mvc.perform(put("/api/lessons/" + PUBLISHED_MATHS_LESSON + "/video-call")
                .with(httpBasic("adminA", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"on\": true}"));
        var diary = mvc.perform(get("/diary?week=" + today).session(login("pupilA")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(diary)
                .as("the pupil's diary gives the pasted link of a video lesson")
                .contains("diary-video-link", "href=\"" + link + "\"");

        var cleared = mvc.perform(post("/lessons/" + PUBLISHED_MATHS_LESSON)
                        .param("date", today.toString())
                        .param("startsAt", "11:00")
                        .param("durationMinutes", "40")
                        .param("videoLink", "")
                        .header("HX-Request", "true")
                        .session(login("teacherA1"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(cleared.getStatus()).isEqualTo(200);
        assertThat(videoLink(PUBLISHED_MATHS_LESSON)).isNull();
    }

    private String videoLink(UUID lesson) {
        return jdbc.sql("select video_link from school.lesson where id = :id")
                .param("id", lesson)
                .query((rs, row) -> rs.getString(1))
                .list()
                .get(0);
    }

    private boolean requested(UUID journal) {
        return jdbc.sql("select subject_chat_requested from school.journal where id = :id")
                .param("id", journal)
                .query(Boolean.class)
                .single();
    }

    private String publication(UUID lesson) {
        return jdbc.sql("select publication from school.lesson where id = :id")
                .param("id", lesson)
                .query(String.class)
                .single();
    }

    private int audited(String action, String subject) {
        return jdbc.sql("select count(*) from audit.entry where action = :action and subject = :subject")
                .param("action", action)
                .param("subject", subject)
                .query(Integer.class)
                .single();
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    }
}
