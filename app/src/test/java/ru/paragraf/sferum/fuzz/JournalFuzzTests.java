package ru.paragraf.sferum.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.paragraf.sferum.SchoolFixture;

/**
 * Journal and lesson changes: the subject-chat selector, the lesson's time and topic, video-call mode, publishing and
 * withdrawing, from the API and from the journal page. Refusals change no lesson, journal or audit entry.
 */
class JournalFuzzTests {

    static final String[] TABLES = {"school.lesson", "school.journal", "audit.entry"};
    static final String DRAFT_LESSON = SchoolFixture.id(72).toString();

    final FuzzWorld world = FuzzWorld.get();

    @Property(tries = 1000)
    void apiRefusesImpossibleLessonChanges(
            @ForAll("dates") String date,
            @ForAll("times") String startsAt,
            @ForAll("durations") String duration,
            @ForAll("topics") String topic,
            @ForAll("videoLinks") String videoLink) {
        var property = "PUT /api/lessons/{id}";
        var before = Tables.snapshot(world.jdbc, TABLES);
        var body = "{\"date\": %s, \"startsAt\": %s, \"durationMinutes\": %s, \"topic\": %s, \"videoLink\": %s}"
                .formatted(date, startsAt, duration, topic, videoLink);

        var answer = Requests.send(
                        world.mvc,
                        property,
                        put("/api/lessons/" + DRAFT_LESSON)
                                .with(world.as("teacherA1"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .hasNoServerError();

        if (answer.status() == 200) {
            answer.showsNoInternals();
            return;
        }
        answer.isProblemWithDetail();
        Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
    }

    @Property(tries = 700)
    void apiRefusesTamperedSwitchesAndIds(
            @ForAll("actions") String action, @ForAll("targets") String target, @ForAll("switchBodies") String body) {
        var property = "PUT/POST /api/journals|lessons/{id}/…";
        var before = Tables.snapshot(world.jdbc, TABLES);
        MockHttpServletRequestBuilder request =
                switch (action) {
                    case "subject-chat" -> put("/api/journals/{id}/subject-chat", target);
                    case "video-call" -> put("/api/lessons/{id}/video-call", target);
                    default -> post("/api/lessons/{id}/" + action, target);
                };

        var answer = Requests.send(
                        world.mvc,
                        property,
                        request.with(world.as("teacherA1"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .hasNoServerError();

        if (answer.status() == 200) {
            return;
        }
        // the firewall's refusal of an id it does not accept (`;`, an encoded slash) is a problem as well
        answer.isProblemWithDetail();
        Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
    }

    @Property(tries = 700)
    void lessonFormShowsRussianMessagesAndEscapesInput(
            @ForAll("rawDates") String date,
            @ForAll("rawTimes") String startsAt,
            @ForAll("rawDurations") String duration,
            @ForAll("rawTopics") String topic) {
        var property = "POST /lessons/{id} (form)";
        var before = Tables.snapshot(world.jdbc, TABLES);

        var answer = Requests.send(
                        world.mvc,
                        property,
                        post("/lessons/" + DRAFT_LESSON)
                                .with(world.as("teacherA1"))
                                .with(csrf())
                                .header("HX-Request", "true")
                                .param("date", date)
                                .param("startsAt", startsAt)
                                .param("durationMinutes", duration)
                                .param("topic", topic))
                .hasNoServerError()
                .showsNoInternals()
                .escapes(topic, date, startsAt, duration);

        if (answer.status() == 400) {
            // a date, time or number that no browser input of the form sends: the generic Russian error page
            Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
            return;
        }
        if (!answer.body().contains("class=\"invalid-feedback\"")) {
            assertThat(answer.status()).isEqualTo(200);
            return;
        }
        answer.showsRussianMessageIn("class=\"invalid-feedback\"");
        Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
    }

    @Property(tries = 300)
    void pageSwitchesRefuseTamperedValues(@ForAll("actions") String action, @ForAll("rawSwitches") String value) {
        var property = "POST /journals/{id}/subject-chat, /lessons/{id}/… (page)";
        var before = Tables.snapshot(world.jdbc, TABLES);
        var request =
                switch (action) {
                    case "subject-chat" -> post("/journals/" + SchoolFixture.JOURNAL_A_MATHS + "/subject-chat")
                            .param("requested", value);
                    case "video-call" -> post("/lessons/" + DRAFT_LESSON + "/video-call")
                            .param("on", value);
                    default -> post("/lessons/" + DRAFT_LESSON + "/" + action);
                };

        var answer = Requests.send(
                        world.mvc,
                        property,
                        request.with(world.as("teacherA1")).with(csrf()).header("HX-Request", "true"))
                .hasNoServerError()
                .showsNoInternals();

        if (answer.status() >= 400) {
            Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
        }
    }

    /** A person may edit the page's {@code ?month=}: whatever it says, the page shows a month, never an error. */
    @Property(tries = 200)
    void thePageShowsAMonthWhateverTheUrlSays(@ForAll("rawMonths") String month) {
        var property = "GET /journals/{id}?month=… (page)";

        var answer = Requests.send(
                        world.mvc,
                        property,
                        get("/journals/" + SchoolFixture.JOURNAL_A_MATHS)
                                .queryParam("month", month)
                                .with(world.as("teacherA1")))
                .hasNoServerError()
                .showsNoInternals();

        assertThat(answer.status()).as("%s with %s", property, month).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"month-title\"");
    }

    @Provide
    Arbitrary<String> rawMonths() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Hostile.text()),
                net.jqwik.api.Tuple.of(
                        3, Arbitraries.integers().between(-30, 30).map(months -> java.time.YearMonth.now()
                                .plusMonths(months)
                                .toString())),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of("2026-13", "2026-00", "+999999999-12", "-999999999-01", "2026-1", "12.2026")));
    }

    @AfterContainer
    static void report() {
        FuzzFigures.write();
    }

    @Provide
    Arbitrary<String> rawDates() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Hostile.text()),
                net.jqwik.api.Tuple.of(
                        3, Arbitraries.integers().between(-400, 400).map(days -> java.time.LocalDate.now()
                                .plusDays(days)
                                .toString())),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of("2025-02-30", "31.12.2025", "+999999999-12-31", "0000-01-01", "2025-1-1")));
    }

    @Provide
    Arbitrary<String> rawTimes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Hostile.text()),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 23).flatMap(h -> Arbitraries.integers()
                        .between(0, 59)
                        .map(m -> "%02d:%02d".formatted(h, m)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("24:00", "9:00", "09:60", "09:00:00", "-1:00")));
    }

    @Provide
    Arbitrary<String> rawDurations() {
        return Arbitraries.oneOf(
                Hostile.text(),
                Arbitraries.integers().between(-10, 300).map(String::valueOf),
                Arbitraries.of("2147483648", "-2147483649", "45.5", "1e3", "０４５"));
    }

    @Provide
    Arbitrary<String> rawTopics() {
        return Hostile.text();
    }

    @Provide
    Arbitrary<String> dates() {
        return Json.anyValue(rawDates());
    }

    @Provide
    Arbitrary<String> times() {
        return Json.anyValue(rawTimes());
    }

    @Provide
    Arbitrary<String> durations() {
        return Arbitraries.oneOf(Json.anyValue(rawDurations()), rawDurations().filter(d -> d.matches("-?\\d{1,12}")));
    }

    @Provide
    Arbitrary<String> topics() {
        return Json.anyValue(rawTopics());
    }

    @Provide
    Arbitrary<String> videoLinks() {
        var hostile = Hostile.text();
        return Json.anyValue(Arbitraries.oneOf(
                Arbitraries.of(
                        "https://telemost.yandex.ru/j/12345678901234",
                        "http://telemost.yandex.ru/j/1",
                        "https://evil.example/telemost.yandex.ru",
                        "https://telemost.yandex.ru.evil.example/j/1",
                        "https://user:secret@telemost.yandex.ru/j/1",
                        "javascript:alert(1)",
                        "https://телемост.рф/j/1",
                        "https://jazz.sber.ru/" + "x".repeat(600)),
                hostile.map(text -> "https://telemost.yandex.ru/j/" + text),
                hostile));
    }

    @Provide
    Arbitrary<String> actions() {
        return Arbitraries.of("subject-chat", "video-call", "publish", "withdraw");
    }

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.of(
                                SchoolFixture.JOURNAL_A_MATHS.toString(),
                                SchoolFixture.JOURNAL_A_CHESS.toString(),
                                SchoolFixture.JOURNAL_B_MATHS.toString(),
                                DRAFT_LESSON,
                                SchoolFixture.id(75).toString())),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.create(java.util.UUID::randomUUID).map(Object::toString)),
                net.jqwik.api.Tuple.of(
                        2, Hostile.text().filter(Hostile::encodable).filter(JournalFuzzTests::oneSegment)));
    }

    /** A path variable with a slash, or a dot segment, addresses another URL altogether. */
    static boolean oneSegment(String text) {
        return !text.contains("/") && !text.equals(".") && !text.equals("..");
    }

    @Provide
    Arbitrary<String> switchBodies() {
        return Arbitraries.oneOf(
                Json.anyValue(Arbitraries.of("true", "false", "да", "1", "on"))
                        .map(value -> "{\"requested\": %s, \"on\": %s}".formatted(value, value)),
                Json.brokenBody());
    }

    @Provide
    Arbitrary<String> rawSwitches() {
        return Arbitraries.oneOf(Arbitraries.of("true", "false", "on", "off", "1", "0", "yes"), Hostile.text());
    }
}
