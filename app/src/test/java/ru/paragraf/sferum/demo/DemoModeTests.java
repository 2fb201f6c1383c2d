package ru.paragraf.sferum.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.school.SchoolDirectory;

/** Demo mode on: the demo city is loaded once at start-up, and everyone in it can log in with the demo password. */
@SpringBootTest(properties = "sferum.demo.enabled=true")
@AutoConfigureMockMvc
class DemoModeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolDirectory directory;

    @Autowired
    DemoCity demoCity;

    @Autowired
    DemoLoginsLog log;

    @Test
    void createsAnAccountForEveryTeacherPupilAndParentOfTheDemoSchools() {
        var organizations =
                jdbc.sql("select id from school.organization").query(UUID.class).list();
        assertThat(organizations).hasSize(3);
        long people = organizations.stream()
                .mapToLong(id -> directory.teachers(id).size()
                        + directory.pupils(id).size()
                        + directory.parents(id).size())
                .sum();
        var roles = jdbc.sql("select role || ' ' || count(*) from accounts.user_account group by role order by role")
                .query(String.class)
                .list();
        assertThat(roles).contains("CITY_OPERATOR 1", "DISTRICT_OPERATOR 2", "SCHOOL_ADMIN 3");
        assertThat(count("select count(*) from accounts.user_account where role in ('TEACHER', 'PUPIL', 'PARENT')"))
                .isEqualTo(people);
        assertThat(count("select count(*) from accounts.user_account")).isEqualTo(people + 6);
    }

    @ParameterizedTest
    @CsvSource({
        "city, CITY_OPERATOR",
        "district1, DISTRICT_OPERATOR",
        "district2, DISTRICT_OPERATOR",
        "admin1, SCHOOL_ADMIN",
        "admin3, SCHOOL_ADMIN",
        "teacher1-01, TEACHER",
        "teacher2-03, TEACHER",
        "pupil1-0001, PUPIL",
        "pupil3-0100, PUPIL",
        "parent1-0001, PARENT",
        "parent2-0050, PARENT"
    })
    void letsDemoLoginsLogInWithTheDemoPassword(String username, String role) throws Exception {
        mvc.perform(formLogin().user(username).password("demo"))
                .andExpect(authenticated().withUsername(username).withRoles(role));
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        mvc.perform(formLogin().user("admin1").password("wrong")).andExpect(unauthenticated());
    }

    @Test
    void linksTheFeaturedTeacherPupilAndParentToOneClass() {
        var teacherClasses = jdbc.sql(
                        """
                        select distinct coalesce(c.id, g.class_unit_id)
                        from accounts.user_account a
                        join school.journal_teacher jt on jt.employee_id = a.employee_id
                        join school.journal j on j.id = jt.journal_id
                        left join school.class_unit c on c.id = j.class_unit_id
                        left join school.study_group g on g.id = j.study_group_id
                        where a.username = 'teacher1-01' and j.kind = 'GENERAL_EDUCATION'""")
                .query(UUID.class)
                .list();
        var pupilClass = jdbc.sql(
                        """
                        select p.class_unit_id from accounts.user_account a join school.pupil p on p.id = a.pupil_id
                        where a.username = 'pupil1-0001'""")
                .query(UUID.class)
                .single();
        assertThat(teacherClasses).contains(pupilClass);
        assertThat(
                        count(
                                """
                        select count(*) from accounts.user_account pupil
                        join school.pupil_parent pp on pp.pupil_id = pupil.pupil_id
                        join accounts.user_account parent on parent.parent_id = pp.parent_id
                        where pupil.username = 'pupil1-0001' and parent.username = 'parent1-0001'"""))
                .isOne();
    }

    @Test
    void loadsTheDemoCityOnlyOnce() {
        long accounts = count("select count(*) from accounts.user_account");
        long lessons = count("select count(*) from school.lesson");

        assertThat(demoCity.prepare()).isEqualTo(new DemoCity.Prepared(false, 0));

        assertThat(count("select count(*) from accounts.user_account")).isEqualTo(accounts);
        assertThat(count("select count(*) from school.lesson")).isEqualTo(lessons);
    }

    @Test
    void showsTheDemoPageToEveryone() throws Exception {
        mvc.perform(get("/demo"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("admin1")))
                .andExpect(content().string(containsString("teacher1-01")))
                .andExpect(content().string(containsString("pupil3-0001")))
                .andExpect(content().string(containsString("parent2-0001")))
                .andExpect(content().string(containsString("district2")));
    }

    @Test
    void linksTheDemoPageFromTheLoginPageAndTheNavigation() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(containsString("id=\"demo-link\"")));
        var session = (MockHttpSession) mvc.perform(formLogin().user("admin1").password("demo"))
                .andReturn()
                .getRequest()
                .getSession();
        mvc.perform(get("/orgs/{id}/journals", organizationOf("admin1")).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nav-demo\"")));
    }

    @Test
    void printsOneLoginPerRoleAndSchool() {
        var block = log.render();

        assertThat(block)
                .contains("city / demo", "district1 / demo", "district2 / demo")
                .contains("admin1 / demo", "admin2 / demo", "admin3 / demo")
                .contains("teacher1-01 / demo", "pupil2-0001 / demo", "parent3-0001 / demo")
                .contains("Ответственный за «Параграф» в ОО, ГБОУ ")
                .doesNotContain("pupil1-0002 / demo");
    }

    private UUID organizationOf(String username) {
        return jdbc.sql("select organization_id from accounts.user_account where username = :username")
                .param("username", username)
                .query(UUID.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
