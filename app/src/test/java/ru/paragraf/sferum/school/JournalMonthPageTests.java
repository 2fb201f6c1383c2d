package ru.paragraf.sferum.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static ru.paragraf.sferum.SchoolFixture.*;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;

/**
 * The journal page shows one month of lessons: today's by the application's clock, any other month of the year
 * through its navigation and its month picker, the current one for a month outside the year or a malformed one.
 * A journal of its own (teacherA1's, with a lesson count per month that differs between neighbours) is added beside
 * the fixture for these tests and removed after them, so the tests that share this context see the fixture as it is.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents // the same context as JournalEditingTests
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalMonthPageTests {

    static final UUID JOURNAL = new UUID(0x14a0c7L, 1), SUBJECT = new UUID(0x14a0c7L, 2);
    static final Pattern ROW = Pattern.compile("<tr id=\"lesson-([0-9a-f-]{36})\"");
    static final Pattern TOPIC = Pattern.compile("Тема (\\d{4}-\\d{2}) №\\d");
    static final Pattern PICKER_MONTH =
            Pattern.compile("data-month=\"(\\d{4}-\\d{2})\"[^>]*>\\s*<span>[^<]*</span>\\s*<span[^>]*>(\\d+)</span>");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    LocalDate today;
    YearMonth first, last;
    Map<YearMonth, Integer> lessons;
    MockHttpSession session;

    @BeforeEach
    void aJournalWithLessonsInEveryMonthOfTheYear() {
        today = LocalDate.now(clock);
        SchoolFixture.insert(jdbc, accounts, today);
        var year = jdbc.sql("select starts_on, ends_on from school.academic_year where id = :id")
                .param("id", YEAR)
                .query((rs, row) ->
                        new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .single();
        first = YearMonth.from(year[0]);
        last = YearMonth.from(year[1]);
        lessons = new LinkedHashMap<>();
        for (var month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            lessons.put(month, month.getMonthValue() % 3 + 1); // neighbours always differ: 1, 2 or 3 lessons
        }
        if (jdbc.sql("select count(*) from school.journal where id = :id")
                        .param("id", JOURNAL)
                        .query(Integer.class)
                        .single()
                > 0) {
            return;
        }
        jdbc.sql("insert into school.subject (id, name) values (:id, 'Астрономия')")
                .param("id", SUBJECT)
                .update();
        jdbc.sql(
                        """
                        insert into school.journal (id, organization_id, academic_year_id, kind, subject_id, class_unit_id)
                        values (:id, :school, :year, 'GENERAL_EDUCATION', :subject, :class)""")
                .param("id", JOURNAL)
                .param("school", SCHOOL_A)
                .param("year", YEAR)
                .param("subject", SUBJECT)
                .param("class", CLASS_A_7A)
                .update();
        jdbc.sql("insert into school.journal_teacher (journal_id, employee_id) values (:journal, :teacher)")
                .param("journal", JOURNAL)
                .param("teacher", TEACHER_A1)
                .update();
        lessons.forEach((month, count) -> {
            for (int i = 1; i <= count; i++) {
                // the last lesson of a month on its last day, the first on its first: the bounds are inclusive
                var day = i == 1 ? month.atDay(1) : i == 2 ? month.atEndOfMonth() : month.atDay(15);
                jdbc.sql(
                                """
                                insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at,
                                                           duration_minutes, topic, publication)
                                values (gen_random_uuid(), :journal, :school, :day, '09:00', 45, :topic, 'DRAFT')""")
                        .param("journal", JOURNAL)
                        .param("school", SCHOOL_A)
                        .param("day", day)
                        .param("topic", "Тема %s №%d".formatted(month, i))
                        .update();
            }
        });
    }

    @AfterAll
    void removeTheJournal() {
        jdbc.sql("delete from school.lesson where journal_id = :id")
                .param("id", JOURNAL)
                .update();
        jdbc.sql("delete from school.journal_teacher where journal_id = :id")
                .param("id", JOURNAL)
                .update();
        jdbc.sql("delete from school.journal where id = :id")
                .param("id", JOURNAL)
                .update();
        jdbc.sql("delete from school.subject where id = :id")
                .param("id", SUBJECT)
                .update();
    }

    @Test
    void showsTodaysMonthOnly() throws Exception {
        var page = page("");
        var month = YearMonth.from(today); // the fixture's year is the one that holds today

        assertThat(title(page)).isEqualTo(name(month));
        assertThat(topicMonths(page)).hasSize(lessons.get(month)).containsOnly(month.toString());
        assertThat(page).doesNotContain("id=\"month-current\"");
    }

    @Test
    void theNeighboursLinksShowTheirMonthsLessonsOnly() throws Exception {
        var page = page("");
        var shown = YearMonth.from(today);
        // step forward to the year's end, then back to its beginning, by the links the page offers
        for (var step : new int[] {1, -1}) {
            var id = step > 0 ? "month-next" : "month-previous";
            while (page.contains("id=\"" + id + "\"")) {
                var target = shown.plusMonths(step);
                var link = href(page, id);
                assertThat(link).endsWith("?month=" + target);
                assertThat(text(page, id)).contains(name(target));
                page = page(link.substring(link.indexOf('?')));
                shown = target;
                assertThat(title(page)).isEqualTo(name(shown));
                assertThat(topicMonths(page)).hasSize(lessons.get(shown)).containsOnly(shown.toString());
                if (!shown.equals(YearMonth.from(today))) {
                    assertThat(href(page, "month-current")).isEqualTo("/journals/" + JOURNAL);
                }
            }
            assertThat(shown).isEqualTo(step > 0 ? last : first);
        }
    }

    @Test
    void aMonthOutsideTheYearOrNotAMonthShowsTodaysMonth() throws Exception {
        var current = name(YearMonth.from(today));
        for (var month : List.of(
                first.minusMonths(1).toString(), last.plusMonths(1).toString(), "2026-13", "дек", "", "1-1-1")) {
            var page = page("?month=" + month);
            assertThat(title(page)).as("?month=%s", month).isEqualTo(current);
        }
    }

    @Test
    void theMonthPickerListsEveryMonthOfTheYearWithItsLessonsAndMarksTheShownOne() throws Exception {
        var shown = first.plusMonths(2);
        var page = page("?month=" + shown);

        var picker = page.substring(page.indexOf("id=\"month-picker\""));
        picker = picker.substring(0, picker.indexOf("</ul>"));
        var counts = new LinkedHashMap<YearMonth, Integer>();
        var months = PICKER_MONTH.matcher(picker);
        while (months.find()) {
            counts.put(YearMonth.parse(months.group(1)), Integer.parseInt(months.group(2)));
        }
        assertThat(counts).containsExactlyEntriesOf(lessons);
        assertThat(picker)
                .containsPattern("<li class=\"page-item active\">\\s*<a [^>]*href=\"/journals/" + JOURNAL + "\\?month="
                        + shown + "\"[^>]*aria-current=\"page\"");
        assertThat(Pattern.compile("page-item active").matcher(picker).results())
                .hasSize(1);
        assertThat(Pattern.compile("aria-current=\"page\"").matcher(picker).results())
                .hasSize(1);
    }

    @Test
    void aMonthWithoutLessonsSaysSo() throws Exception {
        var month = YearMonth.from(today);
        var deleted = jdbc.sql("delete from school.lesson where journal_id = :id and lesson_date between :from and :to")
                .param("id", JOURNAL)
                .param("from", month.atDay(1))
                .param("to", month.atEndOfMonth())
                .update();
        assertThat(deleted).isEqualTo(lessons.get(month));
        try {
            var page = page("");
            assertThat(page).contains("В этом месяце уроков нет.").doesNotContain("id=\"lessons\"");
            assertThat(title(page)).isEqualTo(name(month));
        } finally {
            removeTheJournal(); // the next test's setup writes it again, whole
        }
    }

    private String page(String query) throws Exception {
        if (session == null) {
            session = login("teacherA1");
        }
        var response = mvc.perform(get("/journals/" + JOURNAL + query).session(session))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as("/journals/…%s", query).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String name(YearMonth month) {
        var names = new String[] {
            "Январь",
            "Февраль",
            "Март",
            "Апрель",
            "Май",
            "Июнь",
            "Июль",
            "Август",
            "Сентябрь",
            "Октябрь",
            "Ноябрь",
            "Декабрь"
        };
        return names[month.getMonthValue() - 1] + " " + month.getYear();
    }

    /** The month of each lesson row's topic, in the rows' order. */
    private static List<String> topicMonths(String page) {
        var months = new ArrayList<String>();
        var rows = ROW.matcher(page);
        while (rows.find()) {
            var topic = TOPIC.matcher(page.substring(rows.end()));
            assertThat(topic.find()).isTrue();
            months.add(topic.group(1));
        }
        return months;
    }

    private static String title(String page) {
        return text(page, "month-title");
    }

    private static String text(String page, String id) {
        var matcher = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(matcher.find()).as("#%s", id).isTrue();
        return matcher.group(1).strip();
    }

    private static String href(String page, String id) {
        var matcher = Pattern.compile("<a[^>]*id=\"" + id + "\"[^>]*href=\"([^\"]*)\"")
                .matcher(page);
        assertThat(matcher.find()).as("#%s's link", id).isTrue();
        return matcher.group(1);
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    }
}
