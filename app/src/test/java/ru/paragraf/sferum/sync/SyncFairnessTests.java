package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * A lesson published while other schools' whole video day is being synchronized gets its call at once, not after
 * their work: a community new to the queue takes the next thread that comes free. With every thread busy, the
 * communities waiting for one used to be served in the fixed order of a hash map, and a community late in that
 * order waited until those before it ran out of work (minutes in the city benchmark, docs/benchmarks.md).
 */
@ConnectedCityTest
@TestPropertySource(properties = {"sferum.sync.worker-threads=1", "sferum.sync.community-concurrency=1"})
class SyncFairnessTests {

    @Autowired
    ConnectedCity city;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /**
     * The school whose teacher publishes a lesson: the second, whose community ({@code 227100002}) comes last in the
     * iteration order of a map of the three communities, where the old claiming pass left it waiting.
     */
    ConnectedCity.School quiet;

    @BeforeAll
    void connect() throws Exception {
        city.vk.faults(FaultPlan.NONE.withLatency(FaultPlan.Latency.fixed(Duration.ofMillis(50))));
        city.connect(3);
        quiet = city.schools.get(1);
        // the second school has no video day: nothing to do until its teacher publishes a lesson
        jdbc.sql("update school.lesson set publication = 'DRAFT' where organization_id = :organization")
                .param("organization", quiet.organization())
                .update();
        jdbc.sql("update school.journal set subject_chat_requested = false where organization_id = :organization")
                .param("organization", quiet.organization())
                .update();
    }

    @Test
    void aLessonPublishedDuringOtherSchoolsVideoDayGetsItsCallBeforeTheirWorkIsDone() throws Exception {
        city.enableTasks();
        await().atMost(Duration.ofMinutes(1)).until(() -> finished() >= 10);
        var lesson = jdbc.sql(
                        """
                        select l.id from school.lesson l join school.journal j on j.id = l.journal_id
                        where l.organization_id = :organization and j.kind = 'GENERAL_EDUCATION'
                          and l.lesson_date > :today
                        order by l.lesson_date, l.starts_at, l.id limit 1""")
                .param("organization", quiet.organization())
                .param("today", LocalDate.now(clock))
                .query(UUID.class)
                .single();

        // its teacher, as ConnectedCity registered them
        var teacher = "t-"
                + jdbc.sql(
                                """
                                select jt.employee_id from school.journal_teacher jt
                                join school.lesson l on l.journal_id = jt.journal_id
                                where l.id = :lesson order by jt.employee_id limit 1""")
                        .param("lesson", lesson)
                        .query(UUID.class)
                        .single();

        api(teacher, put("/api/lessons/" + lesson + "/video-call"), "{\"on\": true}");
        api(teacher, post("/api/lessons/" + lesson + "/publish"), null);

        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select count(*) from sync.call where lesson_id = :lesson and state = 'ACTIVE'")
                                .param("lesson", lesson)
                                .query(Integer.class)
                                .single()
                        == 1);
        var stillOpen = city.open();
        System.out.println("Fairness: the published lesson's call is active with " + stillOpen
                + " operations of the other schools still open, " + finished() + " done");
        assertThat(stillOpen)
                .as("the other schools' operations still open when the published lesson's call became active")
                .isGreaterThan(50);
    }

    private int finished() {
        return city.count("sync.operation where status = 'DONE'");
    }

    private void api(
            String user,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body)
            throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(httpBasic(user, ConnectedCity.PASSWORD)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
    }
}
